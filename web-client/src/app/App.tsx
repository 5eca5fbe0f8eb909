import { lazy, Suspense, useEffect, useMemo } from 'react';
import { I18nContext, translator, useT } from '../i18n';
import { Spinner } from '../ui';
import { match, navigate, useLocation } from './router';
import { store, useApp } from './store';
import { Shell } from './Shell';

const LoginScreen = lazy(() => import('../features/auth/LoginScreen'));
const SetupScreen = lazy(() => import('../features/auth/SetupScreen'));
const InvitationScreen = lazy(() => import('../features/auth/InvitationScreen'));

export function Loading() {
  const t = useT();
  return (
    <div className="empty-state">
      <Spinner label={t('app.loading')} />
    </div>
  );
}

function SignedOut() {
  const { path } = useLocation();
  const invite = match('/invite/:token', path);
  if (invite) return <InvitationScreen token={invite.token} />;
  if (path === '/setup') return <SetupScreen />;
  return <LoginScreen />;
}

export function App() {
  const language = useApp((s) => s.language);
  const me = useApp((s) => s.me);
  const t = useMemo(() => translator(language), [language]);
  const { path } = useLocation();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    store.restoreSession();
  }, []);

  useEffect(() => {
    if (me && (path === '/login' || path === '/setup' || path.startsWith('/invite/'))) navigate('/', { replace: true });
  }, [me, path]);

  return (
    <I18nContext.Provider value={t}>
      <Suspense fallback={<Loading />}>{me === undefined ? <Loading /> : me ? <Shell /> : <SignedOut />}</Suspense>
    </I18nContext.Provider>
  );
}
