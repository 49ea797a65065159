import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STANDAARD_XLSX_GRENZEN, xlsxStroomRijen } from '../src/ingest/xlsx-stroom.js';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { maakZip, werkboekDelen } from './zip.js';

/** exceljs's values made comparable: rich text and formulas reduced as vth reduces them. */
function gewoon(v: unknown): unknown {
  if (v instanceof Date) return `D${v.toISOString()}`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return o.result !== undefined ? gewoon(o.result) : 'formule';
    if ('error' in o) return `E${String(o.error)}`;
    if ('text' in o) return gewoon(o.text);
  }
  return v === '' ? undefined : v;
}

const zonderLeeg = (rijen: [number, unknown[]][]) => JSON.stringify(rijen.filter(([, w]) => w.some((x) => x !== undefined && x !== null)));

async function metExceljs(pad: string): Promise<[number, unknown[]][]> {
  const uit: [number, unknown[]][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(pad), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const blad of reader) {
    for await (const row of blad) uit.push([row.number, (row.values as unknown[]).slice(1).map(gewoon)]);
    break;
  }
  return uit;
}

async function metVth(pad: string, grenzen = STANDAARD_XLSX_GRENZEN): Promise<[number, unknown[]][]> {
  const uit: [number, unknown[]][] = [];
  await xlsxStroomRijen(pad, (w, n) => uit.push([n, Array.from(w, (x) => (x && typeof x === 'object' && 'formula' in x ? 'formule' : gewoon(x)))]), { grenzen });
  return uit;
}

function bestand(inhoud: Buffer): string {
  const pad = path.join(tijdelijkeMap(), 'export.xlsx');
  writeFileSync(pad, inhoud);
  return pad;
}

function alleXlsx(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = path.join(map, n);
    return statSync(p).isDirectory() ? alleXlsx(p) : /\.xlsx$/.test(n) ? [p] : [];
  });
}

