import type { Cel } from '../ingest/tabel.js';
import { schoonTekst, zichtbaar } from '../ingest/tabel.js';
import { normaliseer } from '../ingest/cel.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import { CONVENTIE_NAAM, kenmerk, nlGetal, parseGetalTekst, type Conventie } from './getal.js';
import { isTotaalTekst } from './totaal.js';
import { Rational } from './rational.js';

export type Procedure = 'regulier' | 'uitgebreid' | 'handhavingsverzoek';

/** One case from the case-system export. Dates are day numbers (days since 1970-01-01, UTC). */
export interface Zaak {
  regel: number;
  zaaknummer: string;
  /** The code as the export writes it (may be empty when only a product name or zaaktype is given). */
  productcode: string;
  /** Product name or zaaktype, for exports without a code column. */
  productnaam: string;
  ontvangen?: number;
  besluit?: number;
  procedure?: Procedure;
  verdaagd: boolean;
  status: string;
  /** Booked hours in ten-thousandths (exact for up to four decimals). */
  urenTienduizendsten: number;
  resultaat: string;
  /** The object inspected (sheet Objecten's `object`), where the export has the column. */
  object: string;
  /** Who did the work (sheet Medewerkers' `medewerker`), where the export has the column. */
  medewerker: string;
  /** The deelnemer the case is for (an omgevingsdienst's export), as written; empty without the column. */
  deelnemer: string;
  /** The inspection result read from `resultaat`: in order, a violation, or a value vth does not know. */
  bevinding?: 'conform' | 'overtreding' | 'onbekend';
}

const CONFORM = new Set(['conform', 'geen overtreding', 'geen overtredingen', 'in orde', 'akkoord', 'voldoet', 'geen afwijking', 'no violation', 'compliant']);
const OVERTREDING = new Set(['niet conform', 'non-conform', 'nonconform', 'overtreding', 'overtredingen', 'overtreding geconstateerd', 'niet in orde', 'niet akkoord', 'voldoet niet', 'afwijking', 'violation', 'non-compliant']);

/** A result as case systems write it; `ja`/`nee` only under a header that asks "overtreding?". */
export function leesBevinding(waarde: string, kop: string): Zaak['bevinding'] {
  const t = waarde.trim().toLowerCase();
  if (t === '') return undefined;
  if (CONFORM.has(t)) return 'conform';
  if (OVERTREDING.has(t)) return 'overtreding';
  // Under a header that asks "overtreding?", yes and no are the answer, read as the verdaagd column is.
  const jaNee = /overtreding|violation/i.test(kop) ? leesJaNee(t === 'yes' ? 'ja' : t === 'no' ? 'nee' : t) : 'fout';
  return jaNee === 'fout' ? 'onbekend' : jaNee ? 'overtreding' : 'conform';
}

/** The export's fields and the headers case systems give them (Dutch and English). */
export const ZAAK_KOLOMMEN = {
  zaaknummer: ['zaaknummer', 'zaak', 'zaak id', 'zaakid', 'zaakidentificatie', 'nummer', 'case number', 'case id', 'case'],
  productcode: ['productcode', 'code', 'pdc code', 'pdc', 'zaaktypecode', 'zaaktype code', 'product code', 'activiteitcode'],
  product: ['product', 'productnaam', 'zaaktype', 'zaaktype omschrijving', 'omschrijving zaaktype', 'product name', 'case type'],
  ontvangen: ['ontvangen', 'datum ontvangst', 'ontvangstdatum', 'registratiedatum', 'startdatum', 'datum aanvraag', 'aanvraagdatum', 'received', 'date received', 'start date'],
  besluit: ['besluit', 'besluitdatum', 'datum besluit', 'einddatum', 'afgehandeld', 'datum afgehandeld', 'verzonden', 'verzenddatum', 'datum verzonden', 'decision date', 'end date', 'closed'],
  procedure: ['procedure', 'proceduretype', 'soort procedure', 'procedure type'],
  verdaagd: ['verdaagd', 'verlengd', 'termijn verlengd', 'extended'],
  status: ['status'],
  uren: ['uren', 'geboekte uren', 'bestede uren', 'tijdsbesteding', 'hours', 'hours spent'],
  resultaat: ['resultaat', 'uitkomst', 'bevinding', 'overtreding', 'overtreding geconstateerd', 'result', 'outcome'],
  object: ['object', 'objectnummer', 'object nummer', 'object id', 'objectid', 'inrichtingsnummer', 'vestigingsnummer', 'locatie id'],
  medewerker: ['medewerker', 'behandelaar', 'medewerker naam', 'naam medewerker'],
  // An omgevingsdienst's export for all its deelnemers: whose case it is.
  deelnemer: ['deelnemer', 'gemeente', 'bevoegd gezag', 'opdrachtgever'],
} as const;

export type ZaakVeld = keyof typeof ZAAK_KOLOMMEN;
const KOLOMMEN: Record<ZaakVeld, readonly string[]> = ZAAK_KOLOMMEN;
const VELDNAAM: Record<ZaakVeld, string> = {
  zaaknummer: 'zaaknummer',
  productcode: 'productcode',
  product: 'product of zaaktype',
  ontvangen: 'ontvangstdatum',
  besluit: 'besluitdatum',
  procedure: 'procedure',
  verdaagd: 'verdaagd',
  status: 'status',
  uren: 'uren',
  resultaat: 'resultaat',
  object: 'object',
  medewerker: 'medewerker',
  deelnemer: 'deelnemer',
};

const MS_DAG = 86_400_000;

const DAGEN_IN_MAAND = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day number of the first of every month from 1900 to 2199, and of 1 January 2200. */
const MAAND_BEGIN = new Int32Array(300 * 12 + 1);
for (let i = 0; i <= 300 * 12; i++) MAAND_BEGIN[i] = dagnummerBerekend(1900 + Math.floor(i / 12), (i % 12) + 1, 1)!;

/**
 * Days since 1970-01-01 for a calendar date, or undefined when it does not exist. From 1900 to 2199
 * a look-up of the month's first day (the table is made by `dagnummerBerekend`); a million rows
 * are read fast.
 */
