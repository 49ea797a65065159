/**
 * Dates without a clock: a date in a spreadsheet is a calendar date, so the machine's time zone never
 * changes a figure. The example's case export as a workbook with ISO dates (`t="d"`, as openpyxl
 * writes them) gives the same jaarverslag as its CSV under UTC, UTC+14 and UTC−8; the serials that
 * Excel's 1900 leap-year rule shifts are read as openpyxl reads them. (The suite itself runs under
 * Pacific/Kiritimati, UTC+14: see vitest.config.ts.)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDatum, serieelDatum } from '../src/ingest/xlsx-xml.js';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { blad, pakket } from './xlsx-pakket.js';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The example's CSV export as a workbook: dates as `t="d"` ISO cells, the rest as inline text. */
function alsWerkboekMetIsoDatums(csv: string): Buffer {
  const regels = csv.trim().split(/\r?\n/);
  const rijen = regels.map((regel, r) => {
    const cellen = regel.split(';').map((w, k) => {
      const ref = `${String.fromCharCode(65 + k)}${r + 1}`;
      const d = /^(\d{2})-(\d{2})-(\d{4})$/.exec(w);
      if (d) return `<c r="${ref}" t="d"><v>${d[3]}-${d[2]}-${d[1]}T00:00:00</v></c>`;
      return w === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${esc(w)}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cellen.join('')}</row>`;
  });
  return pakket({ sheet: blad(rijen.join('')) });
}

describe('dates without a clock', () => {
  it('the same export gives the same jaarverslag in every time zone, equal to its CSV', () => {
    const map = tijdelijkeMap();
    const csv = path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv');
    const xlsx = path.join(map, 'zaken-2025.xlsx');
    writeFileSync(xlsx, alsWerkboekMetIsoDatums(readFileSync(csv, 'utf8')));
    const json = (zaken: string, tz: string) => {
      const uit = path.join(tijdelijkeMap(), 'uit');
      const r = vth(['jaarverslag', VOORBEELD, '--zaken', zaken, '--format', 'json', '-q', '-o', uit], { env: { TZ: tz } });
      expect(r.code, r.stderr).toBe(0);
      const naam = readdirSync(uit).find((n) => n.endsWith('.json'))!;
      return readFileSync(path.join(uit, naam), 'utf8').replaceAll('zaken-2025.xlsx', 'zaken-2025.csv');
    };
    const basis = json(csv, 'UTC');
    // 2.740 cases, 157 of them on 1 January or 31 December: a shift of one hour moves them.
    expect(JSON.parse(basis)).toBeTruthy();
    for (const tz of ZONES) expect(json(xlsx, tz), tz).toBe(basis);
  });

  it('ISO dates are the calendar date they show, in this process too', () => {
    expect(process.env.TZ).toBe('Pacific/Kiritimati');
    expect(isoDatum('2025-01-01T00:00:00').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(isoDatum('2025-01-01').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(isoDatum('2025-12-31T23:30:00+01:00').toISOString()).toBe('2025-12-31T23:30:00.000Z');
    expect(isoDatum(' 0099-03-01T00:00:00Z ').toISOString()).toBe('0099-03-01T00:00:00.000Z');
    expect(Number.isNaN(isoDatum('2025-02-30').getTime())).toBe(true);
    expect(Number.isNaN(isoDatum('1-1-2025').getTime())).toBe(true);
  });

  it('serials below 61: Excel counts a 29 February 1900, openpyxl and vth read serial 1 as 1 January 1900', () => {
    const dag = (n: number, d1904 = false) => serieelDatum(n, d1904).toISOString().slice(0, 10);
    expect([dag(1), dag(31), dag(59), dag(60), dag(61), dag(45658)]).toEqual(['1900-01-01', '1900-01-31', '1900-02-28', '1900-02-28', '1900-03-01', '2025-01-01']);
    expect([dag(0, true), dag(1, true), dag(45658 - 1462, true)]).toEqual(['1904-01-01', '1904-01-02', '2025-01-01']);
  });
});

describe('the workbook writer writes calendar dates back as they are read', () => {
  it('dates before 1 March 1900 and after, in UTC+14', async () => {
    const { Werkboek } = await import('../src/render/xlsx-schrijver.js');
    const { leesXlsx } = await import('../src/ingest/xlsx.js');
    const wb = new Werkboek();
    const ws = wb.addWorksheet('Datums');
    ws.addRow(['datum']);
    const datums = ['1900-01-01', '1900-02-28', '1900-03-01', '2024-12-31', '2025-01-01'].map((d) => new Date(`${d}T00:00:00Z`));
    for (const d of datums) ws.addRow([d]).getCell(1).numFmt = 'dd-mm-yyyy';
    const [t] = await leesXlsx(Buffer.from(await wb.bytes()), 'datums.xlsx');
    expect(t!.rijen.map((r) => (r.cellen[0] as { v: Date }).v.toISOString().slice(0, 10))).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2024-12-31', '2025-01-01']);
  });
});
