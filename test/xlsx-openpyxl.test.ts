/**
 * The own .xlsx readers (werkmap and case export) against openpyxl, on hand-made XML for each
 * construct that a conformant XML reader must take in its stride (comments, processing instructions,
 * quotes, whitespace in tags, namespace prefixes, encodings, CDATA, references, date systems) and on
 * every workbook committed in the repository. openpyxl parses with a real XML parser, as Excel and
 * LibreOffice do: where it sees a value, vth must see the same one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schoonTekst, type Cel, type Tabel } from '../src/ingest/tabel.js';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { xlsxStroomRijen } from '../src/ingest/xlsx-stroom.js';
import { ROOT, tijdelijkeMap } from './helpers.js';
import { blad, NS, NS_R, pakket, RIJEN, SST, STYLES, WORKBOOK } from './xlsx-pakket.js';

const PYTHON = '/usr/bin/python3';

type Waarde = [string, unknown];
/** Cells as [row, column (1-based), kind, value], sorted. */
type Cellen = [number, number, string, unknown][];

/** openpyxl's values of every sheet of each file (one Python process for all). */
export function openpyxlWaarden(paden: string[]): Record<string, Record<string, Cellen> | { fout: string }> {
  const uit = execFileSync(PYTHON, [path.join(ROOT, 'test/openpyxl-waarden.py'), ...paden], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(uit) as Record<string, Record<string, Cellen>>;
}

function vanVth(w: unknown): Waarde | undefined {
  if (w === undefined || w === null || w === '') return undefined;
  if (typeof w === 'number') return ['n', w];
  if (typeof w === 'string') return ['s', w];
  if (typeof w === 'boolean') return ['b', w];
  if (w instanceof Date) return ['d', Number.isNaN(w.getTime()) ? 'ongeldig' : w.toISOString().slice(0, 19)];
  const o = w as Record<string, unknown>;
  if ('error' in o) return ['e', o.error];
  return undefined; // a formula without a cached result: openpyxl (data_only) has None
}

function vanCel(c: Cel): Waarde | undefined {
  switch (c.t) {
    case 'getal':
      return ['n', c.v];
    case 'tekst':
      return ['s', c.v];
    case 'bool':
      return ['b', c.v];
    case 'datum':
      return ['d', c.v.toISOString().slice(0, 19)];
    case 'fout':
      return ['e', c.v];
    default:
      return undefined;
  }
}

const sorteer = (c: Cellen) => c.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

/** openpyxl's cells as the werkmap reader must give them: text cleaned as vth cleans all text. */
function verwachtWerkmap(c: Cellen): Cellen {
  return c.flatMap(([r, k, soort, v]): Cellen => {
    if (soort === 's') {
      const s = schoonTekst(String(v));
      return s === '' ? [] : [[r, k, 's', s]];
    }
    // A time of day alone: vth keeps it as a Date on Excel's day zero.
    if (soort === 't') return [[r, k, 'd', `1899-12-30T${String(v).slice(0, 8)}`]];
    return [[r, k, soort, v]];
  });
}

function verwachtExport(c: Cellen): Cellen {
  return c.map(([r, k, soort, v]) => (soort === 't' ? [r, k, 'd', `1899-12-30T${String(v).slice(0, 8)}`] : [r, k, soort, v]));
}

/** The werkmap reader's cells of one table: the header row's texts and the rows. */
function werkmapCellen(t: Tabel): Cellen {
  const uit: Cellen = [];
  t.koppen.forEach((k, i) => k !== '' && uit.push([t.kopRij, i + 1, 's', k]));
  for (const r of t.rijen) {
    r.cellen.forEach((c, i) => {
      const w = vanCel(c);
      if (w) uit.push([r.rij, i + 1, ...w]);
    });
  }
  return sorteer(uit);
}

async function exportCellen(pad: string): Promise<Cellen> {
  const uit: Cellen = [];
  await xlsxStroomRijen(pad, (waarden, rij) => {
    waarden.forEach((w, i) => {
      const v = vanVth(w);
      if (v) uit.push([rij, i + 1, ...v]);
    });
  });
  return sorteer(uit);
}

/** UTF-16 with its byte-order mark. */
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};
const latin1 = (s: string) => Buffer.from(s.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');

/** Each construct of XML 1.0 and namespaces in the places where the regular expressions missed it. */
const VARIANTEN: Record<string, Buffer> = {
  gewoon: pakket({}),
  // A <v> inside a comment is no value; a <row> inside a comment is no row.
  commentaar: pakket({
    sheet: blad(
      RIJEN.replace('<c r="B2"><v>18632.57</v></c>', '<c r="B2"><!-- <v>27632.57</v> --><v>18632.57</v></c>') +
        `<!-- <row r="5"><c r="A5" t="inlineStr"><is><t>GT.99</t></is></c><c r="B5"><v>9000</v></c></row> --><?vth negeer="<row>"?>`,
    ),
    sst: SST.replace('<si><t>uren</t></si>', '<si><!-- <t>fout</t> --><t>uren</t></si>'),
  }),
  // Attributes in single quotes and with whitespace around '=', everywhere.
  aanhalingstekens: pakket({
    sheet: blad(RIJEN.replace(/ (\w+)="([^"]*)"/g, " $1 = '$2'")),
    styles: STYLES.replace(/ (\w+)="([^"]*)"/g, "\n\t$1\n=\t'$2'"),
    workbook: WORKBOOK.replace('<workbookPr/>', "<workbookPr date1904 = 'true'/>").replace(/ (name|sheetId|r:id)="([^"]*)"/g, " $1 ='$2'"),
  }),
  // The OpenXML SDK's prefix on the children only, under an unprefixed root.
  'voorvoegsel-kinderen': pakket({
    sheet: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:x="${NS}"><x:sheetData>${RIJEN.replace(/<(\/?)(row|c|v|f|is|t)\b/g, '<$1x:$2')}</x:sheetData></worksheet>`,
    sst: SST.replace(/<(\/?)(si|t|r|rPh)\b/g, '<$1s:$2').replace('<sst xmlns=', `<sst xmlns:s="${NS}" xmlns=`),
  }),
  // Any prefix, a default namespace declared again lower down, and a row of another namespace.
  'andere-voorvoegsels': pakket({
    sheet: `<?xml version="1.0" encoding="UTF-8"?><ss:worksheet xmlns:ss="${NS}" xmlns:o="urn:vth:anders"><o:row r="9"><o:c><o:v>1</o:v></o:c></o:row><sheetData xmlns="${NS}">${RIJEN}<o:row r="5"><c r="A5"><v>7</v></c></o:row></sheetData></ss:worksheet>`,
    workbook: `<?xml version="1.0"?><w:workbook xmlns:w="${NS}" xmlns:rel="${NS_R}"><w:sheets><w:sheet name="Blad" sheetId="1" rel:id="rId1"/></w:sheets></w:workbook>`,
  }),
  // Whitespace inside end tags and around attributes (the quadratic case of the regexes).
  eindtags: pakket({ sheet: blad(RIJEN.replace(/<\/(row|c|v|is|t)>/g, '</$1 >').replace(/<(row|c) /g, '<$1\n  ')) }),
  utf16le: pakket({}, { 'xl/sharedStrings.xml': utf16le(SST.replace('uren', 'uren é€')), 'xl/worksheets/sheet1.xml': utf16le(blad(RIJEN)) }),
  utf16be: pakket({}, { 'xl/sharedStrings.xml': utf16be(SST), 'xl/worksheets/sheet1.xml': utf16be(blad(RIJEN.replace('datum', 'dätum'))), 'xl/workbook.xml': utf16be(WORKBOOK) }),
  'iso-8859-1': pakket({}, { 'xl/sharedStrings.xml': latin1(SST.replace('uren', 'uren (één)')), 'xl/worksheets/sheet1.xml': latin1(blad(RIJEN.replace('B2.00.00', 'B2.00.00 Ørsted'))) }),
  // CDATA, character and entity references. (Not OOXML's _xHHHH_ escape in an inline string: Excel
  // and vth read _x0041_ as "A", openpyxl 3.0 leaves it as it is; test/xlsx-stroom.test.ts has it.)
  tekens: pakket({ sheet: blad(RIJEN.replace('<t>B2.00.00</t>', '<t><![CDATA[B2<00>]]>&#233;&#x41;&amp;&lt;</t>')) }),
  // t="d" (ISO dates, as openpyxl writes them), serials around Excel's 29 February 1900, and 1904.
  datums: pakket({
    sheet: blad(
      RIJEN +
        `<row r="5"><c r="A5" t="d"><v>2025-01-01T00:00:00</v></c><c r="B5" t="d"><v>2025-06-30</v></c><c r="C5" s="1"><v>1</v></c><c r="D5" s="1"><v>59</v></c></row>` +
        `<row r="6"><c r="A6" s="1"><v>60</v></c><c r="B6" s="1"><v>61</v></c><c r="C6" s="2"><v>45658.5</v></c><c r="D6" s="1"><v>2958465</v></c></row>`,
    ),
  }),
  '1904': pakket({ workbook: WORKBOOK.replace('<workbookPr/>', '<workbookPr date1904="1"/>') }),
  // Rows and cells without references, as some generators write them.
  'zonder-verwijzingen': pakket({ sheet: blad(RIJEN.replace(/ r="[A-Z]+\d+"/g, '').replace(/<row r="\d+">/g, '<row>')) }),
};

function schrijf(map: string, naam: string, b: Buffer): string {
  const pad = path.join(map, `${naam}.xlsx`);
  writeFileSync(pad, b);
  return pad;
}

function alleXlsx(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = path.join(map, n);
    return statSync(p).isDirectory() ? alleXlsx(p) : /\.xlsx$/.test(n) ? [p] : [];
  });
}

describe('the own .xlsx readers read what openpyxl reads', () => {
  it('on hand-made XML for every construct: comments, processing instructions, quotes, prefixes, end tags, encodings, CDATA, dates', async () => {
    const map = tijdelijkeMap();
    const paden = Object.entries(VARIANTEN).map(([naam, b]) => schrijf(map, naam, b));
    const orakel = openpyxlWaarden(paden);
    const gewoon = orakel[paden.find((p) => p.endsWith('gewoon.xlsx'))!] as Record<string, Cellen>;
    for (const pad of paden) {
      const naam = path.basename(pad, '.xlsx');
      const verwacht = orakel[pad]!;
      expect('fout' in verwacht ? verwacht.fout : '', naam).toBe('');
      const bladen = verwacht as Record<string, Cellen>;
      const werkmap = await leesXlsx(readFileSync(pad), `${naam}.xlsx`);
      expect(werkmap.map((t) => t.blad), naam).toEqual(Object.keys(bladen));
      expect(werkmapCellen(werkmap[0]!), naam).toEqual(verwachtWerkmap(bladen.Blad!));
      expect(await exportCellen(pad), naam).toEqual(verwachtExport(bladen.Blad!));
      // The same values as the plain workbook, apart from what a variant changes on purpose.
      if (['commentaar', 'aanhalingstekens', 'voorvoegsel-kinderen', 'eindtags', 'zonder-verwijzingen'].includes(naam)) {
        const zonder1904 = (c: Cellen) => (naam === 'aanhalingstekens' ? c.filter(([, , s]) => s !== 'd') : c);
        expect(zonder1904(bladen.Blad!), naam).toEqual(zonder1904(gewoon.Blad!));
      }
    }
    // What the variants are about, stated once more in figures.
    const datums = orakel[paden.find((p) => p.endsWith('datums.xlsx'))!] as Record<string, Cellen>;
    expect(datums.Blad!.filter(([r]) => r >= 5).map(([, , , v]) => v)).toEqual([
      '2025-01-01T00:00:00',
      '2025-06-30T00:00:00',
      '1900-01-01T00:00:00',
      '1900-02-28T00:00:00',
      '1900-02-28T00:00:00',
      '1900-03-01T00:00:00',
      '2025-01-01T12:00:00',
      '9999-12-31T00:00:00',
    ]);
    const j1904 = orakel[paden.find((p) => p.endsWith('1904.xlsx'))!] as Record<string, Cellen>;
    expect(j1904.Blad!.find(([r, k]) => r === 2 && k === 3)![3]).toBe('2029-01-02T00:00:00');
  });

  it('on workbooks written by xlsxwriter (shared strings, inline strings, formula results typed str/b/e, 1904), by both readers', async () => {
    // Made once by test/xlsxwriter/maak.py (Debian's python3-xlsxwriter) and committed.
    const map = path.join(ROOT, 'test/xlsxwriter');
    const paden = ['gedeelde-teksten', 'inline-teksten', 'datum1904'].map((n) => path.join(map, `${n}.xlsx`));
    const orakel = openpyxlWaarden(paden);
    for (const pad of paden) {
      const naam = path.basename(pad);
      const bladen = orakel[pad] as Record<string, Cellen>;
      expect('fout' in bladen ? String(bladen.fout) : '', naam).toBe('');
      const werkmap = await leesXlsx(readFileSync(pad), naam);
      expect(werkmap.map((t) => t.blad), naam).toEqual(['Zaken', 'Producten', 'Verborgen']);
      for (const t of werkmap) expect(werkmapCellen(t), `${naam} ${t.blad}`).toEqual(verwachtWerkmap(bladen[t.blad]!));
      expect(await exportCellen(pad), naam).toEqual(verwachtExport(bladen.Zaken!));
    }
    // Three layouts of one content: the same values, the 1904 dates the same calendar dates.
    const [gedeeld, inline, j1904] = paden.map((p) => orakel[p] as Record<string, Cellen>);
    expect(inline).toEqual(gedeeld);
    expect(j1904).toEqual(gedeeld);
    const totaal = gedeeld!.Zaken!.filter(([r]) => r === 43).map(([, , soort, v]) => [soort, v]);
    expect(totaal).toEqual([
      ['n', 75113.08],
      ['s', 'totaal 40'],
      ['b', false],
      ['e', '#DIV/0!'],
      ['e', '#N/A'],
    ]);
    expect(gedeeld!.Producten!.find(([r, k]) => r === 5 && k === 6)![3]).toBe('1900-03-01T00:00:00');
  });

  it('on every workbook committed in the repository (exceljs, openpyxl, pandas, LibreOffice)', async () => {
    const paden = [...alleXlsx(path.join(ROOT, 'fixtures')), ...alleXlsx(path.join(ROOT, 'test'))];
    const orakel = openpyxlWaarden(paden);
    let vergeleken = 0;
    for (const pad of paden) {
      const verwacht = orakel[pad]!;
      if ('fout' in verwacht) continue; // broken on purpose (test/corpus): refused by both
      let werkmap: Tabel[];
      try {
        werkmap = await leesXlsx(readFileSync(pad), 'w.xlsx');
      } catch (e) {
        // Only the hostile ones may be refused where openpyxl read them.
        expect((e as Error).message, path.relative(ROOT, pad)).toMatch(/wordt niet gelezen|bevat geen werkbladen|geen Excel-werkmap/);
        continue;
      }
      const bladen = verwacht as Record<string, Cellen>;
      for (const t of werkmap) expect(werkmapCellen(t), `${path.relative(ROOT, pad)} ${t.blad}`).toEqual(verwachtWerkmap(bladen[t.blad]!));
      vergeleken++;
    }
    expect(vergeleken).toBeGreaterThan(20);
  });
});