export function dagnummer(j: number, m: number, d: number): number | undefined {
  if (j >= 1900 && j < 2200 && m >= 1 && m <= 12 && d >= 1) {
    const i = (j - 1900) * 12 + m - 1;
    const begin = MAAND_BEGIN[i]!;
    return d <= MAAND_BEGIN[i + 1]! - begin ? begin + d - 1 : undefined;
  }
  return dagnummerBerekend(j, m, d);
}

/** The calendar year of a day number (UTC); from 1900 to 2199 by the table, without a Date. */
export function jaarVanDag(dag: number): number {
  if (dag >= MAAND_BEGIN[0]! && dag < MAAND_BEGIN[300 * 12]!) {
    let j = Math.floor((dag - MAAND_BEGIN[0]!) / 365.2425);
    if (MAAND_BEGIN[j * 12]! > dag) j--;
    else if (MAAND_BEGIN[(j + 1) * 12]! <= dag) j++;
    return 1900 + j;
  }
  return dagNaarDatum(dag).getUTCFullYear();
}

/** dagnummer by integer arithmetic, for every year vth accepts (1000–9999). */
export function dagnummerBerekend(j: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || j < 1000 || j > 9999) return undefined;
  const schrikkel = (j % 4 === 0 && j % 100 !== 0) || j % 400 === 0;
  if (d > DAGEN_IN_MAAND[m - 1]! + (m === 2 && schrikkel ? 1 : 0)) return undefined;
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? j - 1 : j;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}


/**
 * dd-mm-jjjj (also with / or .) and jjjj-mm-dd in s[a, b), without a regular expression or a
 * substring: the common case in exports. The row reader calls it on the line itself.
 */
function snelleDatum(s: string, a = 0, b = s.length): number | undefined {
  if (b - a !== 10) return undefined;
  const sep = s.charCodeAt(a + 2);
  if ((sep === 45 || sep === 47 || sep === 46) && s.charCodeAt(a + 5) === sep) {
    const d = tweeCijfers(s, a);
    const m = tweeCijfers(s, a + 3);
    const j1 = tweeCijfers(s, a + 6);
    const j2 = tweeCijfers(s, a + 8);
    if (d >= 0 && m >= 0 && j1 >= 0 && j2 >= 0) return dagnummer(j1 * 100 + j2, m, d);
  }
  if (s.charCodeAt(a + 4) === 45 && s.charCodeAt(a + 7) === 45) {
    const j1 = tweeCijfers(s, a);
    const j2 = tweeCijfers(s, a + 2);
    const m = tweeCijfers(s, a + 5);
    const d = tweeCijfers(s, a + 8);
    if (d >= 0 && m >= 0 && j1 >= 0 && j2 >= 0) return dagnummer(j1 * 100 + j2, m, d);
  }
  return undefined;
}

/** The number of the two digits at s[i], or -1 when they are not two digits. */
function tweeCijfers(s: string, i: number): number {
  const x = s.charCodeAt(i) - 48;
  const y = s.charCodeAt(i + 1) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

export function dagNaarDatum(dag: number): Date {
  return new Date(dag * MS_DAG);
}

const TIJD = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const DMY = new RegExp(`^(\\d{1,2})([-.])(\\d{1,2})[-.](\\d{4}|\\d{2})${TIJD}$`);
const SLASH = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIJD}$`);
const YMD = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})${TIJD}$`);
const SERIEEL = /^\d{5}(?:[.,]\d+)?$/;

/** The order of a column's `a/b/jjjj` dates: day first (Dutch, British) or month first (American). */
export type Datumvolgorde = 'dmj' | 'mdj';

/** A date with slashes whose order the column has not settled yet: `3/4/2025`. */
interface SlashDatum {
  a: number;
  b: number;
  j: number;
}

const jaartal = (s: string) => (s.length === 2 ? (Number(s) < 80 ? 2000 : 1900) + Number(s) : Number(s));

/**
 * A date in the forms case systems write: dd-mm-jjjj, d-m-jj, jjjj-mm-dd with or without a time,
 * a spreadsheet date, an Excel serial (also as text). `a/b/jjjj` is day first or month first by
 * the column's order; without one it comes back as a `SlashDatum` to be settled. Undefined for
 * empty, 'fout' for unreadable.
 */
function leesDag(v: unknown, volgorde?: Datumvolgorde): number | undefined | 'fout' | SlashDatum {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'fout' : Math.floor(v.getTime() / MS_DAG);
  if (typeof v === 'number') {
    // A date serial that lost its format (Excel's 1900 system).
    return Number.isFinite(v) && v > 20000 && v < 80000 ? Math.floor(v) - 25569 : 'fout';
  }
  if (typeof v === 'string') {
    const snel = v[2] === '/' ? undefined : snelleDatum(v);
    if (snel !== undefined) return snel;
    const s = v.trim();
    if (s === '') return undefined;
    let m = DMY.exec(s);
    if (m) return dagnummer(jaartal(m[4]!), Number(m[3]), Number(m[1])) ?? 'fout';
    m = YMD.exec(s);
    if (m) return dagnummer(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'fout';
    m = SLASH.exec(s);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const j = jaartal(m[3]!);
      if (volgorde === 'dmj') return dagnummer(j, b, a) ?? 'fout';
      if (volgorde === 'mdj') return dagnummer(j, a, b) ?? 'fout';
      return { a, b, j };
    }
    if (SERIEEL.test(s)) return leesDag(Number(s.replace(',', '.')));
    return 'fout';
  }
  return leesDag(celWaarde(v), volgorde);
}

/** An xlsx value that is an object (rich text, formula, hyperlink) reduced to a plain value. */
function celWaarde(v: unknown): unknown {
  const c: Cel = normaliseer(v as never);
  switch (c.t) {
    case 'leeg':
      return undefined;
    case 'tekst':
    case 'getal':
    case 'datum':
    case 'bool':
      return c.v;
    default:
      return { fout: c.t === 'fout' ? c.v : `=${c.formule}` };
  }
}

