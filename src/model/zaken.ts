import type { Cel } from '../ingest/tabel.js';
import { schoonTekst } from '../ingest/tabel.js';
import { normaliseer } from '../ingest/cel.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import { parseGetalTekst } from './getal.js';
import { Rational } from './rational.js';

export type Procedure = 'regulier' | 'uitgebreid' | 'handhavingsverzoek';

/** One case from the case-system export. Dates are day numbers (days since 1970-01-01, UTC). */
export interface Zaak {
  regel: number;
  zaaknummer: string;
  productcode: string;
  ontvangen?: number;
  besluit?: number;
  procedure?: Procedure;
  verdaagd: boolean;
  status: string;
  /** Booked hours in ten-thousandths (exact for up to four decimals). */
  urenTienduizendsten: number;
  resultaat: string;
}

const KOLOMMEN: Record<string, string[]> = {
  zaaknummer: ['zaaknummer', 'zaak', 'zaak id', 'zaakid', 'nummer'],
  productcode: ['productcode', 'code', 'product'],
  ontvangen: ['ontvangen', 'datum ontvangst', 'ontvangstdatum', 'registratiedatum', 'startdatum'],
  besluit: ['besluit', 'besluitdatum', 'datum besluit', 'einddatum', 'afgehandeld'],
  procedure: ['procedure', 'proceduretype', 'soort procedure'],
  verdaagd: ['verdaagd', 'verlengd', 'termijn verlengd'],
  status: ['status'],
  uren: ['uren', 'geboekte uren', 'bestede uren'],
  resultaat: ['resultaat', 'uitkomst', 'bevinding'],
};

const MS_DAG = 86_400_000;

