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

/** Advance widths by character code below 256, for the hot loop over every cell of a large table. */
const LAAG = new Float64Array(256).fill(ONBEKEND_TEKEN);
for (const [c, b] of Object.entries(ARIAL_VET)) if (c.charCodeAt(0) < 256 && c.length === 1) LAAG[c.charCodeAt(0)] = b;

/**
 * A cell's longest word and its whole text, in thousandths of an em of bold Arial, in one pass over its
 * characters (a table of 100.000 lines has some 700.000 cells). Words are separated by white space.
 */
export function celMaat(s: string): { woord: number; tekst: number } {
  let tekst = 0;
  let woord = 0;
  let langste = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 160) {
      if (woord > langste) langste = woord;
      woord = 0;
      tekst += code === 160 ? LAAG[160]! : LAAG[32]!;
      continue;
    }
    let b: number;
    if (code < 256) b = LAAG[code]!;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < s.length) {
      b = ARIAL_VET[s.slice(i, i + 2)] ?? ONBEKEND_TEKEN;
      i++;
    } else b = ARIAL_VET[s[i]!] ?? ONBEKEND_TEKEN;
    woord += b;
    tekst += b;
  }
  if (woord > langste) langste = woord;
  return { woord: langste, tekst };
}

/** Thousandths of an em to twips at a size, with the house font's width and the margin to spare. */
export function emNaarTwips(em: number, punt = TABEL_PUNT, letterbreedte = 1): number {
  return (em / 1000) * punt * 20 * letterbreedte * SPEELRUIMTE;
}