function tekst(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (v === '') return v;
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(v.length - 1);
    return a <= 32 || b <= 32 || a === 0xa0 || b === 0xa0 || a === 0xfeff ? schoonTekst(v) : v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const w = celWaarde(v);
  return typeof w === 'object' ? '' : tekst(w);
}

/**
 * "12", "3,5", "0.25" in s[a, b): digits with at most four decimals, as ten-thousandths; undefined
 * otherwise. The row reader calls it on the line itself.
 */
function snelleUren(s: string, a = 0, b = s.length): number | undefined {
  let geheel = 0;
  let i = a;
  const n = b;
  if (n === a || n - a > 14) return undefined;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    geheel = geheel * 10 + (c - 48);
  }
  if (i === a) return undefined;
  if (i === n) return geheel * 10_000;
  const sep = s.charCodeAt(i);
  if ((sep !== 44 && sep !== 46) || n - i - 1 < 1 || n - i - 1 > 4) return undefined;
  // "1.500" and "1,500" depend on the column's convention: leave them to the reader that knows it.
  if (n - i - 1 === 3) return undefined;
  let frac = 0;
  let schaal = 1000;
  for (i++; i < n; i++, schaal /= 10) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    frac += (c - 48) * schaal;
  }
  return geheel * 10_000 + frac;
}

/** A spreadsheet number of hours as exact ten-thousandths. */
function urenGetal(v: number): number | 'fout' {
  if (!Number.isFinite(v) || v < 0) return 'fout';
  const t = Math.round(v * 10_000);
  return Math.abs(t / 10_000 - v) < 1e-9 ? t : 'fout';
}

/** Hours written as text, read by a convention; undefined for empty, 'fout' for unreadable. */
function urenTekst(s: string, conventie: Conventie | undefined): number | undefined | 'fout' {
  if (s === '') return undefined;
  const p = parseGetalTekst(s, conventie);
  if (!p || p.procent || p.waarde.isNegative()) return 'fout';
  const t = p.waarde.mul(Rational.of(10_000n));
  return t.isInteger() && t.num <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t.num) : 'fout';
}

function leesProcedure(s: string): Procedure | undefined | 'fout' {
  const t = s.trim().toLowerCase();
  if (t === '') return undefined;
  if (t.startsWith('regul')) return 'regulier';
  if (t.startsWith('uitgebr')) return 'uitgebreid';
  if (t.startsWith('handhavingsverzoek') || t === 'hhv' || t.startsWith('verzoek om handhaving')) return 'handhavingsverzoek';
  return 'fout';
}

function leesJaNee(s: string): boolean | 'fout' {
  const t = s.trim().toLowerCase();
  if (t === '' || t === 'nee' || t === 'n' || t === 'false' || t === '0' || t === 'onwaar') return false;
  if (t === 'ja' || t === 'j' || t === 'true' || t === '1' || t === 'waar' || t === 'x') return true;
  return 'fout';
}

/** What settles a column's slash dates, and the rows that wait for it. */
interface DatumKolom {
  volgorde?: Datumvolgorde;
  bewijs?: { tekst: string; rij: number };
}

/** The plain-line reader cuts cells up to this column; an export whose used columns lie further right is read by `rij`. */
const MAX_SNELLE_KOLOMMEN = 64;
const PLAATSEN = 1024;
/** Distinct values kept per column (at most half the table's places: short probes). */
const MAX_GEHOUDEN = 512;
/** Longer values (free text) are read each time: they seldom repeat. */
const MAX_WAARDE = 64;

/** A string of its own: a slice of the 1 MB block would keep the whole block alive as long as the value is kept. */
const eigenTekst = (s: string) => (s.length < 13 ? s : Array.from(s).join(''));

/**
 * A column's distinct values, each read once by `lees`: an export of a million cases holds a few
 * hundred per column. Looked up by the characters in the line, so that a value seen before costs no
 * new string; after `MAX_GEHOUDEN` values the rest are read each time.
 */
export class Waarden<T> {
  private readonly sleutels: (string | undefined)[] = new Array<string | undefined>(PLAATSEN).fill(undefined);
  private readonly uitkomsten: T[] = new Array<T>(PLAATSEN);
  private aantal = 0;
  constructor(private readonly lees: (s: string) => T) {}

