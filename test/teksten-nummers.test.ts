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
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({ tekst: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join(''), bullet: m[1]!.includes('<w:numPr>') }));
}

const docx = (md: string) => alineas(documentXml(markdownNaarDocx(`# Titel\n\n## 1. Hoofdstuk\n\n${eigenMarkdown(md)}\n`, 'Titel', { titelpagina: [], afbeeldingen: new Map() })));

describe('Teksten keep their numbers', () => {
  it('a year with a full stop at the start of a line is text, in the Markdown and in Word', () => {
    expect(eigenMarkdown('2024. Dat jaar was druk.')).toBe('2024\\. Dat jaar was druk.');
    const a = docx('2024. Dat jaar was druk.');
    expect(a.find((x) => x.tekst.startsWith('2024'))).toEqual({ tekst: '2024. Dat jaar was druk.', bullet: false });
    expect(a.some((x) => x.tekst === 'Dat jaar was druk.')).toBe(false);
  });

  it('a list the writer made keeps its numbers in Word, not bullets', () => {
    const md = 'Wat we doen:\n\n1. controleren\n2. handhaven\n3. rapporteren';
    expect(eigenMarkdown(md)).toBe(md);
    const a = docx(md).filter((x) => /controleren|handhaven|rapporteren/.test(x.tekst));
    expect(a).toEqual([
      { tekst: '1.\tcontroleren', bullet: false },
      { tekst: '2.\thandhaven', bullet: false },
      { tekst: '3.\trapporteren', bullet: false },
    ]);
  });

  it('a lone "1." line and numbers that do not follow on are text too; bullets stay bullets', () => {
    expect(eigenMarkdown('1. Inleiding')).toBe('1\\. Inleiding');
    expect(eigenMarkdown('2023. Toen\n2025. Nu')).toBe('2023\\. Toen\n2025\\. Nu');
    expect(eigenMarkdown('- een\n- twee')).toBe('- een\n- twee');
    expect(docx('- een\n- twee').filter((x) => x.bullet).map((x) => x.tekst)).toEqual(['een', 'twee']);
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
