import { createRequire } from 'node:module';
import type * as Papaparse from 'papaparse';
import { OnleesbaarFout } from './fout.js';
import { LEEG, maakTabel, schoonTekst, type Cel, type Rij, type Tabel } from './tabel.js';

/** Cells of at most this many characters are shared by value within a column, up to this many values per column. */
const KORT = 16;
const VERSCHILLEND = 2048;

export type Codering = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

let papa: typeof Papaparse | undefined;
/**
 * papaparse, loaded when first needed and through require(): imported as an ES module, Node would
 * first scan the CommonJS file for its exports. Text without quotes (most werkmap CSVs, a case
 * export) never needs it.
 */
export function papaparse(): typeof Papaparse {
  return (papa ??= createRequire(import.meta.url)('papaparse') as typeof Papaparse);
}

/** Decodes bytes as Dutch Excel and other tools save CSV: BOM first, then strict UTF-8, else Windows-1252. */
export function decodeer(buf: Uint8Array): { tekst: string; codering: Codering } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { tekst: new TextDecoder('utf-8').decode(buf.subarray(3)), codering: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { tekst: new TextDecoder('utf-16le').decode(buf.subarray(2)), codering: 'utf-16le' };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { tekst: new TextDecoder('utf-16be').decode(buf.subarray(2)), codering: 'utf-16be' };
  }
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(buf), codering: 'utf-8' };
  } catch {
    return { tekst: decodeer1252(buf), codering: 'windows-1252' };
  }
}

// Windows-1252's 0x80–0x9F; Node's TextDecoder('windows-1252') decodes these as latin1 control codes.
const CP1252_80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeer1252(buf: Uint8Array): string {
  let s = '';
  for (let i = 0; i < buf.length; i += 8192) {
    const stuk = buf.subarray(i, i + 8192);
    s += String.fromCharCode(...Array.from(stuk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80.charCodeAt(b - 0x80) : b)));
  }
  return s;
}

const KANDIDATEN = [';', ',', '\t'] as const;

/** Counts delimiter candidates outside quotes in the first few records and picks the steadiest one. */
export function snuffelScheidingsteken(tekst: string): string {
  const regels: Map<string, number>[] = [];
  let huidig = new Map<string, number>();
  let inQuote = false;
  for (let i = 0; i < tekst.length && regels.length < 10; i++) {
    const ch = tekst[i]!;
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === '\n' || ch === '\r')) {
      if (huidig.size > 0 || regels.length > 0) regels.push(huidig);
      huidig = new Map();
      if (ch === '\r' && tekst[i + 1] === '\n') i++;
    } else if (!inQuote && (KANDIDATEN as readonly string[]).includes(ch)) {
      huidig.set(ch, (huidig.get(ch) ?? 0) + 1);
    }
  }
  if (huidig.size > 0) regels.push(huidig);
  const kop = regels[0];
  if (!kop) return ';';
  let beste = ';';
  let besteScore = -1;
  for (const k of KANDIDATEN) {
    const n = kop.get(k) ?? 0;
    if (n === 0) continue;
    // A delimiter appears as often in every record as in the header; commas inside numbers do not.
    const gelijk = regels.slice(1).filter((r) => (r.get(k) ?? 0) === n).length;
    const score = gelijk * 1000 + n;
    if (score > besteScore) {
      besteScore = score;
      beste = k;
    }
  }
  return beste;
}

/**
 * The records of a CSV text with `\n` line ends, one at a time. Without a quote anywhere papaparse
 * only splits (its "fast mode"); that is done directly, a line at a time as the records are used, as
 * the export reader does, so that the records of a large table are never all held beside its rows
 * (`viaPapaparse` forces the full route, for the test that compares the two).
 */
export function* csvRecords(regels: string, delimiter: string, viaPapaparse = false): Generator<string[], void, undefined> {
  if (viaPapaparse || regels.includes('"')) {
    yield* papaparse().parse<string[]>(regels, { delimiter, newline: '\n', skipEmptyLines: false, header: false }).data;
    return;
  }
  if (regels === '') return;
  for (const regel of regels.split('\n')) yield regel.split(delimiter);
}

/** Reads one CSV file into a table. Row numbers are record numbers, as Excel shows them. */
export function leesCsv(buf: Uint8Array, bestand: string, blad: string): Tabel {
  if (buf.length === 0) {
    throw new OnleesbaarFout(`${bestand} is leeg`, { bestand });
  }
  const { tekst } = decodeer(buf);
  if (tekst.includes('\u0000')) {
    throw new OnleesbaarFout(`${bestand} is geen tekstbestand (binaire inhoud); sla het op als CSV of .xlsx`, { bestand });
  }
  const delimiter = snuffelScheidingsteken(tekst);
  // papaparse is lenient by design: a stray quote or a short row is read as written, not refused.
  // Line ends as one: a CRLF file edited in a tool that adds LF lines would otherwise keep those lines
  // inside a cell (papaparse takes the first line end it sees for all).
  const regels = tekst.includes('\r') ? tekst.replace(/\r\n?/g, '\n') : tekst;
  // A column of a large table repeats its short values (afdeling, taakveld, ja/nee, scores, counts):
  // one cell object per distinct short text instead of one per cell, a third of a werkmap's table
  // memory at 100.000 lines. A cell is never changed after reading, so sharing is safe. A column of
  // unique values (ids, names) stops being collected once it has shown many of them.
  const gedeeld: (Map<string, Cel> | null)[] = [];
  const gemist: number[] = [];
  const rijen: Rij[] = [];
  let slotLeeg = false;
  for (const rec of csvRecords(regels, delimiter)) {
    const cellen: Cel[] = new Array(rec.length);
    for (let k = 0; k < rec.length; k++) {
      const v = rec[k]!;
      const kolom = v.length <= KORT ? gedeeld[k] === undefined ? (gedeeld[k] = new Map()) : gedeeld[k] : null;
      let c = kolom?.get(v);
      if (c === undefined) {
        const s = schoonTekst(v);
        c = s === '' ? LEEG : { t: 'tekst', v: s };
        if (kolom) {
          if (kolom.size < VERSCHILLEND) kolom.set(v, c);
          // A column whose values rarely repeat is not looked up any more.
          else if ((gemist[k] = (gemist[k] ?? 0) + 1) > VERSCHILLEND) gedeeld[k] = null;
        }
      }
      cellen[k] = c;
    }
    rijen.push({ rij: rijen.length + 1, cellen });
    slotLeeg = rec.length === 1 && rec[0] === '';
  }
  // A final line break gives no row of its own in Excel either.
  if (slotLeeg) rijen.pop();
  const tabel = { ...maakTabel(bestand, blad, rijen), schoon: true };
  // Excel and LibreOffice separate with `;` exactly where the comma is the decimal separator.
  return delimiter === ';'
    ? { ...tabel, getalHint: { conventie: 'nl', bron: 'het bestand gebruikt ; als scheidingsteken, zoals Excel en LibreOffice doen waar de komma het decimaalteken is' } }
    : tabel;
}
