import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normaliseer } from '../src/ingest/cel.js';
import { maakTabel, type Cel, type Rij, type Tabel } from '../src/ingest/tabel.js';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { ROOT } from './helpers.js';

/**
 * The oracle: how vth read a workbook through exceljs until December 2026 (whole workbook loaded,
 * the sheets' comment relations dropped first because exceljs 4.4 fails on openpyxl's comments).
 */
async function metExceljs(buf: Buffer, bestand: string): Promise<Tabel[]> {
  const wb = new ExcelJS.Workbook();
  type Rel = { Type: string };
  type Lezer = { _processWorksheetRelsEntry(stream: unknown, model: { worksheetRels: Rel[][] }, sheetNo: string): Promise<void> };
  const lezer = wb.xlsx as unknown as Lezer;
  const origineel = lezer._processWorksheetRelsEntry;
  lezer._processWorksheetRelsEntry = async function (stream, model, sheetNo) {
    await origineel.call(this, stream, model, sheetNo);
    const rels = model.worksheetRels[sheetNo as unknown as number];
    if (rels) model.worksheetRels[sheetNo as unknown as number] = rels.filter((r) => !/\/(comments|vmlDrawing)$/.test(r.Type));
  };
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rijen: Rij[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      const cellen: Cel[] = [];
      row.eachCell({ includeEmpty: false }, (cell, cn) => {
        cellen[cn - 1] = normaliseer(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cellen.length; i++) if (!cellen[i]) cellen[i] = { t: 'leeg' };
      rijen.push({ rij: rn, cellen });
    });
    const t = maakTabel(bestand, ws.name, rijen);
    return ws.state === 'hidden' || ws.state === 'veryHidden' ? { ...t, verborgen: true } : t;
  });
}

function alleXlsx(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = path.join(map, n);
    return statSync(p).isDirectory() ? alleXlsx(p) : /\.xlsx$/.test(n) ? [p] : [];
  });
}

const json = (t: Tabel[]) => JSON.stringify(t, (_, v) => (v instanceof Date ? v.toISOString() : v));

describe('the own werkmap reader agrees with exceljs', () => {
  it('on every workbook in the repository that exceljs can read (written by exceljs, openpyxl, pandas, LibreOffice)', async () => {
    let vergeleken = 0;
    for (const pad of [...alleXlsx(path.join(ROOT, 'fixtures')), ...alleXlsx(path.join(ROOT, 'test'))]) {
      const buf = readFileSync(pad);
      let verwacht: Tabel[];
      try {
        verwacht = await metExceljs(buf, 'w.xlsx');
      } catch {
        continue; // broken on purpose: refused with a message of its own (test/corpus)
      }
      if (pad.includes('absurde-telling')) continue; // exceljs leaves its shared strings unresolved
      // exceljs drops a formula's cached FALSE (t="b", <v>0</v>) that xlsxwriter writes; these files
      // have openpyxl as their oracle (test/xlsx-openpyxl.test.ts).
      if (pad.includes(`${path.sep}xlsxwriter${path.sep}`)) continue;
      let eigen: Tabel[];
      try {
        eigen = await leesXlsx(buf, 'w.xlsx');
      } catch (e) {
        // Only the hostile ones may be refused where exceljs read them.
        expect((e as Error).message, path.relative(ROOT, pad)).toMatch(/wordt niet gelezen|bevat geen werkbladen|geen Excel-werkmap/);
        continue;
      }
      expect(json(eigen), path.relative(ROOT, pad)).toBe(json(verwacht));
      vergeleken++;
    }
    expect(vergeleken).toBeGreaterThan(20);
  });
});
