import type ExcelJS from 'exceljs';
import { schoonTekst, type Cel } from './tabel.js';

// Type-only import of exceljs: reading a CSV export must not load the workbook library.
type RuweWaarde = ExcelJS.CellValue | undefined;

/** Normalises one exceljs value: formula → cached result, rich text and hyperlinks → text, errors marked. */
export function normaliseer(value: RuweWaarde, numFmt?: string): Cel {
  if (value === null || value === undefined) return { t: 'leeg' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { t: 'fout', v: '#NUM!' };
    return numFmt && numFmt.includes('%') ? { t: 'getal', v: value, procent: true } : { t: 'getal', v: value };
  }
  if (typeof value === 'string') {
    const s = schoonTekst(value);
    return s === '' ? { t: 'leeg' } : { t: 'tekst', v: s };
  }
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { t: 'fout', v: '#DATUM!' } : { t: 'datum', v: value };
  }
  if (typeof value === 'object') {
    const o = value as unknown as Record<string, unknown>;
    if ('error' in o) return { t: 'fout', v: String(o.error) };
    if ('richText' in o && Array.isArray(o.richText)) {
      return normaliseer((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const formule = String(o.formula ?? o.sharedFormula ?? '');
      if (!('result' in o) || o.result === undefined) return { t: 'formule', formule };
      // `=100%` is a percentage even when the cell keeps the General format.
      if (typeof o.result === 'number' && /^\s*[+-]?[\d.,]+\s*%\s*$/.test(formule)) {
        return { ...normaliseer(o.result, numFmt), ...(Number.isFinite(o.result) ? { procent: true } : {}) } as Cel;
      }
      return normaliseer(o.result as RuweWaarde, numFmt);
    }
    if ('hyperlink' in o || 'text' in o) {
      const tekst = o.text;
      if (tekst && typeof tekst === 'object') return normaliseer(tekst as RuweWaarde);
      return normaliseer(tekst === undefined ? String(o.hyperlink ?? '') : String(tekst));
    }
  }
  return { t: 'tekst', v: String(value) };
}
