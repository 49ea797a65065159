// The werkmap of `vth init` is written with exceljs: it carries a note (a comment) on A1 of each sheet,
// which the document writer (xlsx-schrijver.ts) does not do; it is small and written once.
import ExcelJS from 'exceljs';
import { celTekst } from './xlsx-stijl.js';

import type { BladInhoud } from '../report/nieuwe-werkmap.js';

/** Writes a werkmap workbook: one sheet per table, header styled and frozen, plus a Toelichting sheet. */
export async function werkmapXlsx(bladen: BladInhoud[], titel: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = titel;
  const uitleg = wb.addWorksheet('Toelichting');
  uitleg.columns = [
    { header: 'blad', width: 18 },
    { header: 'wat staat erin', width: 110 },
  ];
  uitleg.getRow(1).font = { bold: true };
  for (const b of bladen) uitleg.addRow([b.naam, b.uitleg]);
  uitleg.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  for (const b of bladen) {
    const ws = wb.addWorksheet(b.naam, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(b.koppen);
    for (const rij of b.rijen) {
      const r = ws.addRow(rij.map((c) => (c && typeof c === 'object' && 'formule' in c ? null : c)));
      rij.forEach((c, i) => {
        if (c && typeof c === 'object' && 'formule' in c) {
          r.getCell(i + 1).value = { formula: c.formule, result: c.uitkomst };
        } else if (typeof c === 'string' && c !== '-') {
          r.getCell(i + 1).value = celTekst(c);
        }
      });
    }
    const kop = ws.getRow(1);
    kop.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    kop.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    kop.getCell(1).note = b.uitleg;
    b.koppen.forEach((k, i) => {
      const lengte = Math.max(k.length, ...b.rijen.map((r) => String(r[i] ?? '').length));
      ws.getColumn(i + 1).width = b.breedtes?.[i] ?? Math.min(60, Math.max(10, lengte + 2));
    });
    if (b.koppen.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: b.koppen.length } };
    }
  }
  // Fixed metadata dates, so that the same werkmap gives the same content.
  wb.creator = 'vth';
  wb.lastModifiedBy = 'vth';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
