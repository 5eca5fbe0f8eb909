import { useEffect, useMemo } from 'react';
import type { ConversationView } from '../api/types';
import { useT, type Translate } from '../i18n';
import { formats, type Formats } from '../i18n/format';
import { store, useApp, type AppState, type PersonLite } from './store';

export function useFormats(): Formats {
  const t = useT();
  const timeZone = useApp((s) => s.me?.timeZone);
  return useMemo(
    () => formats(t.locale, timeZone, { today: t('date.today'), yesterday: t('date.yesterday') }),
    [t, timeZone],
  );
}

export function usePerson(id: string | undefined): PersonLite | undefined {
  const person = useApp((s) => (id ? s.people[id] : undefined));
  useEffect(() => {
    if (id && !person) store.ensurePerson(id);
  }, [id, person]);
  return person;
}

export function personName(s: AppState, id: string | undefined, t: Translate): string {
  if (!id) return t('chat.unknownPerson');
  return s.people[id]?.displayName ?? t('chat.unknownPerson');
}

/** A channel is called after its space; a direct conversation after the other person; a group by title or names. */
export function conversationTitle(c: ConversationView, s: AppState, t: Translate): string {
  if (c.kind === 'channel') return (c.spaceId && s.spaces[c.spaceId]?.name) || c.title || '…';
  const others = (c.participantIds ?? []).filter((p) => p !== s.me?.id);
  if (c.kind === 'direct') return others[0] ? personName(s, others[0], t) : (s.me?.displayName ?? '…');
  if (c.title) return c.title;
  return t('conv.groupUntitled', { names: others.map((p) => personName(s, p, t)).join(', ') });
}

/** The other person of a direct conversation, for the presence dot. */
export function directPartner(c: ConversationView, me: string | undefined): string | undefined {
  return c.kind === 'direct' ? (c.participantIds ?? []).find((p) => p !== me) : undefined;
}

export function timeZones(): string[] {
  try {
    const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone');
    if (zones && zones.length) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    // older browsers: the field stays free text
  }
  return [];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