  /** What `lees` gives for t.slice(a, b). */
  van(t: string, a: number, b: number): T {
    const n = b - a;
    if (n > MAX_WAARDE) return this.lees(t.slice(a, b));
    let h = n;
    for (let i = a; i < b; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
    let p = h & (PLAATSEN - 1);
    for (let s = this.sleutels[p]; s !== undefined; s = this.sleutels[p]) {
      if (s.length === n) {
        let i = 0;
        while (i < n && s.charCodeAt(i) === t.charCodeAt(a + i)) i++;
        if (i === n) return this.uitkomsten[p]!;
      }
      p = (p + 1) & (PLAATSEN - 1);
    }
    if (this.aantal >= MAX_GEHOUDEN) return this.lees(t.slice(a, b));
    const s = eigenTekst(t.slice(a, b));
    const u = this.lees(s);
    this.sleutels[p] = s;
    this.uitkomsten[p] = u;
    this.aantal++;
    return u;
  }
}

interface SnelleKolommen {
  /** Cells cut per line: up to and including the last column used. */
  kolommen: number;
  zaaknummer: number;
  productcode: number;
  product: number;
  ontvangen: number;
  besluit: number;
  procedure: number;
  verdaagd: number;
  status: number;
  uren: number;
  resultaat: number;
  object: number;
  medewerker: number;
  deelnemer: number;
  productcodes: Waarden<string>;
  producten: Waarden<string>;
  procedures: Waarden<Procedure | undefined | 'fout'>;
  verdagingen: Waarden<boolean | 'fout'>;
  statussen: Waarden<string>;
  resultaten: Waarden<{ resultaat: string; bevinding: Zaak['bevinding'] }>;
  objecten: Waarden<string>;
  medewerkers: Waarden<string>;
  deelnemers: Waarden<string>;
}

/** Rows whose slash dates wait for the column's order: beyond this many the order is refused. */
const MAX_WACHTEND = 200_000;

/**
 * Reads the rows of a Zaken export: the header row maps columns, each later row becomes a Zaak or
 * a finding with its line number. Rows that cannot be read do not stop the run. An export that
 * cannot be read at all (no header, no code or product column, two columns for one field) is
 * `onbruikbaar`, with the reason.
 */
export class ZakenLezer {
  private index: Partial<Record<ZaakVeld, number>> = {};
  private koppen: string[] = [];
  readonly meldingen: Melding[] = [];
  /** Findings beyond this many are counted, not kept: a broken export must not fill memory. */
  static readonly MAX_MELDINGEN = 200;
  overigeFouten = 0;
  gelezen = 0;
  overgeslagen = 0;
  private kopGelezen = false;
  /** Why the export as a whole cannot be used; undefined when it can. */
  onbruikbaar?: string;
  private readonly datums: Record<'ontvangen' | 'besluit', DatumKolom> = { ontvangen: {}, besluit: {} };
  private wachtend: { waarden: unknown[]; rij: number }[] = [];
  private wachtendTeVeel = false;
  /** Rows dropped because their column's slash dates never settled an order. */
  private dubbelzinnigeDatums = 0;
  /** The hours column's number convention: settled by a value that shows it, else the file or the werkmap's setting. */
  private uren_: { conventie?: Conventie; bewijs?: string; gemengd?: boolean; gemeld?: boolean } = {};
  /** Printed total rows (`Totaal`, `Som`): checked at the end against the cases above them, never counted. */
  private totalen: { rij: number; ruw: unknown; tekst: string }[] = [];
  /** Hours of the accepted cases per stretch between total rows (ten-thousandths). */
  private stukSom: number[] = [0];
  private versie = 0;
  /** The plain-line reader's columns and values, set with the header (see `regel`). */
  private snel?: SnelleKolommen;
  /** The current line's cells: cell k is tekst[grenzen[2k], grenzen[2k + 1]). */
  private grenzen = new Int32Array(2 * MAX_SNELLE_KOLOMMEN);
  /** The case `regel` hands over, filled anew for every line (see there). */
  private readonly zaak: Zaak = { regel: 0, zaaknummer: '', productcode: '', productnaam: '', ontvangen: undefined, besluit: undefined, procedure: undefined, verdaagd: false, status: '', urenTienduizendsten: 0, resultaat: '', object: '', medewerker: '', deelnemer: '', bevinding: undefined };

  /**
   * @param keuzes the user's choice of header per field (`--kolom ontvangen="Datum ontvangst"`, or
   *   the werkmap's Instellingen), for exports with two candidate columns.
   */
  constructor(
    readonly bestand: string,
    private readonly keuzes: Partial<Record<ZaakVeld, string>> = {},
    /** What the file or the werkmap says about number writing, for hours that do not show it themselves. */
    private urenHint?: { conventie: Conventie; bron: string },
  ) {}

  /** The CSV's separator is known once the reader has sniffed it: `;` means a decimal-comma locale. */
  scheidingsteken(s: string): void {
    if (s === ';' && !this.urenHint) this.urenHint = { conventie: 'nl', bron: 'de export gebruikt ; als scheidingsteken' };
  }

  private uren(v: unknown, rij: number): number | undefined | 'fout' | 'wacht' {
    if (v === null || v === undefined || v === '') return undefined;
    if (typeof v === 'number') return urenGetal(v);
    const s = typeof v === 'string' ? v : tekst(v);
    const snel = snelleUren(s);
    if (snel !== undefined) {
      // Its separator (if any) is a decimal one: evidence for the column.
      if (!this.uren_.conventie && /[.,]/.test(s)) this.zetUrenConventie(s.includes(',') ? 'nl' : 'en', s, rij);
      return snel;
    }
    const t = s.trim();
    const k = kenmerk(t);
    if (k === 'nl' || k === 'en') {
      if (!this.uren_.conventie) this.zetUrenConventie(k, t, rij);
      else if (this.uren_.conventie !== k && !this.uren_.gemengd) {
        this.uren_.gemengd = true;
        this.meld(melding('waarschuwing', 'uren-gemengd', `"${t}" is in de ${k === 'en' ? 'Engelse' : 'Nederlandse'} schrijfwijze, de eerdere uren niet; getallen als 1.500 zijn in deze kolom daarom niet te lezen`, this.plaats(rij, 'uren')));
      }
      return urenTekst(t, k);
    }
    if (k === 'dubbelzinnig') {
      if (this.uren_.gemengd) return 'fout';
      const conventie = this.uren_.conventie ?? this.urenHint?.conventie;
      if (!conventie) return 'wacht';
      // The reading of this value depended on the convention: say once which, and why.
      if (!this.uren_.gemeld) {
        this.uren_.gemeld = true;
        const waarom = this.uren_.conventie ? this.uren_.bewijs : this.urenHint!.bron;
        this.meld(melding('melding', 'uren-schrijfwijze', `uren als "${t}" worden gelezen in de ${CONVENTIE_NAAM[conventie]}, want ${waarom}`, this.plaats(rij, 'uren')));
      }
      return urenTekst(t, conventie);
    }
    return urenTekst(t, undefined);
  }

  private zetUrenConventie(c: Conventie, tekst: string, rij: number): void {
    this.uren_.conventie = c;
    this.versie++;
    this.uren_.bewijs = `"${tekst}" in rij ${rij}`;
  }

  /** Changes when a column's date order or the hours' convention is settled (each happens once per column). */
  private toestand(): number {
    return this.versie;
  }

  private meld(m: Melding): void {
    // Values quoted from the export are shown only visible (no raw ESC or BEL to a terminal).
    if (this.meldingen.length < ZakenLezer.MAX_MELDINGEN) this.meldingen.push({ ...m, bericht: zichtbaar(m.bericht) });
    else this.overigeFouten++;
  }

