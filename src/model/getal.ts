import type { Cel } from '../ingest/tabel.js';
import { Rational } from './rational.js';

/** A numeric cell as the model sees it: a number, a meaningful "no value" word, empty, or unreadable. */
export type Waarde =
  | { soort: 'getal'; waarde: Rational; procent: boolean }
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

/**
 * Parses Dutch and international number writing exactly.
 * `6.150` → 6150 (a dot followed by groups of three is a thousands separator: the Dutch reading
 * wins), `0,1` → 0.1, `3,500` → 3.5, `12,02%` → 12.02 (procent), `€ 100.000,-` → 100000,
 * `1,234.5` → 1234.5. Returns null when the text is no number.
 */
export function parseGetalTekst(invoer: string): { waarde: Rational; procent: boolean } | null {
  let s = invoer.replace(/[\u00a0\u2007\u202f\s]/g, '');
  s = s.replace(/^€|€$|^eur(?=[\d+-])/i, '');
  s = s.replace(/,[-–—]$/, '');
  let procent = false;
  if (s.endsWith('%')) {
    procent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^[−–]/, '-'); // Unicode minus signs
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const sign = s.startsWith('-') ? '-' : '';
  s = s.replace(/^[+-]/, '');
  const punt = s.lastIndexOf('.');
  const komma = s.lastIndexOf(',');
  let plain: string;
  if (punt >= 0 && komma >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const [dec, dui] = komma > punt ? [',', '.'] : ['.', ','];
    const [int, frac, extra] = s.split(dec);
    if (extra !== undefined || !geldigeGroepen(int!, dui) || !/^\d+$/.test(frac!)) return null;
    plain = int!.split(dui).join('') + '.' + frac;
  } else if (komma >= 0) {
    const delen = s.split(',');
    if (delen.length === 2) plain = delen[0]! + '.' + delen[1]!; // Dutch decimal comma
    else if (geldigeGroepen(s, ',')) plain = delen.join(''); // 1,234,567
    else return null;
  } else if (punt >= 0) {
    const delen = s.split('.');
    if (geldigeGroepen(s, '.') && delen.length >= 2) plain = delen.join(''); // 6.150, 1.234.567
    else if (delen.length === 2) plain = s; // 0.1, 12.5
    else return null;
  } else {
    plain = s;
  }
  if (/^\.|\.$/.test(plain)) plain = plain.replace(/^\./, '0.').replace(/\.$/, '');
  const r = Rational.fromDecimalString(sign + plain);
  return r ? { waarde: r, procent } : null;
}

function geldigeGroepen(s: string, sep: string): boolean {
  const delen = s.split(sep);
  if (!/^\d{1,3}$/.test(delen[0]!)) return delen.length === 1 && /^\d+$/.test(delen[0]!);
  return delen.slice(1).every((d) => /^\d{3}$/.test(d));
}

/** A range such as "8 tot 10" or "8-10": meaningful, but no single number. */
function isBereik(s: string): boolean {
  return /^\d+([.,]\d+)?\s*(tot|à|a|-|–|—|t\/m)\s*\d+([.,]\d+)?$/i.test(s.trim());
}

export function geenWaardeWoord(s: string): string | null {
  const k = s.trim().toLowerCase();
  if (GEEN_WAARDE.has(k)) return GEEN_WAARDE.get(k)!;
  if (isBereik(k)) return s.trim();
  return null;
}

/** Reads a numeric cell. Percent-formatted spreadsheet numbers (0,1202 shown as 12,02%) become 12.02 procent. */
export function leesGetal(cel: Cel | undefined): Waarde {
  if (!cel) return { soort: 'leeg' };
  switch (cel.t) {
    case 'leeg':
      return { soort: 'leeg' };
    case 'getal': {
      if (!Number.isFinite(cel.v)) return { soort: 'fout', reden: `"${cel.v}" is geen eindig getal` };
      let w = Rational.fromNumber(cel.v);
      if (cel.procent) w = w.mul(Rational.of(100n));
      if (w.cmp(MAX_GETAL) > 0 || w.cmp(MAX_GETAL.neg()) < 0) {
        return { soort: 'fout', reden: `${cel.v} is onwaarschijnlijk groot` };
      }
      return { soort: 'getal', waarde: w, procent: !!cel.procent };
    }
    case 'tekst': {
      const woord = geenWaardeWoord(cel.v);
      if (woord) return { soort: 'geen', woord };
      const p = parseGetalTekst(cel.v);
      if (!p) return { soort: 'fout', reden: `"${kort(cel.v)}" is geen getal` };
      if (p.waarde.cmp(MAX_GETAL) > 0 || p.waarde.cmp(MAX_GETAL.neg()) < 0) {
        return { soort: 'fout', reden: `"${kort(cel.v)}" is onwaarschijnlijk groot` };
      }
      return { soort: 'getal', waarde: p.waarde, procent: p.procent };
    }
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

export function kort(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * Dutch number: 5.369, 739,23, 1.406,34. `vast` shows exactly `decimalen` places (3,500), otherwise
 * at most that many. Rounds half away from zero on the exact value, like the documents do.
 */
export function nlGetal(r: Rational | number, decimalen = 2, vast = false): string {
  const exact = typeof r === 'number' ? Rational.fromNumber(r) : r;
  const afgerond = exact.round(decimalen);
  const neg = afgerond.isNegative();
  const [int, frac = ''] = (neg ? afgerond.neg() : afgerond).toDecimalString(decimalen).split('.');
  const groepen = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const dec = vast ? frac.padEnd(decimalen, '0') : frac;
  return `${neg ? '-' : ''}${groepen}${dec ? ',' + dec : ''}`;
}
