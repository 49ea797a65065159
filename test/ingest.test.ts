import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeer, leesCsv, snuffelScheidingsteken } from '../src/ingest/csv.js';
import { OnleesbaarFout } from '../src/ingest/fout.js';
import { celTekst } from '../src/ingest/tabel.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { parseGetalTekst } from '../src/model/getal.js';
import { BRONNEN, maakMap, maakXlsx } from './helpers.js';

const bron = (f: string) => readFileSync(path.join(BRONNEN, f));

describe('CSV', () => {
  it('reads the real semicolon, decimal-comma, CRLF risk table with every number intact', () => {
    const t = leesCsv(bron('maashorst-risicoanalyse-2024.csv'), 'r.csv', 'r');
    expect(t.koppen[0]).toBe('Probleem / overtredingssoort');
    expect(t.koppen).toHaveLength(11);
    expect(t.rijen).toHaveLength(41);
    const eerste = t.rijen[0]!;
    expect(celTekst(eerste.cellen[0])).toBe('illegaal sloop met asbest');
    expect(parseGetalTekst(celTekst(eerste.cellen[7]))!.waarde.toString()).toBe('3.5');
    // A name holding a comma stays whole: the delimiter is the semicolon.
    expect(t.rijen.map((r) => celTekst(r.cellen[0]))).toContain('illegaal gebruik, bewoning');
    expect(t.rijen[40]!.rij).toBe(42);
  });

  it('reads Windows-1252 with accents, and the same text in UTF-8 with BOM, identically', () => {
    const tekst = 'activiteit;kans\r\nbeëindigd gebruik café;3\r\nFinanciën – 2;4\r\n';
    const cp = Buffer.from(tekst.replace('–', '\u0096'), 'latin1');
    const utf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tekst, 'utf8')]);
    expect(decodeer(cp).codering).toBe('windows-1252');
    expect(decodeer(utf).codering).toBe('utf-8-bom');
    const a = leesCsv(cp, 'a.csv', 'a');
    const b = leesCsv(utf, 'b.csv', 'b');
    expect(a.rijen.map((r) => r.cellen.map(celTekst))).toEqual([
      ['beëindigd gebruik café', '3'],
      ['Financiën – 2', '4'],
    ]);
    expect(b.rijen.map((r) => r.cellen.map(celTekst))).toEqual(a.rijen.map((r) => r.cellen.map(celTekst)));
    expect(b.koppen[0]).toBe('activiteit');
  });

  it('reads mixed line ends (CRLF file with LF lines added, an old Mac CR) as separate rows, a line break inside quotes as text', () => {
    const t = leesCsv(Buffer.from('instelling;waarde\r\ngemeente;Gem0\njaar;2025\r\nnotitie;"twee\r\nregels"\rprovincie;Overijssel\r\n'), 'i.csv', 'i');
    expect(t.rijen.map((r) => [r.rij, ...r.cellen.map(celTekst)])).toEqual([
      [2, 'gemeente', 'Gem0'],
      [3, 'jaar', '2025'],
      [4, 'notitie', 'twee\nregels'],
      [5, 'provincie', 'Overijssel'],
    ]);
  });

  it('reads UTF-16 with BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code\tuitvoerder\r\nA1.17.00\tOD Noord\r\n', 'utf16le')]);
    const t = leesCsv(buf, 'u.csv', 'u');
    expect(t.koppen).toEqual(['code', 'uitvoerder']);
    expect(celTekst(t.rijen[0]!.cellen[1])).toBe('OD Noord');
  });

  it('sniffs the delimiter from the header and steady records', () => {
    expect(snuffelScheidingsteken('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(snuffelScheidingsteken('code,product,aantal\nA1,"x, y",3\n')).toBe(',');
    expect(snuffelScheidingsteken('a\tb\n1,5\t2\n')).toBe('\t');
  });

  it('keeps quoted newlines and delimiters inside a cell, and numbers rows as Excel does', () => {
    const t = leesCsv(Buffer.from('product;opmerking\n"Bouwen; slopen";"regel 1\nregel 2"\nX;Y\n'), 'q.csv', 'q');
    expect(celTekst(t.rijen[0]!.cellen[0])).toBe('Bouwen; slopen');
    expect(celTekst(t.rijen[0]!.cellen[1])).toBe('regel 1\nregel 2');
    expect(t.rijen[1]!.rij).toBe(3);
  });

  it('trims non-breaking and trailing spaces', () => {
    const t = leesCsv(Buffer.from('code;product\nA1.05.00\u00a0;  Toets  \n'), 'n.csv', 'n');
    expect(t.rijen[0]!.cellen.map(celTekst)).toEqual(['A1.05.00', 'Toets']);
  });

  it('refuses an empty file and binary content with a Dutch message', () => {
    expect(() => leesCsv(Buffer.alloc(0), 'leeg.csv', 'leeg')).toThrow(OnleesbaarFout);
    expect(() => leesCsv(Buffer.from([0x50, 0x4b, 0, 0, 1, 2]), 'bin.csv', 'bin')).toThrow(/geen tekstbestand/);
  });
});