  private plaats(rij: number, veld?: ZaakVeld): Plaats {
    const i = veld ? this.index[veld] : undefined;
    return { bestand: this.bestand, rij, kolom: i !== undefined ? this.koppen[i] : undefined };
  }

  private static lookup(): Map<string, ZaakVeld> {
    const lookup = new Map<string, ZaakVeld>();
    for (const [veld, aliassen] of Object.entries(KOLOMMEN)) for (const a of aliassen) lookup.set(normaliseerKop(a), veld as ZaakVeld);
    return lookup;
  }

  /** How many of the export's fields a row names: the header is the first row that names two or more. */
  static telKop(waarden: unknown[]): number {
    const lookup = ZakenLezer.lookup();
    return new Set(waarden.map((w) => lookup.get(normaliseerKop(tekst(w)))).filter((v) => v !== undefined)).size;
  }

  /** Maps the header; returns false (and sets `onbruikbaar`) when the export cannot be read. */
  kop(waarden: unknown[], rij: number): boolean {
    this.kopGelezen = true;
    this.koppen = waarden.map((w) => tekst(w).trim());
    const lookup = ZakenLezer.lookup();
    const kandidaten = new Map<ZaakVeld, number[]>();
    this.koppen.forEach((k, i) => {
      const veld = lookup.get(normaliseerKop(k));
      if (veld) kandidaten.set(veld, [...(kandidaten.get(veld) ?? []), i]);
    });
    const problemen: string[] = [];
    for (const [veld, kop] of Object.entries(this.keuzes) as [ZaakVeld, string][]) {
      const i = this.koppen.findIndex((k) => normaliseerKop(k) === normaliseerKop(kop));
      if (i < 0) problemen.push(`de gekozen kolom "${kop}" voor ${VELDNAAM[veld]} staat niet in de export (koppen: ${this.koppen.filter(Boolean).join(', ')})`);
      else kandidaten.set(veld, [i]);
    }
    for (const [veld, idx] of kandidaten) {
      if (idx.length > 1) {
        const namen = idx.map((i) => `"${this.koppen[i]}"`).join(' en ');
        problemen.push(
          `de kolommen ${namen} kunnen allebei de ${VELDNAAM[veld]} zijn; kies er één met --kolom ${veld}=${JSON.stringify(this.koppen[idx[1]!])}, of zet in Instellingen "zaken kolom ${veld}" met de kop`,
        );
      } else this.index[veld] = idx[0]!;
    }
    if (this.index.productcode === undefined && this.index.product === undefined) {
      problemen.push(`er is geen kolom met de productcode of het product/zaaktype (koppen: ${this.koppen.filter(Boolean).join(', ')}); zonder is geen zaak aan het programma te koppelen`);
    }
    for (const p of problemen) this.meld(melding('fout', 'zaken-kolommen', p, { bestand: this.bestand, rij }));
    if (problemen.length) this.onbruikbaar = problemen[0];
    else this.snel = this.snelleKolommen();
    return problemen.length === 0;
  }

  /** The columns the plain-line reader cuts, and per column its values read once; undefined when a column lies too far right. */
  private snelleKolommen(): SnelleKolommen | undefined {
    const ix = (veld: ZaakVeld) => this.index[veld] ?? -1;
    const kolommen = Math.max(...Object.values(this.index).map((i) => i ?? -1)) + 1;
    if (kolommen > MAX_SNELLE_KOLOMMEN) return undefined;
    const trim = (s: string) => tekst(s).trim();
    const resultaatKop = this.index.resultaat === undefined ? undefined : this.koppen[this.index.resultaat]!;
    return {
      kolommen,
      zaaknummer: ix('zaaknummer'),
      productcode: ix('productcode'),
      product: ix('product'),
      ontvangen: ix('ontvangen'),
      besluit: ix('besluit'),
      procedure: ix('procedure'),
      verdaagd: ix('verdaagd'),
      status: ix('status'),
      uren: ix('uren'),
      resultaat: ix('resultaat'),
      object: ix('object'),
      medewerker: ix('medewerker'),
      deelnemer: ix('deelnemer'),
      // The same readings as `verwerk` makes of a cell, made once per distinct value.
      productcodes: new Waarden(trim),
      producten: new Waarden(trim),
      procedures: new Waarden((s) => leesProcedure(tekst(s))),
      verdagingen: new Waarden((s) => leesJaNee(tekst(s))),
      statussen: new Waarden((s) => tekst(s).trim().toLowerCase()),
      resultaten: new Waarden((s) => ({ resultaat: tekst(s).trim().toLowerCase(), bevinding: resultaatKop === undefined ? undefined : leesBevinding(tekst(s), resultaatKop) })),
      objecten: new Waarden(trim),
      medewerkers: new Waarden(trim),
      deelnemers: new Waarden(trim),
    };
  }

  /** Whether the export has a column deelnemer (gemeente, bevoegd gezag, opdrachtgever). */
  get heeftDeelnemer(): boolean {
    return this.index.deelnemer !== undefined;
  }

  get heeftKop(): boolean {
    return this.kopGelezen;
  }

  /** A title row above the header, skipped. */
  titelrij(waarden: unknown[], rij: number): void {
    const t = waarden.map((w) => tekst(w).trim()).filter(Boolean).join(' ');
    this.meld(melding('melding', 'titelrijen', `rij ${rij} ("${t.length > 60 ? t.slice(0, 59) + '…' : t}") staat boven de kopregel en wordt overgeslagen`, { bestand: this.bestand, rij }));
  }

  /**
   * One data row → a Zaak through `uit`, or a finding. A row whose slash dates wait for the column's
   * order is held and given once the order is settled (or refused at `einde`). Blank rows are skipped.
   */
  rij(waarden: unknown[], rij: number, uit: (z: Zaak) => void): void {
    if (waarden.every((x) => x === null || x === undefined || x === '')) return;
    if (this.isTotaalrij(waarden)) {
      const t = waarden.map((w) => tekst(w).trim()).filter(Boolean).slice(0, 3).join(' ');
      this.totalen.push({ rij, ruw: this.index.uren === undefined ? undefined : waarden[this.index.uren], tekst: t.length > 40 ? t.slice(0, 39) + '…' : t });
      this.stukSom.push(0);
      return;
    }
    this.gelezen++;
    this.verwerk(waarden, rij, uit);
  }

