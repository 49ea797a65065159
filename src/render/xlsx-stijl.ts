import type { Blad } from './xlsx-schrijver.js';

/** Bold white on dark blue, as in the werkmap. */
export function kopStijl(ws: Blad, kolommen: number, rij = 1): void {
  const r = ws.getRow(rij);
  for (let i = 1; i <= kolommen; i++) {
    const c = r.getCell(i);
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  }
}

/** Number format with thousands grouping and fixed decimals; Excel shows it with the user's (Dutch) separators. */
export function nlFormaat(decimalen: number): string {
  return decimalen > 0 ? `#,##0.${'0'.repeat(decimalen)}` : '#,##0';
}

/** Whole numbers without decimals, others with two (the exact value stays in the cell). */
export function getalFormaat(r: { isInteger(): boolean } | undefined): string {
  return !r || r.isInteger() ? '#,##0' : '#,##0.00';
}

/**
 * User text as a cell value that can never become a formula: text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is written as rich text, which Excel and LibreOffice show as typed.
 */
export function celTekst(s: string): string | null | { richText: { text: string }[] } {
  if (s === '') return null;
  return /^[=+\-@\t\r]/.test(s) ? { richText: [{ text: s }] } : s;
}
