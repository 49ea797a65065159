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
    expect(ws.getColumn(2).width).toBe(40);
    expect(wb.getWorksheet('Samenvatting')!.getCell('A1').value).toBe('Titel met \u0007 belteken');
    expect(wb.getWorksheet('Samenvatting')!.getCell('A2').value).toBe('Letterlijk _x0041_ en _x005F_, niet A');
    expect(wb.getWorksheet('Samenvatting')!.getCell('A3').value).toEqual({ richText: [{ text: '=_x0041_' }] });
    expect(wb.getWorksheet('Samenvatting')!.getCell('B4').alignment).toMatchObject({ horizontal: 'left' });
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
