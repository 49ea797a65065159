import { Rational } from '../model/rational.js';

/**
 * Makes user text inert in Markdown, also inside a table cell: `|`, emphasis, links, HTML-like
 * `<b>`, a leading `#`, `-` or `1.`, and line breaks (as `<br>`) come out as the text itself.
 * `&` stays `&` unless it would form an entity.
 */
// A text with none of these characters and no block syntax at its start is already inert: most are.
const BIJZONDER = /[\r\n\\`*_[\]<>|~&]/;
const BLOKBEGIN = /^\s*(?:#|[+-](?:\s|$)|\d+[.)](?:\s|$)|(?:=+|-+)\s*$)/;

export function mdTekst(s: string): string {
  return !BIJZONDER.test(s) && !BLOKBEGIN.test(s) ? s : mdTekstVolledig(s);
}

/** mdTekst without its shortcut (exported so that a test can compare the two). */
export function mdTekstVolledig(s: string): string {
  let t = s
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\n/g, '<br>');
  // Block syntax at the start: a heading, a list item, a numbered item, or a setext underline.
  t = t
    .replace(/^(\s*)#/, '$1\\#')
    .replace(/^(\s*)([+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(=+|-+)\s*$/, '$1\\$2');
  return t;
}

/** A deep copy of a view in which every string is Markdown-safe; numbers, rationals and dates are left as they are. */
export function mdVeilig<T>(v: T): T {
  if (typeof v === 'string') return mdTekst(v) as T;
  if (Array.isArray(v)) return v.map((x) => mdVeilig(x)) as T;
  if (v && typeof v === 'object' && !(v instanceof Rational) && !(v instanceof Date)) {
    const uit: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) uit[k] = mdVeilig(x);
    return uit as T;
  }
  return v;
}
