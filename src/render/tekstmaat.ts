// How wide a text is set: per character, from Arial Bold's advance widths (letterbreedtes.ts), for
// the column widths of Word tables and the room a heading's number needs.
import { ARIAL_VET, ONBEKEND_TEKEN } from './letterbreedtes.js';

/** The size (pt) table text is set in by the table text style. */
export const TABEL_PUNT = 9;

/** Kerning is ignored and the substitute font may round up: a few percent to spare, so that a word that just fits does. */
const SPEELRUIMTE = 1.04;

/**
 * The width of a text in twips, set in bold Arial (every cell is measured bold: the header row and the
 * totals are) at `punt` points, times the house font's width against Arial's. Per character, from the
 * font's own advance widths: "Gereserveerd" and "MMMMMMMMMMMM" are not the same width.
 */
export function tekstTwips(s: string, punt = TABEL_PUNT, letterbreedte = 1): number {
  let em = 0;
  for (const c of s) em += ARIAL_VET[c] ?? ONBEKEND_TEKEN;
  return (em / 1000) * punt * 20 * letterbreedte * SPEELRUIMTE;
}

