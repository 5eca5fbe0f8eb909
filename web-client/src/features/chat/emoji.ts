/** The built-in emoji for `:` autocomplete and reactions: short names with German and English keywords. */
export interface EmojiEntry {
  name: string;
  char: string;
  keywords: string;
}

export const EMOJI: EmojiEntry[] = [
  { name: 'thumbsup', char: '👍', keywords: '+1 yes ja daumen gut ok' },
  { name: 'thumbsdown', char: '👎', keywords: '-1 no nein schlecht' },
  { name: 'heart', char: '❤️', keywords: 'love herz liebe' },
  { name: 'joy', char: '😂', keywords: 'laugh lachen tränen' },
  { name: 'smile', char: '😄', keywords: 'happy froh lächeln' },
  { name: 'slightly_smiling_face', char: '🙂', keywords: 'smile lächeln' },
  { name: 'wink', char: '😉', keywords: 'zwinkern' },
  { name: 'tada', char: '🎉', keywords: 'party feier glückwunsch congratulations' },
  { name: 'eyes', char: '👀', keywords: 'look schauen ansehen' },
  { name: 'white_check_mark', char: '✅', keywords: 'done erledigt check haken' },
  { name: 'x', char: '❌', keywords: 'no nein falsch kreuz' },
  { name: 'pray', char: '🙏', keywords: 'thanks danke bitte please' },
  { name: 'clap', char: '👏', keywords: 'applause applaus klatschen' },
  { name: 'fire', char: '🔥', keywords: 'hot heiß feuer' },
  { name: 'rocket', char: '🚀', keywords: 'launch start rakete' },
  { name: 'thinking', char: '🤔', keywords: 'hmm nachdenken überlegen' },
  { name: 'open_mouth', char: '😮', keywords: 'wow staunen überrascht' },
  { name: 'cry', char: '😢', keywords: 'sad traurig weinen' },
  { name: 'sweat_smile', char: '😅', keywords: 'puh erleichtert' },
  { name: 'raised_hands', char: '🙌', keywords: 'hooray hurra' },
  { name: 'wave', char: '👋', keywords: 'hello hallo tschüss winken' },
  { name: 'ok_hand', char: '👌', keywords: 'ok perfekt' },
  { name: 'muscle', char: '💪', keywords: 'strong stark' },
  { name: 'coffee', char: '☕', keywords: 'kaffee pause break' },
  { name: 'phone', char: '📞', keywords: 'call anruf telefon' },
  { name: 'email', char: '📧', keywords: 'mail e-mail' },
  { name: 'calendar', char: '📅', keywords: 'date termin kalender' },
  { name: 'warning', char: '⚠️', keywords: 'achtung warnung caution' },
  { name: 'bulb', char: '💡', keywords: 'idea idee' },
  { name: 'question', char: '❓', keywords: 'frage' },
  { name: 'exclamation', char: '❗', keywords: 'wichtig important' },
  { name: 'star', char: '⭐', keywords: 'stern favourite' },
  { name: 'hourglass', char: '⏳', keywords: 'wait warten zeit' },
  { name: 'lock', char: '🔒', keywords: 'secure sicher schloss' },
  { name: 'memo', char: '📝', keywords: 'note notiz' },
  { name: 'pushpin', char: '📌', keywords: 'pin anheften' },
  { name: 'sunny', char: '☀️', keywords: 'sonne sun' },
  { name: '100', char: '💯', keywords: 'hundred perfekt' },
];

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '👀', '✅', '🙏', '🤔', '😮', '😢', '🔥', '👏'];

/** Emoji whose name or keywords start with the query (at a word start), names first. */
export function findEmoji(query: string, limit = 8): EmojiEntry[] {
  const q = query.toLowerCase();
  if (!q) return EMOJI.slice(0, limit);
  const byName = EMOJI.filter((e) => e.name.startsWith(q) || e.name.includes('_' + q));
  const byKeyword = EMOJI.filter((e) => !byName.includes(e) && e.keywords.split(' ').some((k) => k.startsWith(q)));
  return [...byName, ...byKeyword].slice(0, limit);
}

/** Replaces complete `:name:` codes with their emoji, as typed. */
export function replaceShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+-]{2,40}):/g, (all, name: string) => EMOJI.find((e) => e.name === name)?.char ?? all);
}