describe('the streaming .xlsx reader for case exports', () => {
  it('reads the first sheet of every workbook in the repository as exceljs does (written by exceljs, openpyxl, LibreOffice)', async () => {
    let vergeleken = 0;
    for (const pad of [...alleXlsx(path.join(ROOT, 'fixtures')), ...alleXlsx(path.join(ROOT, 'test'))]) {
      let verwacht: [number, unknown[]][];
      try {
        verwacht = await metExceljs(pad);
      } catch {
        continue; // broken on purpose (test/corpus): refused by both, see below
      }
      // exceljs leaves shared strings unresolved when the zip holds them after the sheet.
      if (pad.endsWith('absurde-telling-gedeelde-strings.xlsx')) continue;
      // exceljs drops a formula's cached FALSE (t="b", <v>0</v>) that xlsxwriter writes; these files
      // have openpyxl as their oracle (test/xlsx-openpyxl.test.ts).
      if (pad.includes(`${path.sep}xlsxwriter${path.sep}`)) continue;
      // A zip without any sheet: exceljs yields no rows, vth says there is no sheet.
      if (verwacht.length === 0) {
        await expect(metVth(pad)).rejects.toThrow('er is geen werkblad');
        continue;
      }
      expect(zonderLeeg(await metVth(pad)), path.relative(ROOT, pad)).toBe(zonderLeeg(verwacht));
      vergeleken++;
    }
    expect(vergeleken).toBeGreaterThan(15);
  });

  it('resolves shared strings wherever the zip holds them', async () => {
    const rijen = await metVth(path.join(ROOT, 'test/corpus/absurde-telling-gedeelde-strings.xlsx'));
    expect(rijen[0]).toEqual([1, ['instelling', 'waarde']]);
  });

  it('reads values as generators write them: rich text without phonetics, inline strings, escapes, booleans, errors, formulas without a result, date styles, 1904 dates, no cell references', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>zaak</t></si><si><r><t>A1.</t></r><r><rPr><b/></rPr><t xml:space="preserve">01.00 </t></r><rPh><t>ふりがな</t></rPh></si><si><t>Fa &amp; Zn_x000D_</t></si><si/></sst>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    const rijen =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
      `<row r="3"><c t="inlineStr"><is><t>in&lt;line</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><f>SUM(A1:A2)</f></c><c t="str"><f>A1</f><v>uit formule</v></c></row>` +
      `<row r="4"><c r="A4" s="1"><v>45658</v></c><c r="B4" s="2"><v>45658.5</v></c><c r="C4" s="3"><v>1234.5</v></c><c r="D4" t="s"><v>2</v></c><c r="E4" t="s"><v>3</v></c><c r="F4" t="d"><v>2025-03-01T00:00:00Z</v></c></row>` +
      `<row r="5"/>`;
    const pad = bestand(maakZip(werkboekDelen(rijen, { 'xl/sharedStrings.xml': sst, 'xl/styles.xml': styles })));
    const uit: [number, unknown[]][] = [];
    await xlsxStroomRijen(pad, (w, n) => uit.push([n, [...w]]));
    expect(uit).toEqual([
      [1, ['zaak', undefined, 'A1.01.00 ']],
      [3, ['in<line', true, { error: '#N/A' }, { formula: 'SUM(A1:A2)' }, 'uit formule']],
      [4, [new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T12:00:00Z'), 1234.5, 'Fa & Zn\r', undefined, new Date('2025-03-01T00:00:00Z')]],
      [5, []],
    ]);
    // The 1904 date system counts from 1 January 1904.
    const p1904 = bestand(maakZip(werkboekDelen(`<row r="1"><c s="1"><v>0</v></c></row>`, { 'xl/styles.xml': styles }, { date1904: true })));
    const d: unknown[] = [];
    await xlsxStroomRijen(p1904, (w) => d.push(w[0]));
    expect(d).toEqual([new Date('1904-01-01T00:00:00Z')]);
  });

  it('reads XML with a namespace prefix, as the OpenXML SDK writes it (exceljs cannot)', async () => {
    const sheet = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>zaaknummer</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>8.25</x:v></x:c></x:row>`;
    const pad = bestand(maakZip(werkboekDelen(sheet, {}, { prefix: 'x' })));
    const uit: [number, unknown[]][] = [];
    await xlsxStroomRijen(pad, (w, n) => uit.push([n, [...w]]));
    expect(uit).toEqual([
      [1, ['zaaknummer', 7]],
      [2, [undefined, 8.25]],
    ]);
    // Many rows: tags split over inflated chunks, with and without the prefix, give the same rows.
    const rijen = (p: string) => Array.from({ length: 20_000 }, (_, i) => `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="inlineStr"><${p}is><${p}t>Z-${i}</${p}t></${p}is></${p}c><${p}c r="B${i + 1}"><${p}v>${i % 7}.5</${p}v></${p}c></${p}row>`).join('');
    for (const [sheet, prefix] of [[rijen('x:'), 'x'], [rijen(''), undefined]] as const) {
      const groot = bestand(maakZip(werkboekDelen(sheet, {}, { prefix })));
      let n = 0;
      let som = 0;
      let laatste: unknown;
      await xlsxStroomRijen(groot, (w) => {
        n++;
        som += w[1] as number;
        laatste = w[0];
      });
      expect([n, som, laatste]).toEqual([20_000, Array.from({ length: 20_000 }, (_, i) => (i % 7) + 0.5).reduce((a, b) => a + b), 'Z-19999']);
    }
  });

  it('the example export read as .xlsx gives the same jaarverslag figures as the CSV', async () => {
    // Made by exceljs from the CSV: the case export of the example municipality as a workbook.
    const csv = path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Zaken');
    const [kop, ...regels] = (await import('node:fs')).readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    ws.addRow(kop!.split(';'));
    for (const r of regels) ws.addRow(r.split(';'));
    const xlsx = path.join(tijdelijkeMap(), 'zaken-2025.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const json = (zaken: string) => {
      const uit = path.join(tijdelijkeMap(), 'uit');
      expect(vth(['jaarverslag', VOORBEELD, '--zaken', zaken, '--format', 'json', '-q', '-o', uit]).code).toBe(0);
      const naam = readdirSync(uit).find((n) => n.endsWith('.json'))!;
      // The export's file name is in the document; the figures must be equal.
      return readFileSync(path.join(uit, naam), 'utf8').replaceAll('zaken-2025.xlsx', 'zaken-2025.csv');
    };
    expect(json(xlsx)).toBe(json(csv));
  });
});

describe('the streaming .xlsx reader holds its bounds', () => {
  it('refuses a part that inflates a thousand times its size (a zip bomb), whatever the directory claims', async () => {
    const vulling = Buffer.alloc(64 * 1024 * 1024, 'a');
    const sheet = Buffer.concat([Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>'), vulling, Buffer.from('</t></is></c></row></sheetData></worksheet>')]);
    const delen = werkboekDelen('');
    const pad = bestand(maakZip({ ...delen, 'xl/worksheets/sheet1.xml': { deflated: deflateRawSync(sheet), claimed: 1000 } }));
    await expect(metVth(pad)).rejects.toThrow(/export\.xlsx kan niet als Excel-werkmap worden gelezen: onderdeel xl\/worksheets\/sheet1\.xml pakt \d+ keer zo groot uit als het is: een zip-bom, geen export \(grens 200×\)/);
  });

  it('refuses one element longer than the bound, and shared strings longer than the bound together', async () => {
    const grenzen = { ...STANDAARD_XLSX_GRENZEN, maxElementTekens: 100_000, maxTekstTekens: 50_000, maxVerhouding: 1e9 };
    // Longer than one inflated chunk, so that the reader must hold it whole.
    const lang = bestand(maakZip(werkboekDelen(`<row r="1"><c t="inlineStr"><is><t>${'x'.repeat(300_000)}</t></is></c></row>`)));
    await expect(metVth(lang, grenzen)).rejects.toThrow('één tekst of tag is langer dan 100.000 tekens (grens)');
    // Many cells, each below the bound, in one row together above it.
    const breed = bestand(maakZip(werkboekDelen(`<row r="1">${`<c t="inlineStr"><is><t>${'x'.repeat(60_000)}</t></is></c>`.repeat(3)}</row>`)));
    await expect(metVth(breed, grenzen)).rejects.toThrow('een <row>-element is langer dan 100.000 tekens (grens)');
    const si = Array.from({ length: 100 }, (_, i) => `<si><t>${String(i).padStart(1000, '0')}</t></si>`).join('');
    const veel = bestand(maakZip(werkboekDelen(`<row r="1"><c t="s"><v>0</v></c></row>`, { 'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si}</sst>` })));
    await expect(metVth(veel, grenzen)).rejects.toThrow('de gedeelde teksten zijn samen langer dan');
    // Below the bounds the same file is read.
    expect((await metVth(veel, { ...grenzen, maxTekstTekens: 200_000 }))[0]![1][0]).toBe('0'.repeat(1000));
  });

  it('a bomb as case export: a Dutch message naming the file, nothing written', () => {
    const sheet = Buffer.concat([Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), Buffer.alloc(32 * 1024 * 1024, ' '), Buffer.from('</sheetData></worksheet>')]);
    const map = tijdelijkeMap();
    const pad = path.join(map, 'zaken.xlsx');
    writeFileSync(pad, maakZip({ ...werkboekDelen(''), 'xl/worksheets/sheet1.xml': { deflated: deflateRawSync(sheet), claimed: 100 } }));
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', pad, '-o', path.join(map, 'uit')]);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(3);
    expect(r.stderr).toContain('zaken.xlsx kan niet als Excel-werkmap worden gelezen');
    expect(r.stderr).toContain('zip-bom');
    expect(readdirSync(map)).toEqual(['zaken.xlsx']);
  });
});
