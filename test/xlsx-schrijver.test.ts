import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kolomLetter, Werkboek } from '../src/render/xlsx-schrijver.js';

function voorbeeld(rijen: number): Werkboek {
  const wb = new Werkboek();
  wb.title = 'Proef & co';
  const sam = wb.addWorksheet('Samenvatting');
  const ws = wb.addWorksheet('Programma', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [10, 40] });
  ws.addRow(['Code', 'Product', 'Aantal', 'Kental', 'Uren', 'Wettelijk', 'Datum']).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  for (let i = 2; i <= rijen; i++) {
    const r = ws.addRow([`P${i}`, i % 7 === 0 ? { richText: [{ text: '=geen formule' }] } : `Product <${i}> & "zo"`, i % 40, (i % 12) + 0.5]);
    r.getCell(5).value = { formula: `C${i}*D${i}`, result: (i % 40) * ((i % 12) + 0.5) };
    r.getCell(6).value = i % 2 === 0;
    r.getCell(7).value = new Date(Date.UTC(2025, 0, 1 + (i % 365)));
    r.getCell(3).numFmt = '#,##0';
    r.getCell(4).numFmt = '#,##0.00';
    if (i % 10 === 0) r.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC62828' } };
  }
  const t = ws.addRow(['Totaal']);
  t.getCell(5).value = { formula: `SUM(E2:E${rijen})`, result: 0 };
  t.font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  ws.headerFooter.oddHeader = '&LProef';
  sam.addRow(['Titel met \u0007 belteken']);
  sam.addRow(['Letterlijk _x0041_ en _x005F_, niet A']);
  sam.addRow([{ richText: [{ text: '=_x0041_' }] }]);
  sam.addRow(['Rijen', { formula: `COUNTA(Programma!A:A)`, result: rijen + 1 }]);
  sam.getColumn(2).alignment = { horizontal: 'left' };
  return wb;
}

describe('the document workbook writer', () => {
  it('writes what exceljs (as a reader) reads back: text, rich text, numbers, formulas with results, booleans, dates, styles, past the rows it lets go', async () => {
    const bytes = await voorbeeld(2000).bytes();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Programma']);
    expect(wb.title).toBe('Proef & co');
    const ws = wb.getWorksheet('Programma')!;
    expect(ws.rowCount).toBe(2001);
    expect(ws.getCell('B3').value).toBe('Product <3> & "zo"');
    expect(ws.getCell('B7').value).toEqual({ richText: [{ text: '=geen formule' }] });
    expect(ws.getCell('E1999').value).toEqual({ formula: 'C1999*D1999', result: (1999 % 40) * ((1999 % 12) + 0.5) });
    expect(ws.getCell('F1998').value).toBe(true);
    expect(ws.getCell('G1998').value).toEqual(new Date(Date.UTC(2025, 0, 1 + (1998 % 365))));
    expect(ws.getCell('C1500').numFmt).toBe('#,##0');
    expect(ws.getCell('B1990').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFC62828' } });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(ws.getCell('A2001').font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The given width (40) is a cap: the content of the rows in memory when the sheet starts streaming
    // (at most 'Product <511> & "zo"', 20 characters) asks for 22.
    expect(ws.getColumn(2).width).toBe(22);
    expect(wb.getWorksheet('Samenvatting')!.getCell('A1').value).toBe('Titel met \u0007 belteken');
    expect(wb.getWorksheet('Samenvatting')!.getCell('A2').value).toBe('Letterlijk _x0041_ en _x005F_, niet A');
    expect(wb.getWorksheet('Samenvatting')!.getCell('A3').value).toEqual({ richText: [{ text: '=_x0041_' }] });
    expect(wb.getWorksheet('Samenvatting')!.getCell('B4').alignment).toMatchObject({ horizontal: 'left' });
  });

  it('prints as a document: header rows repeated, municipality and sheet in the header, page numbers, landscape only when wide, widths and header height from content', async () => {
    const wb = new Werkboek();
    wb.koptekst = 'Uitvoeringsprogramma VTH 2025, gemeente Dinkel & Berg';
    const smal = wb.addWorksheet('Smal', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [30, 12] });
    smal.addRow(['Omschrijving', 'Geplande uren van het jaar']).getCell(2).alignment = { wrapText: true };
    smal.addRow(['Kort', 1234567.5]).getCell(2).numFmt = '#,##0.00';
    const breed = wb.addWorksheet('Breed', { views: [{ state: 'frozen', ySplit: 1 }] });
    breed.addRow(['x'.repeat(45), 'y'.repeat(45), 'z'.repeat(45)]);
    const eigen = wb.addWorksheet('Eigen');
    eigen.headerFooter.oddHeader = '&LEigen kop';
    eigen.addRow(['a']);
    const gelezen = new ExcelJS.Workbook();
    await gelezen.xlsx.load(Buffer.from(await wb.bytes()) as unknown as ArrayBuffer);
    const [s, b, e] = ['Smal', 'Breed', 'Eigen'].map((n) => gelezen.getWorksheet(n)!);
    expect(s!.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(b!.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    expect(e!.pageSetup.printTitlesRow).toBeUndefined();
    expect(s!.headerFooter.oddHeader).toBe('&LUitvoeringsprogramma VTH 2025, gemeente Dinkel && Berg&RSmal');
    expect(s!.headerFooter.oddFooter).toBe('&RPagina &P van &N');
    expect(e!.headerFooter.oddHeader).toBe('&LEigen kop');
    // Column A: "Omschrijving" (12) + 2, under its cap of 30; column B: "1,234,567.50" (12) + 2 = 14 asked, capped at 12.
    expect([s!.getColumn(1).width, s!.getColumn(2).width]).toEqual([14, 12]);
    // The wrapped header "Geplande uren van het jaar" in 11 characters takes three lines.
    expect(s!.getRow(1).height).toBe(45);
    expect(b!.getColumn(1).width).toBe(47);
  });

  it('the same workbook gives the same bytes; each style is stored once', async () => {
    const a = await voorbeeld(600).bytes();
    expect(Buffer.from(await voorbeeld(600).bytes()).equals(Buffer.from(a))).toBe(true);
    const r = spawnSync('python3', ['-c', 'import sys,zipfile,io;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));print(z.read("xl/styles.xml").decode())'], { input: Buffer.from(a), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const xfs = Number(/<cellXfs count="(\d+)"/.exec(r.stdout)![1]);
    expect(xfs).toBeLessThan(12);
  });

  it('a row already written cannot be changed (the change would be lost): it is refused', () => {
    const wb = new Werkboek();
    const ws = wb.addWorksheet('Blad');
    const eerste = ws.addRow(['a']);
    for (let i = 0; i < 1000; i++) ws.addRow([i]);
    expect(() => (eerste.getCell(1).value = 'b')).toThrow(/al geschreven/);
    expect(() => ws.getRow(1)).toThrow(/al geschreven/);
    expect(ws.rowCount).toBe(1001);
    expect(() => (ws.getColumn(3).width = 20)).toThrow(/voordat de rijen geschreven worden/);
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 703, 16384].map(kolomLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
  });
});
