/**
 * Package-level rules of the own .xlsx readers: one name, one part (OPC compares part names without
 * case), refused with both names by the werkmap reader, the export reader and the house style.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { blad, pakket } from './xlsx-pakket.js';
import { maakZip } from './zip.js';

describe('one name, one part', () => {
  const schaduw = () =>
    pakket({ sheet: blad(`<row r="1"><c r="A1" t="inlineStr"><is><t>instelling</t></is></c><c r="B1" t="inlineStr"><is><t>waarde</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>jaar</t></is></c><c r="B2"><v>2025</v></c></row>`) }, {
      'XL/WORKSHEETS/SHEET1.xml': Buffer.from(blad(`<row r="1"><c r="A1"><v>400</v></c></row>`)),
    });

  it('a werkmap with two parts differing only in case is refused, naming both (exit 2)', () => {
    const map = tijdelijkeMap();
    const pad = path.join(map, 'schaduw.xlsx');
    writeFileSync(pad, schaduw());
    const r = vth(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('schaduw.xlsx wordt niet gelezen: de onderdelen xl/worksheets/sheet1.xml en XL/WORKSHEETS/SHEET1.xml hebben dezelfde naam (hoofdletters tellen in een Office-bestand niet mee)');
  });

  it('a case export with a shadow part is refused, naming both; nothing is written', () => {
    const map = tijdelijkeMap();
    const pad = path.join(map, 'zaken.xlsx');
    writeFileSync(pad, schaduw());
    const uit = path.join(map, 'uit');
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', pad, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zaken.xlsx kan niet als Excel-werkmap worden gelezen: de onderdelen xl/worksheets/sheet1.xml en XL/WORKSHEETS/SHEET1.xml hebben dezelfde naam');
    expect(existsSync(uit)).toBe(false);
    expect(readdirSync(map)).toEqual(['zaken.xlsx']);
  });

  it('the same name twice, and a house style with a shadow part, are refused too', () => {
    const map = tijdelijkeMap();
    const tweemaal = path.join(map, 'tweemaal.xlsx');
    // maakZip takes an object: the second entry of one name is written by hand into a copy.
    const enkel = maakZip({ 'xl/workbook.xml': '<x/>', 'xl/workbook.xmm': '<y/>' });
    const dubbel = Buffer.from(enkel.toString('latin1').replaceAll('xl/workbook.xmm', 'xl/workbook.xml'), 'latin1');
    writeFileSync(tweemaal, dubbel);
    let r = vth(['controleer', tweemaal]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('het onderdeel xl/workbook.xml staat er twee keer in');
    const huisstijl = path.join(map, 'huisstijl.docx');
    writeFileSync(huisstijl, maakZip({ 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>', 'word/styles.xml': '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>', 'WORD/Styles.xml': '<w:styles/>' }));
    r = vth(['uvp', VOORBEELD, '--format', 'docx', '--huisstijl', huisstijl, '-o', path.join(map, 'uit')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('de onderdelen word/styles.xml en WORD/Styles.xml hebben dezelfde naam');
  });
});
