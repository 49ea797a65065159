import type { Productcode } from './types.js';

/** The OD product catalogue's taakvelden, by code prefix. */
export const TAAKVELDEN: Record<string, string> = {
  A1: 'Vergunningen',
  A2: 'Toezicht',
  A3: 'Handhaving',
  A4: 'Advies',
};

/**
 * Parses a product code: `A1.17.00` (taakveld A1, group A1.17, product A1.17.00) or the
 * two-segment `A4.19`. Returns null for anything else; municipalities' own codes are kept as text.
 */
export function parseProductcode(code: string): Productcode | null {
  const m = /^([A-Z]\d{1,2})\.(\d{1,3})(?:\.(\d{1,3}))?$/i.exec(code.trim());
  if (!m) return null;
  const taakveld = m[1]!.toUpperCase();
  const groep = `${taakveld}.${m[2]}`;
  return { code: code.trim(), taakveld, groep, product: m[3] !== undefined ? `${groep}.${m[3]}` : groep };
}

/** Looks like a catalogue code but is not one: `A1.17.`, `A1..17`, `A1,17,00`, `A 1.17`. */
export function lijktOpProductcode(code: string): boolean {
  return /^[A-Z]\s?\d/i.test(code.trim()) && /[.,]/.test(code) && parseProductcode(code) === null;
}

/**
 * Recognises a taakveld written as a catalogue prefix or a name (`A2`, `Toezicht`, `A2 Toezicht`)
 * and returns its prefix; municipal groupings such as `Bouwen` give null.
 */
export function taakveldPrefix(taakveld: string): string | null {
  const t = taakveld.trim().toLowerCase();
  const m = /^(a\d)\b/.exec(t);
  if (m && TAAKVELDEN[m[1]!.toUpperCase()]) return m[1]!.toUpperCase();
  for (const [prefix, naam] of Object.entries(TAAKVELDEN)) {
    if (t === naam.toLowerCase() || t.startsWith(naam.toLowerCase())) return prefix;
  }
  return null;
}