  /**
   * One plain CSV line, tekst[begin, eind), read as `rij` reads it split by `scheiding`, without
   * building a string per cell: dates and hours are read from the line's characters, the other
   * columns' values through their `Waarden` (a code or a status is read once, not a million times),
   * only the case number is cut out. Whatever is not the common case (a finding, a slash date, hours
   * that settle the column's writing, a total row, a cell far right) goes to `rij` with the split
   * line, so that every finding and every figure comes from one route. `test/zaken-regel.test.ts`
   * compares both routes on random lines.
   *
   * The Zaak handed to `uit` is the reader's own, filled anew for the next line: `uit` may keep its
   * values (strings, numbers) but not the object (`ZakenTelling.voegToe` keeps none).
   */
  regel(t: string, begin: number, eind: number, scheiding: string, rij: number, uit: (z: Zaak) => void): void {
    const k = this.snel;
    if (k === undefined || scheiding.length !== 1) return this.terug(t, begin, eind, scheiding, rij, uit);
    const g = this.grenzen;
    const n = k.kolommen;
    // Cut the cells up to the last column used; the rest of the line is not looked at. indexOf
    // finds a separator faster than a loop over the characters.
    let cel = 0;
    let start = begin;
    let heel = true;
    for (;;) {
      const i = t.indexOf(scheiding, start);
      if (i < 0 || i >= eind) break;
      g[2 * cel] = start;
      g[2 * cel + 1] = i;
      start = i + 1;
      if (++cel === n) {
        heel = false;
        break;
      }
    }
    if (heel) {
      g[2 * cel] = start;
      g[2 * cel + 1] = eind;
      // Cells the line does not have read as empty ones, as `rij` reads them.
      for (let j = cel + 1; j < n; j++) g[2 * j] = g[2 * j + 1] = 0;
    }
    // A blank row is skipped; the first text decides whether it is a total row.
    let eerste = 0;
    while (eerste < n && g[2 * eerste] === g[2 * eerste + 1]) eerste++;
    if (eerste === n) {
      if (heel) return;
      return this.terug(t, begin, eind, scheiding, rij, uit);
    }
    // Only a text that starts with s, t, e or g (sub-, totaal, som, eind-, generaal, grand) or with
    // white space can be a total's word.
    const c = t.charCodeAt(g[2 * eerste]!);
    const kl = c | 32;
    if ((c <= 32 || c >= 128 || kl === 115 || kl === 116 || kl === 101 || kl === 103) && isTotaalTekst(t.slice(g[2 * eerste], g[2 * eerste + 1]))) return this.terug(t, begin, eind, scheiding, rij, uit);
    const productcode = k.productcode < 0 ? '' : k.productcodes.van(t, g[2 * k.productcode]!, g[2 * k.productcode + 1]!);
    const productnaam = k.product < 0 ? '' : k.producten.van(t, g[2 * k.product]!, g[2 * k.product + 1]!);
    if (!productcode && !productnaam) return this.terug(t, begin, eind, scheiding, rij, uit);
    let ontvangen: number | undefined;
    if (k.ontvangen >= 0 && g[2 * k.ontvangen] !== g[2 * k.ontvangen + 1]) {
      ontvangen = t.charCodeAt(g[2 * k.ontvangen]! + 2) === 47 ? undefined : snelleDatum(t, g[2 * k.ontvangen], g[2 * k.ontvangen + 1]);
      if (ontvangen === undefined || ontvangen < ONDERGRENS || ontvangen > BOVENGRENS) return this.terug(t, begin, eind, scheiding, rij, uit);
    }
    let besluit: number | undefined;
    if (k.besluit >= 0 && g[2 * k.besluit] !== g[2 * k.besluit + 1]) {
      besluit = t.charCodeAt(g[2 * k.besluit]! + 2) === 47 ? undefined : snelleDatum(t, g[2 * k.besluit], g[2 * k.besluit + 1]);
      if (besluit === undefined || besluit < ONDERGRENS || besluit > BOVENGRENS) return this.terug(t, begin, eind, scheiding, rij, uit);
    }
    if (ontvangen !== undefined && besluit !== undefined && besluit < ontvangen) return this.terug(t, begin, eind, scheiding, rij, uit);
    let uren: number | undefined;
    if (k.uren >= 0 && g[2 * k.uren] !== g[2 * k.uren + 1]) {
      const a = g[2 * k.uren]!;
      const b = g[2 * k.uren + 1]!;
      uren = snelleUren(t, a, b);
      if (uren === undefined) return this.terug(t, begin, eind, scheiding, rij, uit);
      // A decimal separator settles the column's writing: that once goes through `rij`.
      if (!this.uren_.conventie) for (let i = a; i < b; i++) if (t.charCodeAt(i) === 44 || t.charCodeAt(i) === 46) return this.terug(t, begin, eind, scheiding, rij, uit);
    }
    const procedure = k.procedure < 0 ? undefined : k.procedures.van(t, g[2 * k.procedure]!, g[2 * k.procedure + 1]!);
    if (procedure === 'fout') return this.terug(t, begin, eind, scheiding, rij, uit);
    const verdaagd = k.verdaagd < 0 ? false : k.verdagingen.van(t, g[2 * k.verdaagd]!, g[2 * k.verdaagd + 1]!);
    if (verdaagd === 'fout') return this.terug(t, begin, eind, scheiding, rij, uit);
    const r = k.resultaat < 0 ? undefined : k.resultaten.van(t, g[2 * k.resultaat]!, g[2 * k.resultaat + 1]!);
    this.gelezen++;
    this.telStuk(rij, uren ?? 0);
    const z = this.zaak;
    z.regel = rij;
    z.zaaknummer = k.zaaknummer < 0 ? '' : tekst(t.slice(g[2 * k.zaaknummer], g[2 * k.zaaknummer + 1]));
    z.productcode = productcode;
    z.productnaam = productnaam;
    z.ontvangen = ontvangen;
    z.besluit = besluit;
    z.procedure = procedure;
    z.verdaagd = verdaagd;
    z.status = k.status < 0 ? '' : k.statussen.van(t, g[2 * k.status]!, g[2 * k.status + 1]!);
    z.urenTienduizendsten = uren ?? 0;
    z.resultaat = r === undefined ? '' : r.resultaat;
    z.object = k.object < 0 ? '' : k.objecten.van(t, g[2 * k.object]!, g[2 * k.object + 1]!);
    z.medewerker = k.medewerker < 0 ? '' : k.medewerkers.van(t, g[2 * k.medewerker]!, g[2 * k.medewerker + 1]!);
    z.deelnemer = k.deelnemer < 0 ? '' : k.deelnemers.van(t, g[2 * k.deelnemer]!, g[2 * k.deelnemer + 1]!);
    z.bevinding = r === undefined ? undefined : r.bevinding;
    uit(z);
  }

