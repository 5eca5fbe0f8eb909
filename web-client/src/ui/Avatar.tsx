import type { PresenceStatus } from '../api/stream';

const COLOURS = ['#1d4e89', '#7a3e9d', '#1e6b3a', '#a4262c', '#8a4b00', '#0f6a73', '#5b4b8a', '#3f5a1c'];

function colourOf(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return COLOURS[Math.abs(h) % COLOURS.length];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** Initials on a colour derived from the id; the presence dot only when presence is known. */
export function Avatar({ id, name, presence, presenceLabel, small = false }: {
  id: string; name: string; presence?: PresenceStatus | null; presenceLabel?: string; small?: boolean;
}) {
  return (
    <span className={`avatar${small ? ' avatar-small' : ''}`} style={{ background: colourOf(id) }} aria-hidden={presence ? undefined : true}>
      <span aria-hidden="true">{initials(name)}</span>
      {presence && <span className="presence-dot" data-status={presence} role="img" aria-label={presenceLabel} title={presenceLabel} />}
    </span>
  );
}
