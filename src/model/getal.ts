import { celTekst, type Cel } from '../ingest/tabel.js';
import { Rational } from './rational.js';

/** A numeric cell as the model sees it: a number, a meaningful "no value" word, empty, or unreadable. */
export type Waarde =
  | {
      soort: 'getal';
      waarde: Rational;
      procent: boolean;
      /** How the text was read beyond its digits (a unit, a hedge): findings for the cell. */
      noten?: Noot[];
      /** Text whose reading depends on the convention: settled by itself, or ambiguous (`1.400`). */
      afhankelijk?: 'eenduidig' | 'dubbelzinnig';
      /** The cell says "3 fte": the value is in fte, not hours (only where the column allows it). */
      fte?: boolean;
    }
  | { soort: 'geen'; woord: string }
  | { soort: 'leeg' }
  | { soort: 'fout'; reden: string };

/** Words that mean "no value": kept as such, neither zero nor an error. */
const GEEN_WAARDE = new Map<string, string>([
  ['n.v.t.', 'n.v.t.'],
  ['n.v.t', 'n.v.t.'],
  ['nvt', 'n.v.t.'],
  ['n.t.b.', 'n.t.b.'],
  ['n.t.b', 'n.t.b.'],
  ['ntb', 'n.t.b.'],
  ['pm', 'PM'],
  ['p.m.', 'PM'],
  ['p.m', 'PM'],
  ['-', '-'],
  ['–', '-'],
  ['—', '-'],
  ['nb', 'n.b.'],
  ['n.b.', 'n.b.'],
  ['onbekend', 'onbekend'],
]);

/** Largest magnitude accepted: beyond this a figure is a typing or export error, not hours. */
export const MAX_GETAL = Rational.of(10n ** 12n);

/** How a file writes numbers: Dutch `1.234,5` or English `1,234.5`. */
export type Conventie = 'nl' | 'en';
/** What one cell's text says about the convention. `dubbelzinnig`: one separator before exactly three digits (`1.400`, `1,400`). */
export type Kenmerk = Conventie | 'dubbelzinnig' | 'neutraal';

export const CONVENTIE_NAAM: Record<Conventie, string> = {
  nl: 'Nederlandse schrijfwijze (1.234,5: punt voor duizendtallen, komma voor decimalen)',
  en: 'Engelse schrijfwijze (1,234.5: komma voor duizendtallen, punt voor decimalen)',
};

interface Kern {
  negatief: boolean;
  /** Digits with their separators, nothing else. */
  cijfers: string;
  procent: boolean;
  /** `€ 100,-`: the dash after a comma is Dutch money writing. */
  streep: boolean;
}

