import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataBegin, leesZipInhoud } from '../src/ingest/zip.js';
import { markdownNaarDocx } from '../src/render/docx.js';
import { eigenMarkdown } from '../src/render/markdown.js';
import { ROOT, tijdelijkeMap, vth } from './helpers.js';

/** The body of a .docx as text. */
function documentXml(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const inhoud = leesZipInhoud(buf)!;
  const d = inhoud.delen.find((x) => x.naam === 'word/document.xml')!;
  const begin = dataBegin(buf.subarray(d.lokaleKop, d.lokaleKop + 30), d)!;
  const data = buf.subarray(begin, begin + d.gecomprimeerd);
  return (d.methode === 0 ? data : inflateRawSync(data)).toString('utf8');
}

/** Each paragraph of the body: its text and whether it is a list item with a bullet. */
function alineas(xml: string): { tekst: string; bullet: boolean }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({ tekst: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join(''), bullet: /<w:numId w:val="[1-9]/.test(m[1]!) }));
}

const docx = async (md: string) => alineas(documentXml(await markdownNaarDocx(`# Titel\n\n## 1. Hoofdstuk\n\n${eigenMarkdown(md)}\n`, 'Titel', { titelpagina: [], afbeeldingen: new Map() })));

describe('Teksten keep their numbers', () => {
  it('a year with a full stop at the start of a line is text, in the Markdown and in Word', async () => {
    expect(eigenMarkdown('2024. Dat jaar was druk.')).toBe('2024\\. Dat jaar was druk.');
    const a = await docx('2024. Dat jaar was druk.');
    expect(a.find((x) => x.tekst.startsWith('2024'))).toEqual({ tekst: '2024. Dat jaar was druk.', bullet: false });
    expect(a.some((x) => x.tekst === 'Dat jaar was druk.')).toBe(false);
  });

  it('a list the writer made keeps its numbers in Word, not bullets', async () => {
    const md = 'Wat we doen:\n\n1. controleren\n2. handhaven\n3. rapporteren';
    expect(eigenMarkdown(md)).toBe(md);
    const a = (await docx(md)).filter((x) => /controleren|handhaven|rapporteren/.test(x.tekst));
    expect(a).toEqual([
      { tekst: '1.\tcontroleren', bullet: false },
      { tekst: '2.\thandhaven', bullet: false },
      { tekst: '3.\trapporteren', bullet: false },
    ]);
  });

  it('a lone "1." line and numbers that do not follow on are text too; bullets stay bullets', async () => {
    expect(eigenMarkdown('1. Inleiding')).toBe('1\\. Inleiding');
    expect(eigenMarkdown('2023. Toen\n2025. Nu')).toBe('2023\\. Toen\n2025\\. Nu');
    expect(eigenMarkdown('- een\n- twee')).toBe('- een\n- twee');
    expect((await docx('- een\n- twee')).filter((x) => x.bullet).map((x) => x.tekst)).toEqual(['een', 'twee']);
  });

  it('vth uvp --format docx,md: a Teksten text beginning "2024. Dat jaar" stays text in both', () => {
    const uit = path.join(tijdelijkeMap(), 'uvp');
    const r = vth(['uvp', path.join(ROOT, 'test/beleidsbladen/t1-teksten-jaartal.xlsx'), '-o', uit, '--format', 'md,docx']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    expect(md).toContain('2024\\. Dat jaar');
    const a = alineas(documentXml(readFileSync(path.join(uit, 'uvp-2025-dinkelberg.docx'))));
    const p = a.find((x) => x.tekst.startsWith('2024. Dat jaar'));
    expect(p, a.map((x) => x.tekst).join('\n').slice(0, 2000)).toBeDefined();
    expect(p!.bullet).toBe(false);
  });
});

describe('a house style is used, or the user is told what was not', () => {
  const HUISSTIJLEN = path.join(ROOT, 'test/huisstijl');
  const maak = (huisstijl: string) => {
    const uit = path.join(tijdelijkeMap(), 'uvp');
    const r = vth(['uvp', path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx'), '-o', uit, '--format', 'docx', '--huisstijl', path.join(HUISSTIJLEN, huisstijl)]);
    return { r, xml: r.code === 0 ? documentXml(readFileSync(path.join(uit, 'uvp-2025-dinkelberg.docx'))) : '' };
  };
  const kopStijlen = (xml: string) => [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="([^"]*)"\/>(?:<w:ind [^>]*\/>)?<\/w:pPr><w:r><w:t[^>]*>(\d*\.? ?Samenvatting|Samenvatting)</g)].map((m) => [m[1], m[2]]);

  it('a chapter style called "Hoofdstuk" is the chapter heading, numbered by the house style, and said so', () => {
    const { r, xml } = maak('hoofdstuk.docx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('huisstijl hoofdstuk.docx: de stijl "Hoofdstuk" van de huisstijl is gebruikt als Kop 1');
    // Its numbering numbers the chapters, so the text does not ("1. 1. Samenvatting" never).
    expect(kopStijlen(xml)).toEqual([['Hoofdstuk', 'Samenvatting']]);
  });

  it('a chapter style with a name of its own is found by its outline level', () => {
    const { r, xml } = maak('eigen-naam.docx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('de stijl "H1 Gemeente Dinkelberg" van de huisstijl is gebruikt als Kop 1');
    expect(kopStijlen(xml)).toEqual([['H1', 'Samenvatting']]);
  });

  it('without a chapter style the user is told vth uses its own', () => {
    const { r, xml } = maak('zonder-kop.docx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('de huisstijl heeft geen stijl voor Kop 1');
    expect(kopStijlen(xml)).toEqual([['Heading1', '1. Samenvatting']]);
  });

  it('a first page with a header of its own: said, not silently dropped', () => {
    const { r } = maak('eerste-pagina.docx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('eigen koptekst of voettekst voor de eerste pagina');
    const gewoon = maak('../../fixtures/huisstijl/dinkelberg.docx');
    expect(gewoon.r.stderr).not.toContain('huisstijl dinkelberg.docx:');
  });

  it('"Inhoud" is never numbered nor in the contents: "zie hoofdstuk 7" stays the seventh chapter', () => {
    const { xml } = maak('hoofdstuk.docx');
    const inhoud = /<w:p><w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr><w:r><w:t[^>]*>Inhoud</.exec(xml)!;
    expect(inhoud[1]).toContain('<w:numId w:val="0"/>');
    expect(inhoud[1]).toContain('<w:outlineLvl w:val="9"/>');
  });
});

describe('Teksten as people write them (issue 27 item 7)', () => {
  it('a sentence after a list is a paragraph of its own, not the end of the last bullet', async () => {
    expect(eigenMarkdown('- toezicht\n- handhaving\nDaarna volgt de evaluatie.')).toBe('- toezicht\n- handhaving\n\nDaarna volgt de evaluatie.');
    const a = await docx('- toezicht\n- handhaving\nDaarna volgt de evaluatie.');
    expect(a.filter((x) => x.bullet).map((x) => x.tekst)).toEqual(['toezicht', 'handhaving']);
    expect(a).toContainEqual({ tekst: 'Daarna volgt de evaluatie.', bullet: false });
    // An indented line under a bullet still belongs to it.
    expect(eigenMarkdown('- toezicht\n  ook reactief')).toBe('- toezicht\n  ook reactief');
  });

  it('bullets pasted from Word ("•" on lines in one cell) become a list, not one run-on paragraph', async () => {
    const geplakt = 'Speerpunten:\n•\tasbest\n• brandveiligheid\n▪ arbeidsmigranten';
    expect(eigenMarkdown(geplakt)).toBe('Speerpunten:\n\n- asbest\n- brandveiligheid\n- arbeidsmigranten');
    expect((await docx(geplakt)).filter((x) => x.bullet).map((x) => x.tekst)).toEqual(['asbest', 'brandveiligheid', 'arbeidsmigranten']);
  });

  it('a bare web address becomes a link; an address already in a link or in code is left alone', async () => {
    expect(eigenMarkdown('Zie https://www.dinkelberg.nl/vth.')).toBe('Zie [https://www.dinkelberg.nl/vth](https://www.dinkelberg.nl/vth).');
    expect(eigenMarkdown('[de site](https://www.dinkelberg.nl)')).toBe('[de site](https://www.dinkelberg.nl)');
    expect(eigenMarkdown('`https://x.nl`')).toBe('`https://x.nl`');
    const xml = documentXml(await markdownNaarDocx(`# T\n\n## 1. H\n\n${eigenMarkdown('Zie https://www.dinkelberg.nl/vth.')}\n`, 'T', { titelpagina: [], afbeeldingen: new Map() }));
    expect(xml).toMatch(/<w:hyperlink r:id="rId\d+"[^>]*>.*https:\/\/www\.dinkelberg\.nl\/vth/s);
  });
});