  /** A line the plain-line reader leaves to `rij`. */
  private terug(t: string, begin: number, eind: number, scheiding: string, rij: number, uit: (z: Zaak) => void): void {
    this.rij(t.slice(begin, eind).split(scheiding), rij, uit);
  }

  /** `Totaal`, `Som`, `Eindtotaal` as the row's first text, and no date: a printed total, not a case. */
  private isTotaalrij(waarden: unknown[]): boolean {
    const eerste = waarden.find((x) => x !== null && x !== undefined && x !== '');
    if (typeof eerste !== 'string' || !isTotaalTekst(eerste)) return false;
    const leeg = (veld: ZaakVeld) => this.index[veld] === undefined || tekst(waarden[this.index[veld]!]).trim() === '';
    return leeg('ontvangen') && leeg('besluit');
  }

  /** The case at row `rij` counts in the stretch after the last total row above it. */
  private telStuk(rij: number, urenT: number): void {
    let i = this.totalen.length;
    while (i > 0 && this.totalen[i - 1]!.rij > rij) i--;
    this.stukSom[i]! += urenT;
  }

  private datum(veld: 'ontvangen' | 'besluit', v: unknown, rij: number): number | undefined | 'fout' | 'wacht' {
    const kol = this.datums[veld];
    const d = leesDag(v, kol.volgorde);
    if (d === undefined || d === 'fout' || typeof d === 'number') return d;
    // a/b/jjjj: a value above 12 settles the column's order.
    const eigen: Datumvolgorde | undefined = d.a > 12 && d.b <= 12 ? 'dmj' : d.b > 12 && d.a <= 12 ? 'mdj' : undefined;
    if (d.a > 12 && d.b > 12) return 'fout';
    if (!eigen) return 'wacht';
    kol.volgorde = eigen;
    this.versie++;
    kol.bewijs = { tekst: tekst(v).trim(), rij };
    this.meld(
      melding(
        'melding',
        'datumvolgorde',
        `datums met / in deze kolom worden gelezen als ${eigen === 'dmj' ? 'dag/maand/jaar' : 'maand/dag/jaar (Amerikaans)'}, want "${kol.bewijs.tekst}" in rij ${rij}`,
        this.plaats(rij, veld),
      ),
    );
    return eigen === 'dmj' ? (dagnummer(d.j, d.b, d.a) ?? 'fout') : (dagnummer(d.j, d.a, d.b) ?? 'fout');
  }

  private verwerk(waarden: unknown[], rij: number, uit: (z: Zaak) => void): void {
    const w = (veld: ZaakVeld) => {
      const i = this.index[veld];
      return i === undefined ? undefined : waarden[i];
    };
    const productcode = tekst(w('productcode')).trim();
    const productnaam = tekst(w('product')).trim();
    if (!productcode && !productnaam) {
      this.overgeslagen++;
      this.meld(melding('fout', 'zaak-zonder-code', 'zaak zonder productcode of product; overgeslagen', this.plaats(rij, this.index.productcode !== undefined ? 'productcode' : 'product')));
      return;
    }
    const voor = this.toestand();
    const ontvangen = this.datum('ontvangen', w('ontvangen'), rij);
    const besluit = this.datum('besluit', w('besluit'), rij);
    const uren = ontvangen === 'wacht' || besluit === 'wacht' ? undefined : this.uren(w('uren'), rij);
    if (ontvangen === 'wacht' || besluit === 'wacht' || uren === 'wacht') {
      if (this.wachtend.length < MAX_WACHTEND) this.wachtend.push({ waarden: waarden.slice(), rij });
      else {
        this.wachtendTeVeel = true;
        this.dubbelzinnigeDatums++;
        this.overgeslagen++;
      }
      this.herneem(voor, uit);
      return;
    }
    const procedure = leesProcedure(tekst(w('procedure')));
    const verdaagd = leesJaNee(tekst(w('verdaagd')));
    const onwaarschijnlijk = (d: number | undefined | 'fout') => typeof d === 'number' && (d < ONDERGRENS || d > BOVENGRENS);
    if (
      ontvangen !== 'fout' && besluit !== 'fout' && uren !== 'fout' && procedure !== 'fout' && verdaagd !== 'fout' &&
      !onwaarschijnlijk(ontvangen) && !onwaarschijnlijk(besluit) &&
      !(typeof ontvangen === 'number' && typeof besluit === 'number' && besluit < ontvangen)
    ) {
      this.telStuk(rij, uren ?? 0);
      uit({
        regel: rij,
        zaaknummer: tekst(w('zaaknummer')),
        productcode,
        productnaam,
        ontvangen,
        besluit,
        procedure,
        verdaagd,
        status: tekst(w('status')).trim().toLowerCase(),
        urenTienduizendsten: uren ?? 0,
        resultaat: tekst(w('resultaat')).trim().toLowerCase(),
        object: tekst(w('object')).trim(),
        medewerker: tekst(w('medewerker')).trim(),
        deelnemer: tekst(w('deelnemer')).trim(),
        bevinding: this.index.resultaat === undefined ? undefined : leesBevinding(tekst(w('resultaat')), this.koppen[this.index.resultaat]!),
      });
      this.herneem(voor, uit);
      return;
    }
    const fouten: [ZaakVeld, string][] = [];
    const datumFout = (veld: 'ontvangen' | 'besluit', d: number | undefined | 'fout') => {
      const v = tekst(w(veld)).trim();
      if (d === 'fout') {
        const kol = this.datums[veld];
        fouten.push([veld, kol.volgorde && v.includes('/') ? `"${v}" is geen datum in de volgorde ${kol.volgorde === 'dmj' ? 'dag/maand/jaar' : 'maand/dag/jaar'} van deze kolom (zie rij ${kol.bewijs!.rij})` : `"${v}" is geen datum`]);
      } else if (onwaarschijnlijk(d)) fouten.push([veld, `"${v}" is een onwaarschijnlijke datum (vóór 1990 of na 2100)`]);
    };
    datumFout('ontvangen', ontvangen);
    datumFout('besluit', besluit);
    if (uren === 'fout') fouten.push(['uren', `"${tekst(w('uren'))}" is geen aantal uren`]);
    if (procedure === 'fout') fouten.push(['procedure', `procedure "${tekst(w('procedure'))}" is onbekend (regulier, uitgebreid of handhavingsverzoek)`]);
    if (verdaagd === 'fout') fouten.push(['verdaagd', `"${tekst(w('verdaagd'))}" is geen ja of nee`]);
    if (typeof ontvangen === 'number' && typeof besluit === 'number' && besluit < ontvangen) {
      fouten.push(['besluit', 'de besluitdatum ligt vóór de ontvangstdatum']);
    }
    this.overgeslagen++;
    for (const [veld, bericht] of fouten) this.meld(melding('fout', 'zaak-onleesbaar', `${bericht}; zaak overgeslagen`, this.plaats(rij, veld)));
    this.herneem(voor, uit);
  }

