import ExcelJS from 'exceljs';
import { OnleesbaarFout } from './fout.js';
import { controleerUitpakken, leesZipInhoud } from './zip.js';
import { werkmapGrenzen } from './grenzen.js';
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
  const tabel = maakTabel(bestand, ws.name, rijen);
  return ws.state === 'hidden' || ws.state === 'veryHidden' ? { ...tabel, verborgen: true } : tabel;
}

const OPMERKING_RELATIES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
]);

/**
 * Cell comments are no input, and exceljs 4.4 fails on the ones openpyxl writes (issue 2797: it
 * finds only `xl/commentsN.xml`, openpyxl writes `xl/comments/commentN.xml`). Dropping the sheets'
 * relations to comments and their drawings before exceljs reconciles them avoids the crash.
 */
function zonderOpmerkingen(wb: ExcelJS.Workbook): void {
  type Rel = { Type: string };
  type Lezer = { _processWorksheetRelsEntry(stream: unknown, model: { worksheetRels: Rel[][] }, sheetNo: string): Promise<void> };
  const lezer = wb.xlsx as unknown as Lezer;
  const origineel = lezer._processWorksheetRelsEntry;
  if (typeof origineel !== 'function') return;
  lezer._processWorksheetRelsEntry = async function (stream, model, sheetNo) {
    await origineel.call(this, stream, model, sheetNo);
    const rels = model.worksheetRels[sheetNo as unknown as number];
    if (rels) model.worksheetRels[sheetNo as unknown as number] = rels.filter((r) => !OPMERKING_RELATIES.has(r.Type));
  };
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
  const inhoud = leesZipInhoud(buf);
  if (!inhoud) {
    throw new OnleesbaarFout(`${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of afgebroken bestand)`, { bestand });
  }
  if (!inhoud.namen.some((n) => /^xl\/workbook\.xml$/i.test(n))) {
    throw new OnleesbaarFout(`${bestand} is wel een zip-bestand, maar geen Excel-werkmap (er zit geen werkboek in)`, { bestand });
  }
  const g = werkmapGrenzen();
  const GRENS = 'grens: VTH_MAX_WERKMAP_MB, zie de README';
  if (inhoud.grootste.grootte > g.maxDeel || inhoud.totaal > g.maxTotaal) {
    throw new OnleesbaarFout(
      `${bestand} wordt niet gelezen: uitgepakt zou het ${Math.round(inhoud.totaal / 1024 / 1024)} MB zijn (onderdeel ${inhoud.grootste.naam}: ${Math.round(inhoud.grootste.grootte / 1024 / 1024)} MB); dat is voor een werkmap onwaarschijnlijk groot (${GRENS})`,
      { bestand },
    );
  }
  // What the directory claims may be a lie: check what the parts really unpack to before exceljs does.
  const waarom = controleerUitpakken(buf, inhoud, g);
  if (waarom) throw new OnleesbaarFout(`${bestand} wordt niet gelezen: ${waarom.reden}${waarom.grootte ? ` (${GRENS})` : ''}`, { bestand });
  const wb = new ExcelJS.Workbook();
  zonderOpmerkingen(wb);
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new OnleesbaarFout(
      `${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of geen .xlsx): ${(e as Error).message}`,
      { bestand },
    );
  }
  if (wb.worksheets.length === 0) throw new OnleesbaarFout(`${bestand} bevat geen werkbladen`, { bestand });
  return wb.worksheets.map((ws) => werkbladNaarTabel(ws, bestand));
}
