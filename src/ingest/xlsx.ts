import ExcelJS from 'exceljs';
import { OnleesbaarFout } from './fout.js';
import { normaliseer } from './cel.js';
import { maakTabel, type Cel, type Rij, type Tabel } from './tabel.js';

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
