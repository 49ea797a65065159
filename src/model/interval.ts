import { nlGetal } from './getal.js';
import { Rational } from './rational.js';

/**
 * How people write an inspection interval (sheet Frequenties) besides a number of months: a unit in
 * the header (`Interval (jaar)`, `Interval (x per jaar)`) or in the cell (`12 maanden`, `1 jaar`,
 * `6 mnd`, `jaarlijks`, `halfjaarlijks`, `2x per jaar`). Every form becomes months, or is refused:
 * a unit is never dropped (years read as months made 185 controls 1.714).
 */

/** What a number in the interval column counts: months, years, or controls per year. */
export type IntervalEenheid = 'maanden' | 'jaren' | 'perJaar';

const KOP_EENHEDEN: Record<string, IntervalEenheid> = {
  maand: 'maanden',
  maanden: 'maanden',
  mnd: 'maanden',
  'mnd.': 'maanden',
  m: 'maanden',
  jaar: 'jaren',
  jaren: 'jaren',
  jr: 'jaren',
  'jr.': 'jaren',
  j: 'jaren',
  'per jaar': 'perJaar',
  'x per jaar': 'perJaar',
  'keer per jaar': 'perJaar',
  'aantal per jaar': 'perJaar',
  'controles per jaar': 'perJaar',
  'x/jaar': 'perJaar',
  'per jr': 'perJaar',
};

/** The unit a header's parentheses name, `undefined` for months (no unit), `null` when it is not one vth reads. */
export function intervalKopEenheid(eenheid: string | undefined): IntervalEenheid | undefined | null {
  if (eenheid === undefined) return undefined;
  return KOP_EENHEDEN[eenheid] ?? null;
}

const WOORDEN: Record<string, number> = {
  maandelijks: 1,
  'elke maand': 1,
  tweemaandelijks: 2,
  driemaandelijks: 3,
  kwartaal: 3,
  'per kwartaal': 3,
  'elk kwartaal': 3,
  zesmaandelijks: 6,
  halfjaarlijks: 6,
  'half jaarlijks': 6,
  'elk half jaar': 6,
  'per half jaar': 6,
  'ieder half jaar': 6,
  jaarlijks: 12,
  'elk jaar': 12,
  'ieder jaar': 12,
  'eens per jaar': 12,
  'per jaar': 12,
  tweejaarlijks: 24,
  'twee jaarlijks': 24,
  'om het jaar': 24,
  'elke twee jaar': 24,
  driejaarlijks: 36,
  'elke drie jaar': 36,
  vierjaarlijks: 48,
  'elke vier jaar': 48,
  vijfjaarlijks: 60,
  'elke vijf jaar': 60,
};

const GETAL = String.raw`(\d+(?:[.,]\d+)?)`;
const KEER = String.raw`\s*(?:x|×|keer|maal)\s*`;
const MAANDEN = new RegExp(`^${GETAL}\\s*(?:maanden|maand|mnd\\.?|mndn\\.?|mnden)$`);
const JAREN = new RegExp(`^${GETAL}\\s*(?:jaren|jaar|jr\\.?)$`);
const PER_JAAR = new RegExp(`^${GETAL}${KEER}(?:per|p\\/|/|in het|in een|elk|ieder)\\s*(?:jaar|jr\\.?)$`);
const PER_JAREN = new RegExp(`^${GETAL}${KEER}(?:per|in|elke|iedere)\\s*(\\d+)\\s*(?:jaar|jaren|jr\\.?)$`);
const ALLEEN_KEER = new RegExp(`^${GETAL}${KEER}$`);

const getal = (s: string) => Rational.fromDecimalString(s.replace(',', '.'))!;

export type IntervalLezing =
  | { soort: 'maanden'; maanden: Rational; hoe: string }
  | { soort: 'fout'; reden: string }
  /** No word or unit: read the cell as a number. */
  | { soort: 'getal' };

/** A cell's text as an interval in months, when it carries a word or unit. */
export function leesIntervalTekst(invoer: string): IntervalLezing {
  const t = invoer.trim().toLowerCase().replace(/\s+/g, ' ');
  const citaat = `"${invoer.trim()}"`;
  if (t in WOORDEN) return { soort: 'maanden', maanden: Rational.of(BigInt(WOORDEN[t]!)), hoe: citaat };
  let m = MAANDEN.exec(t);
  if (m) return { soort: 'maanden', maanden: getal(m[1]!), hoe: citaat };
  m = JAREN.exec(t);
  if (m) return { soort: 'maanden', maanden: getal(m[1]!).mul(Rational.of(12n)), hoe: citaat };
  m = PER_JAAR.exec(t);
  if (m) return perJaar(getal(m[1]!), Rational.ONE, citaat);
  m = PER_JAREN.exec(t);
  if (m) return perJaar(getal(m[1]!), Rational.of(BigInt(m[2]!)), citaat);
  if (ALLEEN_KEER.test(t)) {
    return { soort: 'fout', reden: `${citaat} zegt niet per welke periode; schrijf het interval in maanden (bijvoorbeeld 6) of als "2x per jaar"` };
  }
  return { soort: 'getal' };
}

/** n controls per `jaren` years: an interval of 12 × jaren / n months. */
export function perJaar(n: Rational, jaren: Rational, hoe: string): IntervalLezing {
  if (n.isZero() || n.isNegative()) return { soort: 'fout', reden: `${hoe}: een aantal controles per jaar moet groter dan 0 zijn` };
  return { soort: 'maanden', maanden: Rational.of(12n).mul(jaren).div(n), hoe };
}

/** The interval as written, for messages: `"2x per jaar" (5 maanden)`. */
export function intervalTekst(maanden: Rational): string {
  return `${nlGetal(maanden, 2)} ${maanden.eq(Rational.ONE) ? 'maand' : 'maanden'}`;
}