const DAGEN_IN_MAAND = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 for a calendar date, or undefined when it does not exist. Integer arithmetic: a million rows are read fast. */
export function dagnummer(j: number, m: number, d: number): number | undefined {
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

const cijfer = (s: string, i: number) => s.charCodeAt(i) - 48;
const isCijfer = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** dd-mm-jjjj without a regular expression: the common case in exports. */
function snelleDatum(s: string): number | undefined {
  if (s.length !== 10) return undefined;
  const sep = s[2];
  if ((sep === '-' || sep === '/' || sep === '.') && s[5] === sep && isCijfer(s, 0) && isCijfer(s, 1) && isCijfer(s, 3) && isCijfer(s, 4) && isCijfer(s, 6) && isCijfer(s, 7) && isCijfer(s, 8) && isCijfer(s, 9)) {
    return dagnummer(cijfer(s, 6) * 1000 + cijfer(s, 7) * 100 + cijfer(s, 8) * 10 + cijfer(s, 9), cijfer(s, 3) * 10 + cijfer(s, 4), cijfer(s, 0) * 10 + cijfer(s, 1));
  }
  if (s[4] === '-' && s[7] === '-' && isCijfer(s, 0) && isCijfer(s, 1) && isCijfer(s, 2) && isCijfer(s, 3) && isCijfer(s, 5) && isCijfer(s, 6) && isCijfer(s, 8) && isCijfer(s, 9)) {
    return dagnummer(cijfer(s, 0) * 1000 + cijfer(s, 1) * 100 + cijfer(s, 2) * 10 + cijfer(s, 3), cijfer(s, 5) * 10 + cijfer(s, 6), cijfer(s, 8) * 10 + cijfer(s, 9));
  }
  return undefined;
}

export function dagNaarDatum(dag: number): Date {
  return new Date(dag * MS_DAG);
}

const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date in the forms of the werkmap contract; undefined for empty, 'fout' for unreadable. */
function leesDag(v: unknown): number | undefined | 'fout' {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'fout' : Math.floor(v.getTime() / MS_DAG);
  if (typeof v === 'number') {
    // A date serial that lost its format (Excel's 1900 system).
    return Number.isInteger(v) && v > 20000 && v < 80000 ? v - 25569 : 'fout';
  }
  if (typeof v === 'string') {
    const snel = snelleDatum(v);
    if (snel !== undefined) return snel;
    const s = v.trim();
    if (s === '') return undefined;
    let m = DMY.exec(s);
    if (m) return dagnummer(Number(m[3]), Number(m[2]), Number(m[1])) ?? 'fout';
    m = YMD.exec(s);
    if (m) return dagnummer(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'fout';
    return 'fout';
  }
  return leesDag(celWaarde(v));
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

const UREN_SNEL = /^(\d{1,9})(?:[.,](\d{1,4}))?$/;

/** "12", "3,5", "0.25": digits with at most four decimals, as ten-thousandths; undefined otherwise. */
function snelleUren(s: string): number | undefined {
  let geheel = 0;
  let i = 0;
  const n = s.length;
  if (n === 0 || n > 14) return undefined;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    geheel = geheel * 10 + (c - 48);
  }
  if (i === 0) return undefined;
  if (i === n) return geheel * 10_000;
  const sep = s.charCodeAt(i);
  if ((sep !== 44 && sep !== 46) || n - i - 1 < 1 || n - i - 1 > 4) return undefined;
  // "1.234" is a thousands separator in Dutch writing: leave it to the full parser.
  if (sep === 46 && n - i - 1 === 3) return undefined;
  let frac = 0;
  let schaal = 1000;
  for (i++; i < n; i++, schaal /= 10) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    frac += (c - 48) * schaal;
  }
  return geheel * 10_000 + frac;
}

/** Hours as exact ten-thousandths; undefined for empty, 'fout' for unreadable. */
function leesUren(v: unknown): number | undefined | 'fout' {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return 'fout';
    const t = Math.round(v * 10_000);
    return Math.abs(t / 10_000 - v) < 1e-9 ? t : 'fout';
  }
  if (typeof v === 'string') {
    const snel = snelleUren(v);
    if (snel !== undefined) return snel;
  }
  const s = tekst(v).trim();
  if (s === '') return undefined;
  const m = UREN_SNEL.exec(s);
  if (m) return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0') || '0');
  const p = parseGetalTekst(s);
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

/**
 * Reads the rows of a Zaken export: the header row maps columns, each later row becomes a Zaak or
 * a finding with its line number. Rows that cannot be read do not stop the run.
 */
export class ZakenLezer {
  private index: Partial<Record<keyof typeof KOLOMMEN, number>> = {};
  private koppen: string[] = [];
  readonly meldingen: Melding[] = [];
  /** Findings beyond this many are counted, not kept: a broken export must not fill memory. */
  static readonly MAX_MELDINGEN = 200;
  overigeFouten = 0;
  gelezen = 0;
  overgeslagen = 0;
  private kopGelezen = false;

  constructor(readonly bestand: string) {}

  private meld(m: Melding): void {
    if (this.meldingen.length < ZakenLezer.MAX_MELDINGEN) this.meldingen.push(m);
    else this.overigeFouten++;
  }

  private plaats(rij: number, veld?: keyof typeof KOLOMMEN): Plaats {
    const i = veld ? this.index[veld] : undefined;
    return { bestand: this.bestand, rij, kolom: i !== undefined ? this.koppen[i] : undefined };
  }

  /** Returns false when the header lacks a required column (then nothing can be read). */
  kop(waarden: unknown[], rij: number): boolean {
    this.kopGelezen = true;
    this.koppen = waarden.map((w) => tekst(w));
    const lookup = new Map<string, keyof typeof KOLOMMEN>();
    for (const [veld, aliassen] of Object.entries(KOLOMMEN)) for (const a of aliassen) lookup.set(normaliseerKop(a), veld as keyof typeof KOLOMMEN);
    this.koppen.forEach((k, i) => {
      const veld = lookup.get(normaliseerKop(k));
      if (veld && this.index[veld] === undefined) this.index[veld] = i;
    });
    let ok = true;
    for (const verplicht of ['productcode'] as const) {
      if (this.index[verplicht] === undefined) {
        this.meld(melding('fout', 'kolom-ontbreekt', `verplichte kolom "${verplicht}" ontbreekt in de zakenexport`, { bestand: this.bestand, rij }));
        ok = false;
      }
    }
    return ok;
  }

  get heeftKop(): boolean {
    return this.kopGelezen;
  }

  /** One data row → a Zaak, or undefined with a finding. Blank rows are skipped silently. */
  rij(waarden: unknown[], rij: number): Zaak | undefined {
    const w = (veld: keyof typeof KOLOMMEN) => {
      const i = this.index[veld];
      return i === undefined ? undefined : waarden[i];
    };
    if (waarden.every((x) => x === null || x === undefined || x === '')) return undefined;
    this.gelezen++;
    const productcode = tekst(w('productcode')).trim();
    if (!productcode) {
      this.overgeslagen++;
      this.meld(melding('fout', 'zaak-zonder-code', 'zaak zonder productcode; overgeslagen', this.plaats(rij, 'productcode')));
      return undefined;
    }
    const ontvangen = leesDag(w('ontvangen'));
    const besluit = leesDag(w('besluit'));
    const uren = leesUren(w('uren'));
    const procedure = leesProcedure(tekst(w('procedure')));
    const verdaagd = leesJaNee(tekst(w('verdaagd')));
    if (ontvangen !== 'fout' && besluit !== 'fout' && uren !== 'fout' && procedure !== 'fout' && verdaagd !== 'fout' && !(typeof ontvangen === 'number' && typeof besluit === 'number' && besluit < ontvangen)) {
      return {
        regel: rij,
        zaaknummer: tekst(w('zaaknummer')),
        productcode,
        ontvangen,
        besluit,
        procedure,
        verdaagd,
        status: tekst(w('status')).trim().toLowerCase(),
        urenTienduizendsten: uren ?? 0,
        resultaat: tekst(w('resultaat')).trim().toLowerCase(),
      };
    }
    const fouten: [keyof typeof KOLOMMEN, string][] = [];
    if (ontvangen === 'fout') fouten.push(['ontvangen', `"${tekst(w('ontvangen'))}" is geen datum`]);
    if (besluit === 'fout') fouten.push(['besluit', `"${tekst(w('besluit'))}" is geen datum`]);
    if (uren === 'fout') fouten.push(['uren', `"${tekst(w('uren'))}" is geen aantal uren`]);
    if (procedure === 'fout') fouten.push(['procedure', `procedure "${tekst(w('procedure'))}" is onbekend (regulier, uitgebreid of handhavingsverzoek)`]);
    if (verdaagd === 'fout') fouten.push(['verdaagd', `"${tekst(w('verdaagd'))}" is geen ja of nee`]);
    if (typeof ontvangen === 'number' && typeof besluit === 'number' && besluit < ontvangen) {
      fouten.push(['besluit', 'de besluitdatum ligt vóór de ontvangstdatum']);
    }
    this.overgeslagen++;
    for (const [veld, bericht] of fouten) this.meld(melding('fout', 'zaak-onleesbaar', `${bericht}; zaak overgeslagen`, this.plaats(rij, veld)));
    return undefined;
  }
}
