/** Dates and numbers for one locale and time zone, through Intl only. */
export interface Formats {
  time(iso: string): string;
  dateTime(iso: string): string;
  date(iso: string): string;
  /** 'Today', 'Yesterday' or the full date, for day separators. */
  day(iso: string, now?: Date): string;
  /** The calendar day in the person's time zone, as YYYY-MM-DD. */
  dayKey(iso: string | Date): string;
  number(n: number): string;
  /** A badge count: up to 99, then '99+'. */
  badge(n: number): string;
}

export interface FormatLabels {
  today: string;
  yesterday: string;
}

function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function formats(locale: string, timeZone: string | undefined, labels: FormatLabels): Formats {
  const tz = safeZone(timeZone);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: tz });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz });
  const keyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: tz });
  const numbers = new Intl.NumberFormat(locale);
  const dayKey = (d: string | Date) => {
    const parts = keyFormat.formatToParts(typeof d === 'string' ? new Date(d) : d);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
  return {
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    day: (iso, now = new Date()) => {
      const key = dayKey(iso);
      if (key === dayKey(now)) return labels.today;
      if (key === dayKey(new Date(now.getTime() - 86_400_000))) return labels.yesterday;
      return longDay.format(new Date(iso));
    },
    dayKey,
    number: (n) => numbers.format(n),
    badge: (n) => (n > 99 ? `${numbers.format(99)}+` : numbers.format(n)),
  };
}
