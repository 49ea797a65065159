/**
 * Package-level rules of the own .xlsx readers: one name, one part (OPC compares part names without
 * case), refused with both names by the werkmap reader, the export reader and the house style; and
 * merged cells bounded by the cells there are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { blad, pakket } from './xlsx-pakket.js';
import { leesXlsx } from '../src/ingest/xlsx.js';
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

/** Runs vth as a user does and reports the child's own peak memory (VmHWM, via test/piek.mjs). */
function vthMetPiek(args: string[]) {
  const piek = path.join(tijdelijkeMap(), 'piek');
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/piek.mjs'), path.join(ROOT, 'bin/vth.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', VTH_PIEK_BESTAND: piek },
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr, piekMB: existsSync(piek) ? Number(readFileSync(piek, 'utf8')) / 1024 : NaN };
}

describe('bounded merges', () => {
  const INSTELLINGEN = `<row r="1"><c r="A1" t="inlineStr"><is><t>instelling</t></is></c><c r="B1" t="inlineStr"><is><t>waarde</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>gemeente</t></is></c><c r="B2" t="inlineStr"><is><t>Samendorp</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>jaar</t></is></c><c r="B3"><v>2025</v></c></row>`;
  const metMerge = (ref: string) => pakket({ sheet: blad(INSTELLINGEN, '', `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`) });

  it('a merge over the whole sheet (A2:XFD1048576) or a whole column costs no more than the cells there are', () => {
    for (const ref of ['A2:XFD1048576', 'A2:A1048576', 'B3:XFD3']) {
      const map = tijdelijkeMap();
      const pad = path.join(map, 'samengevoegd.xlsx');
      const bytes = metMerge(ref);
      expect(bytes.length).toBeLessThan(4000);
      writeFileSync(pad, bytes);
      const r = vthMetPiek(['controleer', pad]);
      // Read and judged (findings or none), not aborted.
      expect([0, 1], `${ref}: ${r.stderr}`).toContain(r.code);
      expect(r.piekMB, ref).toBeLessThan(250);
    }
  });

  it('the merge fills the used range only, with its first cell\'s value; overlapping merges are refused', async () => {
    const [t] = await leesXlsx(metMerge('A2:XFD1048576'), 'm.xlsx');
    expect(t!.rijen.map((r) => r.cellen.map((c) => (c as { v?: unknown }).v))).toEqual([
      ['gemeente', 'gemeente'],
      ['gemeente', 'gemeente'],
    ]);
    const overlap = pakket({ sheet: blad(INSTELLINGEN, '', `<mergeCells count="3"><mergeCell ref="A2:B3"/><mergeCell ref="A2:B3"/><mergeCell ref="B2:B3"/><mergeCell ref="A1:B2"/></mergeCells>`) });
    await expect(leesXlsx(overlap, 'm.xlsx')).rejects.toThrow('m.xlsx kan niet als Excel-werkmap worden gelezen (beschadigd of geen .xlsx): blad "Blad": de samengevoegde cellen (A1:B2 en andere) overlappen elkaar');
  });
});