function ontleed(invoer: string): Kern | null {
  let s = invoer.replace(/[\u00a0\u2007\u202f\s]/g, '');
  s = s.replace(/^€|€$|^eur(?=[\d+-])/i, '');
  const streep = /,[-–—]$/.test(s);
  if (streep) s = s.slice(0, -2);
  let procent = false;
  if (s.endsWith('%')) {
    procent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^[−–]/, '-'); // Unicode minus signs
  const negatief = s.startsWith('-');
  s = s.replace(/^[+-]/, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  return { negatief, cijfers: s, procent, streep };
}

/** The convention a number's own writing reveals, if any. */
function kenmerkVanKern(k: Kern): Kenmerk {
  if (k.streep) return 'nl';
  const s = k.cijfers;
  const punt = s.lastIndexOf('.');
  const komma = s.lastIndexOf(',');
  if (punt < 0 && komma < 0) return 'neutraal';
  if (punt >= 0 && komma >= 0) return komma > punt ? 'nl' : 'en';
  const sep = punt >= 0 ? '.' : ',';
  const delen = s.split(sep);
  // Several of one separator can only group thousands: 1.234.567 is Dutch, 1,234,567 English.
  if (delen.length > 2) return sep === '.' ? 'nl' : 'en';
  const [int, frac] = delen as [string, string];
  // Not a thousands group (not three digits after, or nothing / a zero / four digits before): a decimal separator.
  if (frac.length !== 3 || int === '' || int.startsWith('0') || int.length > 3) return sep === ',' ? 'nl' : 'en';
  return 'dubbelzinnig';
}

/** What a cell's text says about the number convention; null when the text is no number. */
export function kenmerk(tekst: string): Kenmerk | null {
  return ALLEEN_CIJFERS.test(tekst) ? 'neutraal' : kenmerkVolledig(tekst);
}

/** kenmerk without the shortcut for plain digits (exported for the test that compares them). */
export function kenmerkVolledig(tekst: string): Kenmerk | null {
  const k = ontleed(zonderEenheid(tekst).rest);
  return k ? kenmerkVanKern(k) : null;
}

function naarDecimaal(k: Kern, conv: Conventie): Rational | null {
  const [dec, dui] = conv === 'nl' ? [',', '.'] : ['.', ','];
  const delen = k.cijfers.split(dec);
  if (delen.length > 2) return null;
  const [int, frac] = delen as [string, string | undefined];
  if (int.includes(dui) && !geldigeGroepen(int, dui)) return null;
  if (frac !== undefined && !/^\d*$/.test(frac)) return null;
  const plain = (int.split(dui).join('') || '0') + (frac ? '.' + frac : '');
  return Rational.fromDecimalString((k.negatief ? '-' : '') + plain);
}

/**
 * Parses Dutch and international number writing exactly. With a convention, every cell is read by
 * it (`1.400` is 1400 in Dutch, 1,4 in English). Without one, a number's own writing decides and the
 * Dutch reading wins where it does not (`6.150` → 6150, `3,500` → 3,5): for single values such as
 * command-line options. `12,02%` → 12.02 (procent), `€ 100.000,-` → 100000. Null when no number.
 */
export function parseGetalTekst(invoer: string, conventie?: Conventie): { waarde: Rational; procent: boolean } | null {
  const k = ontleed(invoer);
  if (!k) return null;
  const eigen = kenmerkVanKern(k);
  const waarde = naarDecimaal(k, conventie ?? (eigen === 'en' ? 'en' : 'nl'));
  return waarde ? { waarde, procent: k.procent } : null;
}

function geldigeGroepen(s: string, sep: string): boolean {
  const delen = s.split(sep);
  if (!/^\d{1,3}$/.test(delen[0]!)) return delen.length === 1 && /^\d+$/.test(delen[0]!);
  return delen.slice(1).every((d) => /^\d{3}$/.test(d));
}

/** A range such as "8 tot 10", "8-10" or "8 à 10": meaningful, but no single number. */
function isBereik(s: string): boolean {
  return /^\d+([.,]\d+)?\s*(tot|à|a|-|–|—|t\/m)\s*\d+([.,]\d+)?$/i.test(s.trim());
}

export function geenWaardeWoord(s: string): string | null {
  const k = s.trim().toLowerCase();
  if (GEEN_WAARDE.has(k)) return GEEN_WAARDE.get(k)!;
  if (isBereik(k)) return s.trim();
  return null;
}

/**
 * What a number column holds: hours (kental, uren), minutes (Niveaus), a count (aantal), or anything
 * else (no units allowed). `uren-of-fte`: hours, where "3 fte" is also a reading (a programme line that
 * is a whole job); the cell keeps the fte and the werkmap converts it with the afdeling's productive hours.
 */
export type Eenheid = 'uren' | 'minuten' | 'aantal' | 'uren-of-fte';

/** How a typed number was read beyond the plain digits: each becomes a finding at the cell. */
export interface Noot {
  niveau: 'waarschuwing' | 'melding';
  code: string;
  tekst: string;
}

const SCHATTING = /^(ca\.?|circa|c\.a\.|ong\.?|ongeveer|plm\.?|±|\+\/-|\+-|~|≈)\s*/i;
const VOETNOOT = /\s*\*+$/;
const APOSTROF = /^['‘’`]/;
/** Nouns people write after a count in a programme ("400 dossiers", "85 controles"). */
const TELWOORDEN = 'dossiers?|zaken|zaak|controles?|inspecties?|aanvragen|aanvraag|meldingen|melding|objecten|object|bedrijven|bedrijf|adviezen|advies|besluiten|besluit|verzoeken|verzoek|locaties?|acties?|projecten|project|bezoeken|bezoek|evenementen|evenement';
const EENHEID = new RegExp(`\\s*(uren|uur|u|h|hrs?|hours?|minuten|minuut|min|fte|stuks?|st|x|keer|${TELWOORDEN})\\.?$`, 'i');

type EenheidSoort = 'uur' | 'minuut' | 'stuks' | 'fte';
function eenheidSoort(w: string): EenheidSoort {
  const k = w.toLowerCase().replace(/\.$/, '');
  if (/^(minuten|minuut|min)$/.test(k)) return 'minuut';
  if (k === 'fte') return 'fte';
  if (/^(stuks?|st|x|keer)$/.test(k) || new RegExp(`^(${TELWOORDEN})$`).test(k)) return 'stuks';
  return 'uur';
}

function zonderEenheid(invoer: string): { rest: string; apostrof: boolean; schatting?: string; voetnoot: boolean; eenheid?: string } {
  let rest = invoer.trim();
  const apostrof = APOSTROF.test(rest);
  if (apostrof) rest = rest.slice(1).trim();
  const s = SCHATTING.exec(rest);
  const schatting = s ? s[1] : undefined;
  if (s) rest = rest.slice(s[0].length);
  const voetnoot = VOETNOOT.test(rest);
  if (voetnoot) rest = rest.replace(VOETNOOT, '');
  let eenheid: string | undefined;
  const e = EENHEID.exec(rest);
  // Only after a digit: "400 u", "30min", "10x"; not the letters of a word.
  if (e && /\d$/.test(rest.slice(0, e.index).trim())) {
    eenheid = e[1];
    rest = rest.slice(0, e.index).trim();
  }
  return { rest, apostrof, schatting, voetnoot, eenheid };
}

/** What the table knows about a column's convention, from the cells that settle it. */
export interface KolomConventie {
  conventie?: Conventie;
  /** The column holds both conventions: only cells that settle their own reading are read. */
  gemengd?: boolean;
}

export interface GetalContext extends KolomConventie {
  eenheid?: Eenheid;
}

const ZESTIG = Rational.of(60n);

/** Plain digits, as most cells are: no sign, separator, unit or word, and far below MAX_GETAL. */
const ALLEEN_CIJFERS = /^\d{1,12}$/;

function leesTekstGetal(tekst: string, ctx: GetalContext): Waarde {
  // The full reading gives exactly this for plain digits (a test compares them), at a tenth of the cost.
  if (ALLEEN_CIJFERS.test(tekst)) {
    // Small counts and kentallen repeat on every line: one reading per value (a reading is never changed).
    if (tekst.length <= 4) return (KLEINE_GETALLEN[Number(tekst)] ??= Object.freeze({ soort: 'getal', waarde: Rational.of(BigInt(tekst)), procent: false }));
    return { soort: 'getal', waarde: Rational.of(BigInt(tekst)), procent: false };
  }
  return leesTekstGetalVolledig(tekst, ctx);
}
const KLEINE_GETALLEN: Waarde[] = [];
/** An empty cell's reading: one for all (a reading is never changed). */
export const LEGE_WAARDE: Waarde = Object.freeze({ soort: 'leeg' });

/** The reading of a typed number without the shortcut for plain digits (exported for that test). */
export function leesTekstGetalVolledig(tekst: string, ctx: GetalContext): Waarde {
  const woord = geenWaardeWoord(tekst);
  if (woord) return { soort: 'geen', woord };
  const z = zonderEenheid(tekst);
  const k = ontleed(z.rest);
  if (!k) {
    const bereik = geenWaardeWoord(z.rest);
    if (bereik && (z.schatting || z.eenheid)) return { soort: 'geen', woord: tekst.trim() };
    return { soort: 'fout', reden: `"${kort(tekst)}" is geen getal` };
  }
  const eigen = kenmerkVanKern(k);
  let conventie = ctx.conventie;
  const noten: Noot[] = [];
  if (eigen === 'dubbelzinnig') {
    if (ctx.gemengd) {
      return { soort: 'fout', reden: `"${kort(tekst)}" is dubbelzinnig: deze kolom mengt de Nederlandse en de Engelse schrijfwijze, dus ${dubbel(k)}? Schrijf het getal zonder scheidingsteken voor duizendtallen` };
    }
    if (!conventie) {
      if (k.cijfers.includes(',')) {
        return { soort: 'fout', reden: `"${kort(tekst)}" is dubbelzinnig: ${dubbel(k)}? Niets in dit bestand maakt de schrijfwijze zeker; schrijf het getal zonder scheidingsteken voor duizendtallen, of zet in Instellingen "schrijfwijze getallen" op Nederlands of Engels` };
      }
      // `1.400` where nothing settles it: the documented Dutch reading, said in the table's finding.
      conventie = 'nl';
    }
  } else if (eigen !== 'neutraal') {
    // A cell that settles its own reading is read by it; a column that contradicts it is reported per column.
    conventie = eigen;
  }
  let waarde = naarDecimaal(k, conventie ?? 'nl');
  if (!waarde) {
    return {
      soort: 'fout',
      reden: `"${kort(tekst)}" past niet bij de ${conventie === 'en' ? 'Engelse' : 'Nederlandse'} schrijfwijze van dit bestand`,
    };
  }
  if (z.apostrof) noten.push({ niveau: 'melding', code: 'getal-als-tekst', tekst: `"${kort(tekst)}" is als tekst ingevoerd (apostrof ervoor); gelezen als ${nlGetal(waarde, 6)}` });
  if (z.schatting) noten.push({ niveau: 'waarschuwing', code: 'getal-schatting', tekst: `"${kort(tekst)}" is een schatting; gelezen als ${nlGetal(waarde, 6)}` });
  if (z.voetnoot) noten.push({ niveau: 'waarschuwing', code: 'getal-voetnoot', tekst: `"${kort(tekst)}": het teken * (een voetnoot?) wordt genegeerd; gelezen als ${nlGetal(waarde, 6)}` });
  if (z.eenheid) {
    const soort = eenheidSoort(z.eenheid);
    if (soort === 'stuks') {
      if (ctx.eenheid !== 'aantal') return { soort: 'fout', reden: `"${kort(tekst)}" is een aantal (${z.eenheid}); in deze kolom hoort een getal zonder eenheid` };
      noten.push({ niveau: 'melding', code: 'eenheid-gelezen', tekst: `"${kort(tekst)}" gelezen als aantal ${nlGetal(waarde, 6)}` });
    } else if (soort === 'fte') {
      if (ctx.eenheid !== 'uren-of-fte') {
        return { soort: 'fout', reden: `"${kort(tekst)}" is een aantal fte; ${ctx.eenheid === 'uren' || ctx.eenheid === 'minuten' ? 'in deze kolom hoort een tijdsduur' : ctx.eenheid === 'aantal' ? 'in de kolom aantal hoort een aantal keer' : 'in deze kolom hoort een getal zonder eenheid'}` };
      }
      // Converted to hours with the afdeling's productive hours (model/werkmap.ts fteNaarUren), which says so.
      return { soort: 'getal', waarde, procent: false, fte: true, ...(noten.length ? { noten } : {}) };
    } else if (ctx.eenheid === 'minuten') {
      // A minutes column (Niveaus) takes a duration in either unit: "2 uur" is 120 minutes.
      if (soort === 'uur') waarde = waarde.mul(ZESTIG);
      noten.push({ niveau: 'melding', code: 'eenheid-gelezen', tekst: `"${kort(tekst)}" gelezen als ${nlGetal(waarde, 6)} minuten` });
    } else {
      if (ctx.eenheid !== 'uren' && ctx.eenheid !== 'uren-of-fte') {
        return {
          soort: 'fout',
          reden: `"${kort(tekst)}" is een tijdsduur; ${ctx.eenheid === 'aantal' ? 'in de kolom aantal hoort een aantal keer (uren horen in kental of uren)' : 'in deze kolom hoort een getal zonder eenheid'}`,
        };
      }
      if (soort === 'minuut') {
        const uren = waarde.div(ZESTIG);
        noten.push({ niveau: 'waarschuwing', code: 'eenheid-minuten', tekst: `"${kort(tekst)}" is in minuten; gelezen als ${nlGetal(uren, 4)} uur` });
        waarde = uren;
      } else {
        noten.push({ niveau: 'melding', code: 'eenheid-gelezen', tekst: `"${kort(tekst)}" gelezen als ${nlGetal(waarde, 6)} uur` });
      }
    }
  }
  if (waarde.cmp(MAX_GETAL) > 0 || waarde.cmp(MAX_GETAL.neg()) < 0) {
    return { soort: 'fout', reden: `"${kort(tekst)}" is onwaarschijnlijk groot` };
  }
  return {
    soort: 'getal',
    waarde,
    procent: k.procent,
    ...(noten.length ? { noten } : {}),
    ...(eigen !== 'neutraal' ? { afhankelijk: eigen === 'dubbelzinnig' ? ('dubbelzinnig' as const) : ('eenduidig' as const) } : {}),
  };
}

function dubbel(k: Kern): string {
  const nl = naarDecimaal(k, 'nl');
  const en = naarDecimaal(k, 'en');
  // Written without thousands separators, so that the question itself is not ambiguous: "1410 of 1,41?"
  const toon = (r: Rational | null) => (r ? nlGetal(r, 6).replace(/\./g, '') : '?');
  const [groot, klein] = nl && en && nl.gt(en) ? [nl, en] : [en, nl];
  return `is het ${toon(groot)} (duizendtallen) of ${toon(klein)} (decimalen)`;
}

/**
 * Reads a numeric cell. Percent-formatted spreadsheet numbers (0,1202 shown as 12,02%) become 12.02
 * procent. Text is read by the column's convention (see `GetalContext`), with units and hedges read
 * or refused as the table in docs/werkmap.md says.
 */
export function leesGetal(cel: Cel | undefined, ctx: GetalContext = {}): Waarde {
  if (!cel) return LEGE_WAARDE;
  switch (cel.t) {
    case 'leeg':
      return LEGE_WAARDE;
    case 'getal': {
      if (!Number.isFinite(cel.v)) return { soort: 'fout', reden: `"${cel.v}" is geen eindig getal` };
      let w = Rational.fromNumber(cel.v);
      if (cel.procent) w = w.mul(Rational.of(100n));
      if (w.cmp(MAX_GETAL) > 0 || w.cmp(MAX_GETAL.neg()) < 0) {
        return { soort: 'fout', reden: `${cel.v} is onwaarschijnlijk groot` };
      }
      return { soort: 'getal', waarde: w, procent: !!cel.procent };
    }
    case 'tekst':
      return leesTekstGetal(cel.v, ctx);
    case 'bool':
      return { soort: 'fout', reden: `"${cel.v ? 'WAAR' : 'ONWAAR'}" is geen getal` };
    case 'datum':
      return { soort: 'fout', reden: `een datum (${cel.v.toISOString().slice(0, 10)}) is geen getal` };
    case 'fout':
      return { soort: 'fout', reden: `de cel bevat de foutwaarde ${cel.v}` };
    case 'formule':
      return {
        soort: 'fout',
        reden: `de formule =${kort(cel.formule)} heeft geen opgeslagen uitkomst (open en bewaar het bestand in Excel)`,
      };
  }
}

/** A cell as a message quotes it: a spreadsheet number in Dutch writing (2,166, not 2.166), text as typed. */
export function celWeergave(c: Cel | undefined): string {
  if (c?.t === 'getal' && Number.isFinite(c.v)) return nlGetal(Rational.fromNumber(c.v).mul(Rational.of(c.procent ? 100n : 1n)), 6) + (c.procent ? '%' : '');
  if (c?.t === 'bool') return c.v ? 'WAAR' : 'ONWAAR';
  return celTekst(c);
}

export function kort(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * Dutch number: 5.369, 739,23, 1.406,34. `vast` shows exactly `decimalen` places (3,500), otherwise
 * at most that many. Rounds half away from zero on the exact value, like the documents do.
 */
export function nlGetal(r: Rational | number, decimalen = 2, vast = false): string {
  const exact = typeof r === 'number' ? Rational.fromNumber(r) : r;
  // A whole number (most counts, kentallen and hours in a large programme) needs no rounding.
  if (exact.den === 1n && decimalen >= 0) {
    const neg = exact.num < 0n;
    const int = (neg ? -exact.num : exact.num).toString();
    const groepen = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
    return `${neg ? '-' : ''}${groepen}${vast && decimalen > 0 ? ',' + '0'.repeat(decimalen) : ''}`;
  }
  // A fraction is written once per value and precision: a risk analysis has a few hundred distinct
  // effects and risks (one shared Rational each), printed in every part of an omgevingsdienst's programme.
  // The first few thousand values are kept (strongly, a bounded table: a weak one would burden the
  // collector with every fraction ever written).
  let perWaarde = GESCHREVEN.get(exact);
  if (!perWaarde) {
    if (GESCHREVEN.size >= 4096) return nlGetalVolledig(exact, decimalen, vast);
    GESCHREVEN.set(exact, (perWaarde = new Map()));
  }
  const sleutel = vast ? -1 - decimalen : decimalen;
  let t = perWaarde.get(sleutel);
  if (t === undefined) perWaarde.set(sleutel, (t = nlGetalVolledig(exact, decimalen, vast)));
  return t;
}
const GESCHREVEN = new Map<Rational, Map<number, string>>();

/** nlGetal without its shortcut for whole numbers (exported so that a test can compare the two). */
export function nlGetalVolledig(exact: Rational, decimalen = 2, vast = false): string {
  const afgerond = exact.round(decimalen);
  const neg = afgerond.isNegative();
  const [int, frac = ''] = (neg ? afgerond.neg() : afgerond).toDecimalString(decimalen).split('.');
  const groepen = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const dec = vast ? frac.padEnd(decimalen, '0') : frac;
  return `${neg ? '-' : ''}${groepen}${dec ? ',' + dec : ''}`;
}
