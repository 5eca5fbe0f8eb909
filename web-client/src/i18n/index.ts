import { createContext, useContext } from 'react';
import { de } from './de';
import { en, type MessageKey } from './en';
import type { Language } from '../api/types';

export type { MessageKey } from './en';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { de, en };
export const LANGUAGES: Language[] = ['de', 'en'];

type Params = Record<string, string | number>;

export type Translate = ((key: MessageKey, params?: Params) => string) & {
  /** Picks `key_one` for a count of one when the catalogue has it, otherwise `key`. */
  n: (key: MessageKey, count: number, params?: Params) => string;
  language: Language;
  locale: string;
};

/** The first of the browser's languages that Querfunk speaks, English otherwise. */
export function browserLanguage(languages: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const numbers = new Intl.NumberFormat(locale);
  const fill = (text: string, params?: Params) =>
    params
      ? text.replace(/\{(\w+)\}/g, (all, name: string) => {
          const v = params[name];
          return v === undefined ? all : typeof v === 'number' ? numbers.format(v) : v;
        })
      : text;
  const t = ((key: MessageKey, params?: Params) => fill(catalogue[key] ?? en[key] ?? key, params)) as Translate;
  t.n = (key, count, params) => {
    const one = `${key}_one` as MessageKey;
    const text = count === 1 && one in catalogue ? catalogue[one] : catalogue[key];
    return fill(text, { count, ...params });
  };
  t.language = language;
  t.locale = locale;
  return t;
}

export const I18nContext = createContext<Translate>(translator('en'));

export function useT(): Translate {
  return useContext(I18nContext);
}
