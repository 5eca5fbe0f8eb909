import type { ReactNode } from 'react';

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice${kind === 'info' ? '' : ` notice-${kind}`}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="row">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function Badge({ count, mention = false, label }: { count: string; mention?: boolean; label: string }) {
  return (
    <span className={`badge${mention ? ' badge-mention' : ''}`} aria-label={label} title={label}>
      {count}
    </span>
  );
}
