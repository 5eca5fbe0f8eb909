import { Component, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button, Notice } from '../ui';

function Failure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="page">
      <Notice kind="error">{t('app.error', { detail: error.message })}</Notice>
      <Button variant="secondary" onClick={onRetry}>{t('app.retry')}</Button>
    </div>
  );
}

/** Keeps one broken screen from blanking the whole app; `resetKey` (the route) clears the error. */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null; key: string }> {
  state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error
      ? <Failure error={this.state.error} onRetry={() => this.setState({ error: null })} />
      : this.props.children;
  }
}
