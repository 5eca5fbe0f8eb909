import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { api } from '../../api';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { Avatar, IconButton } from '../../ui';
import { findEmoji, replaceShortcodes } from './emoji';
import { MarkdownPreview } from './markdownPreview';

interface Suggestion {
  key: string;
  label: ReactNode;
  insert: string;
}

interface Trigger {
  kind: '@' | ':';
  start: number;
  query: string;
}

/** The `@name` or `:emoji` being typed right before the caret, if any. */
export function triggerAt(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const mention = /(^|[\s(])@([\p{L}\p{N}._-]{0,31})$/u.exec(before);
  if (mention) return { kind: '@', start: caret - mention[2].length - 1, query: mention[2] };
  const emoji = /(^|\s):([a-z0-9_+-]{2,30})$/i.exec(before);
  if (emoji) return { kind: ':', start: caret - emoji[2].length - 1, query: emoji[2] };
  return null;
}

const TYPING_EVERY_MS = 3000;

export function Composer({
  label, placeholder, onSend, onTyping, autoFocus = false, extra, initial = '', submitLabel, onCancel,
}: {
  label: string;
  placeholder: string;
  onSend: (body: string) => void | Promise<void>;
  onTyping?: () => void;
  autoFocus?: boolean;
  extra?: ReactNode;
  initial?: string;
  submitLabel?: string;
  onCancel?: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [preview, setPreview] = useState(false);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const lastTyping = useRef(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [text, preview]);

  useEffect(() => {
    if (!trigger) {
      setSuggestions([]);
      return;
    }
    if (trigger.kind === ':') {
      setSuggestions(findEmoji(trigger.query).map((e) => ({
        key: e.name, insert: e.char + ' ',
        label: <><span aria-hidden="true">{e.char}</span><span>:{e.name}:</span></>,
      })));
      setActive(0);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api.identity.people(trigger.query || undefined, undefined, 8).then((page) => {
        if (cancelled) return;
        store.rememberPeople(page.items);
        setSuggestions(page.items.filter((p) => p.active !== false).map((p) => ({
          key: p.id, insert: `@${p.username} `,
          label: <><Avatar id={p.id} name={p.displayName} small /><span>{p.displayName}</span><span className="muted small">@{p.username}</span></>,
        })));
        setActive(0);
      }).catch(() => setSuggestions([]));
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [trigger?.kind, trigger?.query]); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (value: string, caret: number) => {
    setText(value);
    setTrigger(triggerAt(value, caret));
    if (onTyping && value.trim() && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      onTyping();
    }
  };

  const choose = (s: Suggestion) => {
    if (!trigger) return;
    const caret = ref.current?.selectionStart ?? text.length;
    const next = text.slice(0, trigger.start) + s.insert + text.slice(caret);
    const pos = trigger.start + s.insert.length;
    setText(next);
    setTrigger(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
    });
  };

  const submit = async () => {
    const body = replaceShortcodes(text).trim();
    if (!body) return;
    setText('');
    setTrigger(null);
    setPreview(false);
    lastTyping.current = 0;
    await onSend(body);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const open = suggestions.length > 0 && trigger;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      choose(suggestions[active]);
    } else if (open && e.key === 'Escape') {
      e.preventDefault();
      setTrigger(null);
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const listId = `${id}-suggestions`;
  const open = suggestions.length > 0 && trigger !== null;
  return (
    <div className="composer">
      {open && (
        <ul className="suggestions" id={listId} role="listbox" aria-label={trigger?.kind === ':' ? t('composer.emoji') : t('composer.suggestions')}>
          {suggestions.map((s, i) => (
            <li key={s.key} id={`${id}-s-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); choose(s); }}>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className="composer-box">
        {preview ? (
          <div className="preview" aria-live="polite">
            {text.trim() ? <MarkdownPreview text={replaceShortcodes(text)} /> : <span className="muted">{t('composer.previewEmpty')}</span>}
          </div>
        ) : (
          <textarea
            ref={ref}
            rows={1}
            value={text}
            placeholder={placeholder}
            aria-label={label}
            autoFocus={autoFocus}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? `${id}-s-${active}` : undefined}
            aria-describedby={`${id}-hint`}
            maxLength={16000}
            onChange={(e) => update(e.target.value, e.target.selectionStart)}
            onSelect={(e) => setTrigger(triggerAt(e.currentTarget.value, e.currentTarget.selectionStart))}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setTrigger(null), 150)}
          />
        )}
        <div className="composer-tools">
          <IconButton icon={preview ? 'edit' : 'eye'} label={preview ? t('composer.write') : t('composer.preview')}
            pressed={preview} onClick={() => setPreview((p) => !p)} />
          {extra}
          <span className="spacer" />
          {onCancel && <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>{t('chat.cancelEdit')}</button>}
          <button type="button" className="btn btn-small" onClick={submit} disabled={!text.trim()}>
            {submitLabel ?? t('composer.send')}
          </button>
        </div>
      </div>
      <div id={`${id}-hint`} className="hint">{t('composer.hint')}</div>
    </div>
  );
}
