import type { SpaceInfo } from '../../api/types';
import { Link } from '../../app/router';
import { useT } from '../../i18n';
import { Button, Icon } from '../../ui';

export function kindIcon(kind: SpaceInfo['kind']) {
  return kind === 'closed' ? 'lock' : kind === 'announcement' ? 'megaphone' : 'hash';
}

export function SpaceCard({ space, onJoin, busy }: { space: SpaceInfo; onJoin?: () => void; busy?: boolean }) {
  const t = useT();
  return (
    <li className="card">
      <div className="row">
        <Icon name={kindIcon(space.kind)} />
        <div className="grow">
          <h2 style={{ margin: 0 }}><Link to={`/spaces/${space.id}`}>{space.name}</Link></h2>
          <div className="small muted">{t(`spaces.kind.${space.kind}`)} · {t.n('spaces.members', space.memberCount)}</div>
        </div>
        {space.myRole ? (
          <span className="chip" style={{ paddingRight: 10 }}>{t('spaces.joined')}</span>
        ) : space.canJoin && onJoin ? (
          <Button small onClick={onJoin} busy={busy} aria-label={`${t('spaces.join')}: ${space.name}`}>{t('spaces.join')}</Button>
        ) : null}
      </div>
      {space.description && <p className="small" style={{ margin: '8px 0 0' }}>{space.description}</p>}
    </li>
  );
}