describe('xlsx', () => {
  it('reads cached formula results, rich text, hyperlinks, dates and merged cells', async () => {
    const pad = await maakXlsx((wb) => {
      const ws = wb.addWorksheet('Producten');
      ws.addRow(['code', 'product', 'aantal', 'kental', 'uren', 'datum']);
      ws.addRow(['A1.05.00', { richText: [{ text: 'Toets ' }, { font: { bold: true }, text: 'actualisatie' }] }, 4, { formula: '10*2', result: 20 }, { formula: 'C2*D2', result: 80 }, new Date(Date.UTC(2025, 0, 31))]);
      ws.addRow(['A1.11.00', { text: 'Bodembeschikking', hyperlink: 'https://example.org' }, 1, 15, 15, null]);
      ws.mergeCells('A4:B4');
      ws.getCell('A4').value = 'samengevoegd';
    });
    const [t] = await leesXlsx(readFileSync(pad), 'werkmap.xlsx');
    expect(t!.blad).toBe('Producten');
    const r1 = t!.rijen[0]!.cellen;
    expect(r1[1]).toEqual({ t: 'tekst', v: 'Toets actualisatie' });
    expect(r1[3]).toEqual({ t: 'getal', v: 20 });
    expect(r1[4]).toEqual({ t: 'getal', v: 80 });
    expect(r1[5]!.t).toBe('datum');
    expect(t!.rijen[1]!.cellen[1]).toEqual({ t: 'tekst', v: 'Bodembeschikking' });
    expect(t!.rijen[2]!.cellen[0]).toEqual({ t: 'tekst', v: 'samengevoegd' });
    expect(t!.rijen[2]!.cellen[1]).toEqual({ t: 'tekst', v: 'samengevoegd' });
  });

  it('turns #REF! and formulas without a cached result into findings with sheet, row and column', async () => {
    const pad = await maakXlsx((wb) => {
      const i = wb.addWorksheet('Instellingen');
      i.addRows([['instelling', 'waarde'], ['gemeente', 'Testdorp'], ['jaar', 2025]]);
      const ws = wb.addWorksheet('Producten');
      ws.addRow(['code', 'product', 'aantal', 'kental (uren)']);
      ws.addRow(['A1.05.00', 'Toets', 4, { error: '#REF!' }]);
      ws.addRow(['A1.11.00', 'Bodem', 1, { formula: 'Z1*2' }]);
    });
    const wm = bouwWerkmap(await leesWerkmap(pad));
    const fouten = wm.meldingen.filter((m) => m.niveau === 'fout');
    expect(fouten).toHaveLength(2);
    expect(fouten[0]!.plaats).toEqual({ bestand: 'werkmap.xlsx', blad: 'Producten', rij: 2, kolom: 'kental (uren)' });
    expect(fouten[0]!.bericht).toContain('#REF!');
    expect(fouten[1]!.plaats.rij).toBe(3);
    expect(fouten[1]!.code).toBe('formule-zonder-uitkomst');
    expect(fouten[1]!.bericht).toContain('een formule zonder opgeslagen uitkomst (rij 3, bijvoorbeeld =Z1*2)');
  });

  it('refuses a file that is no workbook', async () => {
    await expect(leesXlsx(Buffer.from('dit is geen zip'), 'x.xlsx')).rejects.toThrow(/geen Excel-werkmap/);
    await expect(leesXlsx(Buffer.from('PK\u0003\u0004kapot'), 'x.xlsx')).rejects.toThrow(/kan niet als Excel-werkmap/);
  });
});

describe('werkmap folders', () => {
  it('matches files to sheets by name, ignoring case and accents, and skips lock files', async () => {
    const map = maakMap({
      'INSTELLINGEN.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\n',
      'Programma.csv': 'code;product;aantal;kental\nA1.05.00;Toets;4;20\n',
      '~$werkmap.xlsx': 'slot',
      'notities.txt': 'x',
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    expect(wm.instellingen.gemeente).toBe('Testdorp');
    expect(wm.producten!.regels).toHaveLength(1);
    expect(wm.meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
  });

  it('reports a missing folder as unreadable', async () => {
    await expect(leesWerkmap('/bestaat/niet')).rejects.toThrow(/bestaat niet/);
  });
});