  /** When this row settled a column's date order or number convention, the rows that waited for it are read now. */
  private herneem(voor: number, uit: (z: Zaak) => void): void {
    if (this.wachtend.length === 0 || voor === this.toestand()) return;
    const rijen = this.wachtend;
    this.wachtend = [];
    for (const r of rijen) this.verwerk(r.waarden, r.rij, uit);
  }

  /**
   * End of the export: rows whose slash dates or hours never settled their column are refused, one
   * finding per column; printed total rows are checked against the cases above them.
   */
  einde(): void {
    this.controleerTotalen();
    if (this.wachtend.length === 0 && !this.wachtendTeVeel) return;
    const rijen = this.wachtend;
    this.overgeslagen += rijen.length;
    this.wachtend = [];
    const waarde = (r: { waarden: unknown[] }, veld: ZaakVeld) => tekst(r.waarden[this.index[veld]!]).trim();
    for (const veld of ['ontvangen', 'besluit'] as const) {
      if (this.datums[veld].volgorde || this.index[veld] === undefined) continue;
      const getroffen = rijen.filter((r) => waarde(r, veld).includes('/'));
      const n = getroffen.length + (this.wachtendTeVeel ? this.dubbelzinnigeDatums : 0);
      if (n === 0) continue;
      this.meld(
        melding(
          'fout',
          'datum-dubbelzinnig',
          `${n} ${n === 1 ? 'zaak heeft' : 'zaken hebben'} een datum als "${getroffen[0] ? waarde(getroffen[0], veld) : '3/4/2025'}" en geen datum in deze kolom zegt of de dag of de maand voorop staat; ${n === 1 ? 'die zaak is' : 'die zaken zijn'} niet meegeteld. Exporteer de datums als dd-mm-jjjj of jjjj-mm-dd`,
          this.plaats(getroffen[0]?.rij ?? 0, veld),
        ),
      );
    }
    if (!this.uren_.conventie && this.index.uren !== undefined) {
      const getroffen = rijen.filter((r) => kenmerk(waarde(r, 'uren')) === 'dubbelzinnig');
      if (getroffen.length) {
        const n = getroffen.length;
        this.meld(
          melding(
            'fout',
            'uren-dubbelzinnig',
            `${n} ${n === 1 ? 'zaak heeft' : 'zaken hebben'} uren als "${waarde(getroffen[0]!, 'uren')}" en niets in de export zegt of de punt of komma duizendtallen of decimalen scheidt; ${n === 1 ? 'die zaak is' : 'die zaken zijn'} niet meegeteld. Zet in Instellingen "schrijfwijze getallen" op Nederlands of Engels`,
            this.plaats(getroffen[0]!.rij, 'uren'),
          ),
        );
      }
    }
  }

  /** A printed total closes the cases since the previous total, or (after another total) all above it. */
  private controleerTotalen(): void {
    let tot = 0;
    this.totalen.forEach((t, i) => {
      const sinds = this.stukSom[i]!;
      tot += sinds;
      const plaats = this.plaats(t.rij, 'uren');
      const gedrukt = this.uren(t.ruw, t.rij);
      this.meld(melding('melding', 'totaalregel', `"${t.tekst}" is een totaalregel: niet als zaak meegeteld`, { ...plaats, kolom: undefined }));
      if (gedrukt === undefined || gedrukt === 'wacht' || gedrukt === 'fout' || gedrukt === sinds || gedrukt === tot) return;
      const uur = (x: number) => nlGetal(Rational.of(BigInt(x), 10_000n), 4);
      this.meld(
        melding(
          'waarschuwing',
          'zaken-totaal-afwijkend',
          `"${t.tekst}": het opgegeven totaal ${uur(gedrukt)} uur wijkt af van de geboekte uren van de gelezen zaken erboven, ${uur(sinds === 0 ? tot : sinds)} uur; het opgegeven totaal wordt niet gebruikt`,
          plaats,
        ),
      );
    });
  }
}

/** Dates before 1990 or after 2100 are typing or export errors in a VTH case export. */
const ONDERGRENS = dagnummer(1990, 1, 1)!;
const BOVENGRENS = dagnummer(2100, 12, 31)!;
