/**
 * The parts of an .xlsx as vth reads them without a workbook library, on the XML layer of `xml.ts`:
 * relationships, the workbook (sheets, the 1904 date system), styles (which cells show dates or
 * percentages), shared strings and worksheet rows with their raw cells. Elements count by namespace
 * URI and local name, never by how a generator spelled them. Shared by the streaming export reader
 * and the werkmap reader.
 */
import path from 'node:path';
import { leesXml, NS_PKG_RELS, NS_R, NS_R_STRICT, NS_SPREADSHEET, NS_SPREADSHEET_STRICT, XmlFout, type XmlElement, type XmlHandlers, type XmlOpties } from './xml.js';

const R = [NS_R, NS_R_STRICT] as const;
const isMain = (ns: string) => ns === NS_SPREADSHEET || ns === NS_SPREADSHEET_STRICT;

/**
 * A part whose root element is in another namespace (or none) would read as empty: refused instead,
 * so that a sheet never silently loses its rows.
 */
function wortelFout(el: XmlElement, verwacht: string): XmlFout {
  return new XmlFout(`het hoofdelement <${el.naam}> hoort niet bij ${verwacht} (namespace ${el.ns ? `"${el.ns}"` : 'ontbreekt'})`);
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ (after XML's own references are resolved). */
export function ooxmlTekst(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : s;
}

/** xsd:boolean, whitespace collapsed: "1", "true". */
const waar = (s: string | undefined) => s !== undefined && /^\s*(1|true)\s*$/.test(s);

/**
 * A part's relationships: id → the target's part name (resolved against the source part's folder,
 * as OPC does). External targets (`TargetMode="External"`) are left out: they are no part.
 */
export function leesRelaties(b: Uint8Array, bronDeel: string, opties?: XmlOpties): Map<string, string> {
  const uit = new Map<string, string>();
  const map = path.posix.dirname(bronDeel);
  let eerste = true;
  leesXml(
    b,
    {
      open(el) {
        if (eerste && el.ns !== NS_PKG_RELS) throw wortelFout(el, 'de relaties van een Office-bestand');
        eerste = false;
        if (el.naam !== 'Relationship' || el.ns !== NS_PKG_RELS) return;
        const id = el.attr('Id');
        const doel = el.attr('Target')?.trim();
        if (!id || !doel || el.attr('TargetMode')?.trim() === 'External') return;
        uit.set(id, doel.startsWith('/') ? path.posix.normalize(doel).slice(1) : path.posix.normalize(`${map === '.' ? '' : `${map}/`}${doel}`));
      },
    },
    opties,
  );
  return uit;
}

export interface BladVerwijzing {
  naam: string;
  verborgen: boolean;
  /** The relationship id (`r:id`). */
  id: string | undefined;
}

/** The workbook part: its sheets in tab order and whether it counts dates from 1904. */
export function leesWerkboekDeel(b: Uint8Array, opties?: XmlOpties): { bladen: BladVerwijzing[]; datum1904: boolean } {
  const bladen: BladVerwijzing[] = [];
  let datum1904 = false;
  let eerste = true;
  leesXml(
    b,
    {
      open(el) {
        if (eerste && !isMain(el.ns)) throw wortelFout(el, 'SpreadsheetML');
        eerste = false;
        if (!isMain(el.ns)) return;
        if (el.naam === 'workbookPr') datum1904 = waar(el.attr('date1904'));
        else if (el.naam === 'sheet') {
          bladen.push({ naam: ooxmlTekst(el.attr('name') ?? ''), verborgen: /^\s*(hidden|veryHidden)\s*$/.test(el.attr('state') ?? ''), id: el.attr('id', R) });
        }
      },
    },
    opties,
  );
  return { bladen, datum1904 };
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30). */
const DATUM_FORMATEN = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDatumFormaat(code: string): boolean {
  const kaal = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(kaal) && !/^general$/i.test(kaal.trim());
}

/** Built-in number formats with a percent sign (ECMA-376 18.8.30). */
const PROCENT_FORMATEN: Record<number, string> = { 9: '0%', 10: '0.00%' };

export interface StijlInfo {
  datum: boolean;
  numFmt: string;
}

/** Per cell style (`s`, an index into `cellXfs`): whether it shows a date, and its number format. */
export function leesStijlen(b: Uint8Array, opties?: XmlOpties): StijlInfo[] {
  const eigen = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  let eerste = true;
  leesXml(
    b,
    {
      open(el) {
        if (eerste && !isMain(el.ns)) throw wortelFout(el, 'SpreadsheetML');
        eerste = false;
        if (!isMain(el.ns)) return;
        if (el.naam === 'numFmt') {
          const id = Number(el.attr('numFmtId'));
          const code = el.attr('formatCode');
          if (Number.isInteger(id) && code !== undefined) eigen.set(id, ooxmlTekst(code));
        } else if (el.naam === 'cellXfs') inCellXfs = true;
        else if (el.naam === 'xf' && inCellXfs) ids.push(Number(el.attr('numFmtId') ?? 0));
      },
      sluit(naam, ns) {
        if (naam === 'cellXfs' && isMain(ns)) inCellXfs = false;
      },
    },
    opties,
  );
  return ids.map((id) => {
    const code = eigen.get(id);
    return code !== undefined ? { datum: isDatumFormaat(code), numFmt: code } : { datum: DATUM_FORMATEN.has(id), numFmt: PROCENT_FORMATEN[id] ?? '' };
  });
}

/**
 * The text of a rich-text holder (`<si>` in the shared strings, `<is>` in a cell): its `<t>` runs,
 * without phonetic guides (`<rPh>`).
 */
function runVerzamelaar(houder: string) {
  let in_ = false;
  let inT = false;
  let rph = 0;
  let tekst = '';
  return {
    /** Whether the element is the holder or inside it. */
    open(el: XmlElement): boolean {
      if (!isMain(el.ns)) return in_;
      if (el.naam === houder) {
        in_ = true;
        inT = false;
        rph = 0;
        tekst = '';
        return true;
      }
      if (in_) {
        if (el.naam === 'rPh') rph++;
        else if (el.naam === 't' && rph === 0) inT = true;
      }
      return in_;
    },
    /** The holder's text when `naam` closes it, else undefined. */
    sluit(naam: string, ns: string): string | undefined {
      if (!in_ || !isMain(ns)) return undefined;
      if (naam === 't') inT = false;
      else if (naam === 'rPh') rph--;
      else if (naam === houder) {
        in_ = false;
        return ooxmlTekst(tekst);
      }
      return undefined;
    },
    /** Takes text inside a run; how much it took. */
    tekst(t: string): number {
      if (!inT) return 0;
      tekst += t;
      return t.length;
    },
  };
}

/** Handlers for the shared strings part: `per` gets every string in order. */
export function gedeeldeTekstenLezer(per: (t: string) => void): XmlHandlers {
  const runs = runVerzamelaar('si');
  let eerste = true;
  return {
    open(el) {
      if (eerste && !isMain(el.ns)) throw wortelFout(el, 'SpreadsheetML');
      eerste = false;
      runs.open(el);
    },
    sluit(naam, ns) {
      const t = runs.sluit(naam, ns);
      if (t !== undefined) per(t);
    },
    tekst: (t) => void runs.tekst(t),
  };
}

export interface RuweFormule {
  tekst: string;
  t: string | undefined;
  si: string | undefined;
}

/** A cell as the sheet holds it, before its value is read. */
export interface RuweCel {
  kol: number;
  ref: string | undefined;
  t: string;
  s: number;
  v: string | undefined;
  is: string | undefined;
  f: RuweFormule | undefined;
}

/**
 * Handlers for a worksheet part: `perRij` gets each row (its number, its cells) when it closes,
 * `perMerge` each merged range's `ref`. A row's text is bounded by `maxRijTekens`. `wortel` tells
 * the root element (`worksheet` in SpreadsheetML; a chart sheet has another).
 */
export function bladLezer(
  perRij: (nr: number, cellen: RuweCel[]) => void,
  opties: { perMerge?: (ref: string) => void; maxRijTekens?: number } = {},
): XmlHandlers & { isWerkblad(): boolean } {
  const max = opties.maxRijTekens ?? Number.POSITIVE_INFINITY;
  let wortel: boolean | undefined;
  let inData = false;
  let rij: RuweCel[] | null = null;
  let nr = 0;
  let volgendeRij = 1;
  let kol = 0;
  let cel: RuweCel | null = null;
  let verzamel: 0 | 1 | 2 = 0; // 1: <v>, 2: <f>
  let tekens = 0;
  const runs = runVerzamelaar('is');
  return {
    isWerkblad: () => wortel === true,
    open(el) {
      if (wortel === undefined) {
        if (!isMain(el.ns)) throw wortelFout(el, 'SpreadsheetML');
        wortel = el.naam === 'worksheet';
      }
      if (!isMain(el.ns)) return;
      if (cel) {
        if (el.naam === 'v') {
          verzamel = 1;
          cel.v = '';
        } else if (el.naam === 'f') {
          verzamel = 2;
          cel.f = { tekst: '', t: el.attr('t')?.trim(), si: el.attr('si')?.trim() };
        } else if (runs.open(el) && el.naam === 'is') cel.is = '';
        return;
      }
      switch (el.naam) {
        case 'sheetData':
          inData = true;
          break;
        case 'row': {
          if (!inData) break;
          const r = Number(el.attr('r'));
          nr = Number.isInteger(r) && r > 0 ? r : volgendeRij;
          volgendeRij = nr + 1;
          rij = [];
          kol = 0;
          tekens = 0;
          break;
        }
        case 'c': {
          if (!rij) break;
          const ref = el.attr('r')?.trim();
          if (ref) kol = kolomIndex(ref);
          const s = Number(el.attr('s') ?? 0);
          cel = { kol, ref, t: el.attr('t')?.trim() || 'n', s: Number.isInteger(s) ? s : 0, v: undefined, is: undefined, f: undefined };
          break;
        }
        case 'mergeCell': {
          const ref = el.attr('ref');
          if (ref) opties.perMerge?.(ref.trim());
          break;
        }
      }
    },
    sluit(naam, ns) {
      if (!isMain(ns)) return;
      if (cel) {
        if (naam === 'v' || naam === 'f') verzamel = 0;
        else if (naam === 'c') {
          rij!.push(cel);
          cel = null;
          kol++;
        } else {
          const t = runs.sluit(naam, ns);
          if (t !== undefined) cel.is = t;
        }
        return;
      }
      if (naam === 'row' && rij) {
        perRij(nr, rij);
        rij = null;
      } else if (naam === 'sheetData') inData = false;
    },
    tekst(t) {
      if (!cel) return;
      if (verzamel === 1) cel.v += t;
      else if (verzamel === 2) cel.f!.tekst += t;
      else if (runs.tekst(t) === 0) return;
      tekens += t.length;
      if (tekens > max) throw new XmlFout(`een <row>-element is langer dan ${max.toLocaleString('nl-NL')} tekens (grens)`);
    },
  };
}

/** A column's index (0 for A) from a cell reference; lower case as openpyxl accepts it. */
export function kolomIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c === 36 && i === 0) continue; // $A1
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const MS_DAG = 86_400_000;

/**
 * A serial date as a calendar date (a Date at UTC midnight plus the time of day): no time zone
 * enters. In the 1900 system Excel counts a 29 February 1900 that did not exist, so serials below
 * 60 are one day later than the plain count says (serial 1 is 1 January 1900), as openpyxl reads them.
 */
export function serieelDatum(n: number, datum1904 = false): Date {
  if (datum1904) return new Date(Math.round((n - 24107) * MS_DAG));
  return new Date(Math.round((n > 0 && n < 60 ? n + 1 - 25569 : n - 25569) * MS_DAG));
}

/**
 * An ISO 8601 date (`t="d"`: `2025-01-01` or `2025-01-01T00:00:00`, as openpyxl writes it) as the
 * calendar date and time it shows, never in the machine's time zone. An offset, when given, is the
 * writer's zone and does not change the date written. Invalid gives an invalid Date.
 */
export function isoDatum(s: string): Date {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/.exec(s);
  if (!m) return new Date(Number.NaN);
  const [j, mnd, d, u, mi, se, fr] = m.slice(1).map((x) => x ?? '') as [string, string, string, string, string, string, string];
  const ms = fr ? Math.round(Number(`0.${fr}`) * 1000) : 0;
  // setUTCFullYear, not Date.UTC: that reads years below 100 as 19xx.
  const uit = new Date(0);
  uit.setUTCFullYear(Number(j), Number(mnd) - 1, Number(d));
  uit.setUTCHours(Number(u || 0), Number(mi || 0), Number(se || 0), ms);
  // 2025-02-30 is no date: the Date would roll it over to March.
  if (uit.getUTCFullYear() !== Number(j) || uit.getUTCMonth() !== Number(mnd) - 1 || uit.getUTCDate() !== Number(d)) return new Date(Number.NaN);
  return uit;
}

/**
 * A cell's own value from its type (`t`), its `<v>` and its inline string, as exceljs gave it: text,
 * number (a Date where the style shows a date), boolean, `{ error }`; undefined when it holds none (a
 * formula without a cached result: `<v></v>` as openpyxl writes it, or no `<v>` at all).
 */
export function celWaarde(c: RuweCel, gedeeld: (i: number) => unknown, datum: boolean, datum1904: boolean): unknown {
  const t = c.t;
  if (t === 'inlineStr') return c.is;
  const v = c.v || undefined;
  if (v === undefined) return undefined;
  if (t === 's') {
    const i = Number(v);
    return gedeeld(Number.isInteger(i) ? i : -1);
  }
  if (t === 'str') return ooxmlTekst(v);
  if (t === 'b') return waar(v);
  if (t === 'e') return { error: v.trim() };
  if (t === 'd') return isoDatum(v);
  if (v.trim() === '') return undefined;
  const n = Number(v);
  return datum && Number.isFinite(n) ? serieelDatum(n, datum1904) : n;
}
