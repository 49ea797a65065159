/**
 * Plain tables of normalised cells: what ingest hands to the model. Knows nothing of VTH.
 */
export type Cel =
  | { t: 'leeg' }
  | { t: 'tekst'; v: string }
  | { t: 'getal'; v: number; procent?: boolean }
  | { t: 'datum'; v: Date }
  | { t: 'bool'; v: boolean }
  /** A spreadsheet error value such as #REF! or #DIV/0!. */
  | { t: 'fout'; v: string }
  /** A formula whose file holds no cached result: the value is unknown. */
  | { t: 'formule'; formule: string };

export const LEEG: Cel = { t: 'leeg' };

export interface Rij {
  /** Row number as the user sees it (1-based). */
  rij: number;
  cellen: Cel[];
}

export interface Tabel {
  /** File name as shown to the user (relative to the werkmap). */
  bestand: string;
  /** Sheet name; for a CSV file its base name. */
  blad: string;
  /** Base name of the file when it sits in a werkmap folder: a second way to name the sheet. */
  bestandStam?: string;
  /** Header texts by column index (empty string where a column has no header). */
  koppen: string[];
  /** Row number of the header row. */
  kopRij: number;
  rijen: Rij[];
  /** What the file itself says about number writing: a CSV separated by `;` comes from a Dutch (or other decimal-comma) locale. */
  getalHint?: { conventie: 'nl' | 'en'; bron: string };
  /** Hidden or very hidden sheet in a workbook. */
  verborgen?: boolean;
  /** Every text cell has been through `schoonTekst` already (a CSV file): a reader need not clean it again. */
  schoon?: boolean;
}

/** Plain text of a cell, for headers and text columns. */
export function celTekst(c: Cel | undefined): string {
  if (!c) return '';
  switch (c.t) {
    case 'leeg':
      return '';
    case 'tekst':
      return c.v;
    case 'getal':
      return String(c.v);
    case 'datum':
      return c.v.toISOString().slice(0, 10);
    case 'bool':
      return c.v ? 'ja' : 'nee';
    case 'fout':
      return c.v;
    case 'formule':
      return '=' + c.formule;
  }
}

export function isLeeg(c: Cel | undefined): boolean {
  return !c || c.t === 'leeg' || (c.t === 'tekst' && c.v === '');
}

/** Column letter(s) for a 0-based index: 0 → A, 26 → AA. */
export function kolomLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const STUURTEKENS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const HEEFT_STUURTEKEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Control characters made visible: ESC as ␛, BEL as ␇ (Unicode's control pictures), C1 controls as
 * �. A cell never means them, and raw they would reach a terminal (colours, a window title, a
 * cleared screen) and every document.
 */
export function zichtbaar(s: string): string {
  return HEEFT_STUURTEKEN.test(s) ? s.replace(STUURTEKENS, (c) => (c < '\u0020' ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : c === '\u007f' ? '\u2421' : '\ufffd')) : s;
}

/**
 * Invisible characters that change what text shows: bidi embeddings, overrides and isolates (an RLO
 * makes "RTL" show as "LTR" in a heading and the table of contents), directional marks and
 * zero-width spaces and joiners. A werkmap cell never needs them.
 */
const ONZICHTBAAR = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Every character one of schoonTekst's steps acts on, besides surrounding white space. */
const TE_SCHONEN = /[\u0000-\u001f\u007f-\u00a0\u061c\u200b-\u200f\u2007\u202a-\u202f\u2060-\u2064\u2066-\u2069\ufeff]/;
const RANDWIT = /^\s|\s$/;

/** Trims ordinary and non-breaking spaces; turns inner NBSP into plain spaces; invisible characters out, control characters visible. */
export function schoonTekst(s: string): string {
  // Most cells have nothing to clean: one test instead of five replacements (a tenth of reading a
  // werkmap of 100.000 lines). `test/tabel.test.ts` compares both routes.
  if (!TE_SCHONEN.test(s) && !RANDWIT.test(s)) return s;
  return schoonTekstVolledig(s);
}

/** schoonTekst without its shortcut (exported so that a test can compare the two). */
export function schoonTekstVolledig(s: string): string {
  return zichtbaar(s.replace(ONZICHTBAAR, '').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\r\n?/g, '\n').replace(/^[\s\ufeff]+|\s+$/g, ''));
}

/** Builds a table from raw rows: the first non-empty row is the header, blank rows are dropped. */
export function maakTabel(bestand: string, blad: string, ruw: Rij[]): Tabel {
  const niet = ruw.filter((r) => r.cellen.some((c) => !isLeeg(c)));
  if (niet.length === 0) return { bestand, blad, koppen: [], kopRij: 0, rijen: [] };
  const [kop, ...rest] = niet;
  let koppen = kop!.cellen.map((c) => schoonTekst(celTekst(c)));
  while (koppen.length && koppen[koppen.length - 1] === '') koppen = koppen.slice(0, -1);
  return { bestand, blad, koppen, kopRij: kop!.rij, rijen: rest };
}
