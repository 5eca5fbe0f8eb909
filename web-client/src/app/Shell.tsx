import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { Avatar, IconButton, Notice, Spinner } from '../ui';
import { ChannelView } from '../features/chat/ChannelView';
import { ConversationList } from '../features/chat/ConversationList';
import { ErrorBoundary } from './ErrorBoundary';
import { Link, match, navigate, useLocation } from './router';
import { store, useApp } from './store';

const PermalinkView = lazy(() => import('../features/chat/PermalinkView'));
const NewConversation = lazy(() => import('../features/chat/NewConversation'));
const BrowseSpaces = lazy(() => import('../features/spaces/BrowseSpaces'));
const CreateSpace = lazy(() => import('../features/spaces/CreateSpace'));
const SpaceDetails = lazy(() => import('../features/spaces/SpaceDetails'));
const SearchScreen = lazy(() => import('../features/search/SearchScreen'));
const ProfileScreen = lazy(() => import('../features/profile/ProfileScreen'));

function ConnectionStatus() {
  const t = useT();
  const stream = useApp((s) => s.stream);
  const online = useApp((s) => s.online);
  if (stream !== 'reconnecting' && online) return null;
  return (
    <div className="conn-status" role="status" data-testid="connection-status">
      <span className="spinner" aria-hidden="true" />
      {online ? t('app.reconnecting') : t('app.offline')}
    </div>
  );
}

function Content({ path, query }: { path: string; query: URLSearchParams }) {
  const t = useT();
  let m: Record<string, string> | null;
  if ((m = match('/c/:id', path))) {
    return <ChannelView key={m.id} conversationId={m.id} threadId={query.get('thread')} around={query.get('around')} panel={query.get('panel')} />;
  }
  if ((m = match('/messages/:id', path))) return <PermalinkView messageId={m.id} />;
  if (path === '/new') return <NewConversation />;
  if (path === '/spaces') return <BrowseSpaces />;
  if (path === '/spaces/new') return <CreateSpace />;
  if ((m = match('/spaces/:id', path))) return <SpaceDetails key={m.id} spaceId={m.id} />;
  if (path === '/search') return <SearchScreen />;
  if (path === '/profile') return <ProfileScreen />;
  if (path === '/') return <div className="empty-state">{t('conv.select')}</div>;
  return (
    <div className="page">
      <Notice kind="warning">{t('app.notFound')}</Notice>
      <Link to="/">{t('app.toHome')}</Link>
    </div>
  );
}

/** Sidebar with the conversations and the main area; on a phone only one of them at a time. */
export function Shell() {
  const t = useT();
  const { path, query } = useLocation();
  const me = useApp((s) => s.me)!;
  const active = match('/c/:id', path)?.id ?? null;
  return (
    <div className="shell" data-view={path === '/' ? 'list' : 'detail'}>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <aside className="sidebar" aria-label={t('nav.main')}>
        <div className="sidebar-header">
          <span className="brand">{t('app.name')}</span>
          <IconButton icon="search" label={t('nav.search')} onClick={() => navigate('/search')} />
          <IconButton icon="plus" label={t('nav.newConversation')} onClick={() => navigate('/new')} />
        </div>
        <div className="sidebar-nav">
          <Link to="/spaces" className="btn btn-small"><span aria-hidden="true">⌕</span> {t('nav.spaces')}</Link>
          <Link to="/spaces/new" className="btn btn-small">+ {t('nav.createSpace')}</Link>
        </div>
        <div className="sidebar-scroll">
          <ConversationList activeId={active} />
        </div>
        <div className="sidebar-footer">
          <Avatar id={me.id} name={me.displayName} small />
          <Link to="/profile" className="me" aria-label={`${t('nav.profile')}: ${me.displayName}`}>{me.displayName}</Link>
          <IconButton icon="logout" label={t('nav.logout')} onClick={() => store.logout().then(() => navigate('/login'))} />
        </div>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        <Suspense fallback={<div className="empty-state"><Spinner label={t('app.loading')} /></div>}>
          <ErrorBoundary resetKey={path}>
            <Content path={path} query={query} />
          </ErrorBoundary>
        </Suspense>
      </main>
      <ConnectionStatus />
    </div>
  );
}
