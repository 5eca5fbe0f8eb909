import { describe, expect, it } from 'vitest';
import { formats } from './format';
import { browserLanguage, translator } from './index';
import { de } from './de';
import { en } from './en';

const labels = { today: 'Heute', yesterday: 'Gestern' };

describe('formats', () => {
  it('shows times in the person’s time zone and locale', () => {
    const berlin = formats('de-DE', 'Europe/Berlin', labels);
    const newYork = formats('en-US', 'America/New_York', labels);
    expect(berlin.time('2026-03-02T08:05:00Z')).toBe('09:05');
    expect(newYork.time('2026-03-02T08:05:00Z')).toMatch(/03:05\s?AM/);
  });

  it('puts a message on the calendar day of the person’s time zone', () => {
    const berlin = formats('de-DE', 'Europe/Berlin', labels);
    const utc = formats('de-DE', 'UTC', labels);
    expect(berlin.dayKey('2026-03-01T23:30:00Z')).toBe('2026-03-02');
    expect(utc.dayKey('2026-03-01T23:30:00Z')).toBe('2026-03-01');
  });

  it('labels today and yesterday, and other days in full', () => {
    const f = formats('de-DE', 'Europe/Berlin', labels);
    const now = new Date('2026-03-10T12:00:00Z');
    expect(f.day('2026-03-10T06:00:00Z', now)).toBe('Heute');
    expect(f.day('2026-03-09T06:00:00Z', now)).toBe('Gestern');
    expect(f.day('2026-03-02T06:00:00Z', now)).toBe('Montag, 2. März 2026');
    const e = formats('en-GB', 'Europe/London', { today: 'Today', yesterday: 'Yesterday' });
    expect(e.day('2026-03-02T06:00:00Z', now)).toMatch(/^Monday,? 2 March 2026$/);
  });

  it('formats numbers per locale and caps badges', () => {
    expect(formats('de-DE', 'UTC', labels).number(12345)).toBe('12.345');
    expect(formats('en-GB', 'UTC', labels).number(12345)).toBe('12,345');
    expect(formats('de-DE', 'UTC', labels).badge(7)).toBe('7');
    expect(formats('de-DE', 'UTC', labels).badge(250)).toBe('99+');
  });

  it('falls back to the browser’s zone for an unknown time zone', () => {
    expect(() => formats('de-DE', 'Mars/Olympus', labels).time('2026-03-02T08:05:00Z')).not.toThrow();
  });
});

describe('translator', () => {
  it('fills parameters and picks the singular where the catalogue has one', () => {
    const t = translator('de');
    expect(t('chat.typing.one', { name: 'Bob' })).toBe('Bob schreibt …');
    expect(t.n('spaces.members', 1)).toBe('1 Mitglied');
    expect(t.n('spaces.members', 1200)).toBe('1.200 Mitglieder');
    expect(translator('en').n('spaces.members', 3)).toBe('3 members');
  });

  it('has every English key in German, none empty', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text, key).not.toBe('');
  });

  it('chooses the first browser language Querfunk speaks', () => {
    expect(browserLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(browserLanguage(['en-US'])).toBe('en');
    expect(browserLanguage(['fr'])).toBe('en');
  });
});
