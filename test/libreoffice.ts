import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tijdelijkeMap } from './helpers.js';

/** LibreOffice's soffice, if installed (`apt-get install -y libreoffice-calc-nogui`). */
export function soffice(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return p;
  }
  return undefined;
}

/** Opens a workbook in LibreOffice with "always recalculate on load" and saves it as .xlsx again. */
export function herberekenMetLibreOffice(bin: string, xlsx: string): string {
  const profiel = tijdelijkeMap('vth-lo-');
  mkdirSync(path.join(profiel, 'user'), { recursive: true });
  writeFileSync(
    path.join(profiel, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const uit = tijdelijkeMap('vth-lo-uit-');
  const r = spawnSync(bin, [`-env:UserInstallation=file://${profiel}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', uit, xlsx], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`LibreOffice faalde: ${r.stderr || r.stdout}`);
  return path.join(uit, path.basename(xlsx));
}

/** A cell value as a number: dates as milliseconds, a formula by its result; empty stays undefined. */
function getalVan(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return getalVan((v as { result?: unknown }).result);
  return undefined;
}

/**
 * Strips every cached formula result of a workbook, lets LibreOffice compute each formula, and gives per
 * cell vth's cached value and LibreOffice's. With `ookNullen`, a result that reads back empty counts as
 * 0 on both sides (exceljs reads a cached `<v>0</v>` as no result); without, such cells are left out.
 */
export async function herberekendeFormules(lo: string, bron: string, opties: { ookNullen?: boolean } = {}): Promise<{ cel: string; vth: number; libreoffice: number | undefined }[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(bron);
  const verwacht = new Map<string, number>();
  for (const ws of wb.worksheets) {
    ws.eachRow((r) =>
      r.eachCell((c) => {
        const v = c.value as { formula?: string; result?: unknown } | null;
        if (!v || typeof v !== 'object' || !('formula' in v)) return;
        const w = getalVan(v.result) ?? (opties.ookNullen && v.result === undefined ? 0 : undefined);
        if (w === undefined) return;
        verwacht.set(`${ws.name}!${c.address}`, w);
        c.value = { formula: v.formula! } as import('exceljs').CellFormulaValue;
      }),
    );
  }
  const leeg = path.join(tijdelijkeMap(), 'zonder-uitkomsten.xlsx');
  await wb.xlsx.writeFile(leeg);
  const herberekend = new ExcelJS.Workbook();
  await herberekend.xlsx.readFile(herberekenMetLibreOffice(lo, leeg));
  return [...verwacht].map(([cel, waarde]) => {
    const [blad, adres] = cel.split('!');
    const v = getalVan(herberekend.getWorksheet(blad!)!.getCell(adres!).value);
    return { cel, vth: waarde, libreoffice: v ?? (opties.ookNullen ? 0 : undefined) };
  });
}
