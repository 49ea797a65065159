import ExcelJS from 'exceljs';
import { OnleesbaarFout } from './fout.js';
import { maakTabel, schoonTekst, type Cel, type Rij, type Tabel } from './tabel.js';

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

export function werkbladNaarTabel(ws: ExcelJS.Worksheet, bestand: string): Tabel {
  const rijen: Rij[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    const cellen: Cel[] = [];
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      cellen[cn - 1] = normaliseer(cell.value, cell.numFmt);
    });
    for (let i = 0; i < cellen.length; i++) if (!cellen[i]) cellen[i] = { t: 'leeg' };
    rijen.push({ rij: rn, cellen });
  });
  return maakTabel(bestand, ws.name, rijen);
}

/** Reads a whole workbook into tables, one per worksheet (chart sheets and hidden sheets included). */
export async function leesXlsx(buf: Buffer, bestand: string): Promise<Tabel[]> {
  if (buf.length === 0) throw new OnleesbaarFout(`${bestand} is leeg`, { bestand });
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw new OnleesbaarFout(
      `${bestand} is geen Excel-werkmap (.xlsx); een oud .xls-bestand of ander formaat? Sla het op als .xlsx`,
      { bestand },
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new OnleesbaarFout(
      `${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of geen .xlsx): ${(e as Error).message}`,
      { bestand },
    );
  }
  return wb.worksheets.map((ws) => werkbladNaarTabel(ws, bestand));
}
