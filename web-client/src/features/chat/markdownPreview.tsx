import type { ReactNode } from 'react';

/**
 * A tiny Markdown subset for the composer's preview, built as React elements: nothing here ever
 * becomes HTML from a string, so the preview cannot run what it shows. The server renders the
 * real message.
 */
export type InlineToken =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; v: string }
  | { t: 'em'; v: string }
  | { t: 'del'; v: string }
  | { t: 'link'; v: string; href: string }
  | { t: 'mention'; v: string };

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*|__[^_\n]+__)|(~~[^~\n]+~~)|(\*[^*\n]+\*|\b_[^_\n]+_\b)|(\[[^\]\n]+\]\((?:https?:\/\/|mailto:)[^)\s]+\))|((?:https?:\/\/)[^\s<]+[^\s<.,;:!?)])|((?<![\w@.])@[A-Za-z0-9][A-Za-z0-9._-]{1,31})/g;

export function inlineTokens(text: string): InlineToken[] {
  const out: InlineToken[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ t: 'text', v: text.slice(last, at) });
    const s = m[0];
    if (m[1]) out.push({ t: 'code', v: s.slice(1, -1) });
    else if (m[2]) out.push({ t: 'strong', v: s.slice(2, -2) });
    else if (m[3]) out.push({ t: 'del', v: s.slice(2, -2) });
    else if (m[4]) out.push({ t: 'em', v: s.slice(1, -1) });
    else if (m[5]) {
      const close = s.indexOf('](');
      out.push({ t: 'link', v: s.slice(1, close), href: s.slice(close + 2, -1) });
    } else if (m[6]) out.push({ t: 'link', v: s, href: s });
    else out.push({ t: 'mention', v: s });
    last = at + s.length;
  }
  if (last < text.length) out.push({ t: 'text', v: text.slice(last) });
  return out;
}

function inline(text: string, key: string): ReactNode[] {
  return inlineTokens(text).map((tok, i) => {
    const k = `${key}-${i}`;
    switch (tok.t) {
      case 'text': return tok.v;
      case 'code': return <code key={k}>{tok.v}</code>;
      case 'strong': return <strong key={k}>{tok.v}</strong>;
      case 'em': return <em key={k}>{tok.v}</em>;
      case 'del': return <del key={k}>{tok.v}</del>;
      case 'link': return <a key={k} href={tok.href} target="_blank" rel="noopener noreferrer nofollow">{tok.v}</a>;
      case 'mention': return <span key={k} className="mention">{tok.v}</span>;
    }
  });
}

export function MarkdownPreview({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  let para: string[] = [];
  const flush = () => {
    if (para.length) {
      const k = `p${blocks.length}`;
      blocks.push(<p key={k}>{para.flatMap((l, j) => (j ? [<br key={`${k}-br${j}`} />, ...inline(l, `${k}-${j}`)] : inline(l, `${k}-${j}`)))}</p>);
      para = [];
    }
  };
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) code.push(lines[i++]);
      i++;
      blocks.push(<pre key={`c${blocks.length}`}><code>{code.join('\n')}</code></pre>);
      continue;
    }
    if (/^\s*[-*] /.test(line)) {
      flush();
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*] /.test(lines[i])) items.push(lines[i++].replace(/^\s*[-*] /, ''));
      const k = `l${blocks.length}`;
      blocks.push(<ul key={k}>{items.map((it, j) => <li key={j}>{inline(it, `${k}-${j}`)}</li>)}</ul>);
      continue;
    }
    if (line.startsWith('> ')) {
      flush();
      const k = `q${blocks.length}`;
      blocks.push(<blockquote key={k}>{inline(line.slice(2), k)}</blockquote>);
      i++;
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line);
    i++;
  }
  flush();
  return <div className="msg-body">{blocks}</div>;
}
