import { Rational } from '../model/rational.js';
import { MarkdownTekst } from '../report/gedeeld.js';

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

/** An inline link or image, `[tekst](doel "titel")`, and a reference definition, `[label]: doel`. */
const LINK = /(!?)\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s)]*)[^)\n]*\)/g;
const DEFINITIE = /^( {0,3})\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)/gm;

/**
 * Whether a link in a user's text may stay a link: a web page, an e-mail address or a place in the
 * document. `smb:`, `file:`, `ms-word:`, a `\\server` path and the like would open or fetch something
 * on the reader's machine or network; an image is fetched when the document is viewed, so only a
 * relative one (a file beside the document) stays.
 */
function isVeiligDoel(doel: string, beeld: boolean): boolean {
  const d = doel.replace(/^<|>$/g, '').trim();
  if (beeld) return !/^[a-z][\w+.-]*:|^[\\/]{2}|^\\/i.test(d);
  return /^(https?:\/\/|mailto:|#)/i.test(d);
}

/** A destination shown as code: readable, never a link. */
const codeTekst = (s: string) => `\`${s.replace(/^<|>$/g, '').replace(/`/g, "'")}\``;

/**
 * A user's own Markdown, kept as Markdown but inside its chapter: raw HTML shown as text (`<` escaped),
 * a heading demoted below the chapter and section levels (`# Kop` → `#### Kop`), line ends as `\n`.
 */
export function eigenMarkdown(s: string): string {
  return tekstNummers(
    zoalsGeschreven(s.replace(/\r\n?/g, '\n'))
      .replace(LINK, (heel, beeld: string, tekst: string, doel: string) => (isVeiligDoel(doel, beeld === '!') ? heel : `${tekst} (${codeTekst(doel)})`))
      .replace(DEFINITIE, (heel, inspring: string, label: string, doel: string) => (isVeiligDoel(doel, false) ? heel : `${inspring}\\[${label}\\]: ${codeTekst(doel)}`))
      .replace(/(?<!\\)</g, '\\<')
      .replace(/^ {0,3}#{1,6}(?=\s|$)/gm, '####'),
  ).trim();
}

const GENUMMERD = /^( {0,3})(\d{1,9})([.)])(?=\s|$)/;

/** Bullets as Word pastes them into a cell: "•", "◦", "▪", "·" or "o" with a tab. */
const WORD_OPSOMMING = /^([ \t]*)(?:[•◦▪▫·●○■□]|o(?=\t))[ \t]+/;
const LIJSTITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/** A bare web address in running text, after a space or a quote: not one in a link, an autolink, code or another scheme's target. */
const KALE_URL = /(?<=^|[\s"'“‘])https?:\/\/[^\s<>()\[\]`|]*[^\s<>()\[\]`|.,;:!?'"”’]/gm;

/**
 * Teksten as people type them into a cell, made into what they meant: bullets pasted from Word become a
 * list (not one run-on paragraph), a sentence typed right after a list is a paragraph of its own (not
 * the end of the last bullet), and a bare web address is a link, in Markdown, Word and PDF alike.
 */
function zoalsGeschreven(s: string): string {
  const regels = s.split('\n').map((r) => r.replace(WORD_OPSOMMING, '$1- '));
  const uit: string[] = [];
  for (let i = 0; i < regels.length; i++) {
    const r = regels[i]!;
    const vorige = uit[uit.length - 1];
    // Not indented, not a list item, not empty, right below a list item: the writer ended the list.
    if (vorige !== undefined && LIJSTITEM.test(vorige) && r.trim() !== '' && !/^[ \t]/.test(r) && !LIJSTITEM.test(r)) uit.push('');
    // A list typed right below a sentence starts a list, not a continuation of the sentence.
    if (vorige !== undefined && vorige.trim() !== '' && !LIJSTITEM.test(vorige) && LIJSTITEM.test(r) && /^[ \t]*- /.test(r)) uit.push('');
    uit.push(r);
  }
  return uit.join('\n').replace(KALE_URL, (url) => `[${url}](${url})`);
}

/**
 * A number with a full stop at the start of a line is text (`2024. Dat jaar …`), unless the writer made
 * a list: two or more lines in a row, each numbered one more than the one before. Markdown reads the lone
 * line as a list starting at 2024, which Word showed as a bullet "• Dat jaar"; escaped, it stays text.
 */
function tekstNummers(s: string): string {
  const regels = s.split('\n');
  const nummer = (r: string | undefined) => (r === undefined ? undefined : GENUMMERD.exec(r)?.[2]);
  return regels
    .map((r, i) => {
      const n = nummer(r);
      if (n === undefined) return r;
      const vorige = nummer(regels[i - 1]);
      const volgende = nummer(regels[i + 1]);
      const inLijst = (vorige !== undefined && BigInt(vorige) + 1n === BigInt(n)) || (volgende !== undefined && BigInt(n) + 1n === BigInt(volgende));
      return inLijst ? r : r.replace(GENUMMERD, '$1$2\\$3');
    })
    .join('\n');
}

/**
 * The view with every string Markdown-safe; numbers, rationals and dates are left as they are. Copy on
 * write: a part whose strings are all safe already (most of a large view) is the same object, not a copy.
 */
export function mdVeilig<T>(v: T): T {
  if (typeof v === 'string') return mdTekst(v) as T;
  if (v instanceof MarkdownTekst) return new MarkdownTekst(eigenMarkdown(v.bron)) as T;
  if (Array.isArray(v)) {
    let uit: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = mdVeilig(v[i]);
      if (x !== v[i] && !uit) uit = v.slice(0, i);
      if (uit) uit.push(x);
    }
    return (uit ?? v) as T;
  }
  if (v && typeof v === 'object' && !(v instanceof Rational) && !(v instanceof Date)) {
    let uit: Record<string, unknown> | undefined;
    // Own enumerable properties only, as a template sees them. By for-in, not Object.entries or
    // Object.keys: a view of 100.000 lines has some two million properties in 300.000 objects, and an
    // array for each was a tenth of the run; for-in walks a plain object's keys without one.
    const o = v as Record<string, unknown>;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      const x = o[k];
      const y = typeof x === 'number' || typeof x === 'boolean' || x === undefined || x instanceof Rational ? x : mdVeilig(x);
      if (y !== x && !uit) {
        uit = {};
        for (const s in o) {
          if (s === k) break;
          if (Object.prototype.hasOwnProperty.call(o, s)) zet(uit, s, o[s]);
        }
      }
      if (uit) zet(uit, k, y);
    }
    return (uit ?? v) as T;
  }
  return v;
}

/** A key "__proto__" (a JSON view may have one) is an own property of the copy, not its prototype. */
function zet(o: Record<string, unknown>, k: string, waarde: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: waarde, enumerable: true, writable: true, configurable: true });
  else o[k] = waarde;
}
