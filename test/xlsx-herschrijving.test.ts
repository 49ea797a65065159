/**
 * A property of the own .xlsx readers: any legal XML spelling of one sheet reads the same. fast-check
 * draws a sheet (texts with markup characters and non-Latin letters, numbers, booleans) and a way to
 * write it (quote style, whitespace around '=' and in end tags, namespace prefixes on all elements,
 * on the children only or none, comments and processing instructions between elements, CDATA or
 * references for text, shared or inline strings, cell references or none, UTF-8 with or without BOM,
 * UTF-16 either way round); the werkmap reader and the export reader must both give the sheet's values.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { xlsxStroomRijen } from '../src/ingest/xlsx-stroom.js';
import { tijdelijkeMap } from './helpers.js';
import { NS, NS_R, pakket, STYLES } from './xlsx-pakket.js';

type Waarde = string | number | boolean;

interface Stijl {
  aanhaling: '"' | "'";
  rondIs: string;
  eindtagSpatie: string;
  prefix: 'geen' | 'alles' | 'kinderen';
  commentaar: boolean;
  cdata: boolean;
  refs: boolean;
  gedeeld: boolean;
  codering: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';
}

const tekstArb = fc
  .array(fc.constantFrom('a', 'Z', 'é', 'ß', '€', '漢', '<', '>', '&', '"', "'", ' ', '-', '1', ']]>', '😀', '_'), { minLength: 1, maxLength: 12 })
  .map((d) => `x${d.join('')}x`);
const waardeArb: fc.Arbitrary<Waarde> = fc.oneof(tekstArb, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000 || 0), fc.boolean());
const bladArb = fc.array(fc.array(fc.option(waardeArb, { nil: undefined, freq: 4 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
const stijlArb: fc.Arbitrary<Stijl> = fc.record({
  aanhaling: fc.constantFrom('"' as const, "'" as const),
  rondIs: fc.constantFrom('', ' ', '\n\t', '  \r\n'),
  eindtagSpatie: fc.constantFrom('', ' ', '\n'),
  prefix: fc.constantFrom('geen' as const, 'alles' as const, 'kinderen' as const),
  commentaar: fc.boolean(),
  cdata: fc.boolean(),
  refs: fc.boolean(),
  gedeeld: fc.boolean(),
  codering: fc.constantFrom('utf8' as const, 'utf8-bom' as const, 'utf16le' as const, 'utf16be' as const),
});

const kolom = (i: number) => String.fromCharCode(65 + i);

/** One spelling of the sheet and its shared strings. */
function schrijf(blad: (Waarde | undefined)[][], s: Stijl): { sheet: Buffer; sst: Buffer } {
  const p = s.prefix === 'geen' ? '' : 'x:';
  const attr = (naam: string, waarde: string) => ` ${naam}${s.rondIs}=${s.rondIs}${s.aanhaling}${waarde.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}${s.aanhaling}`;
  const eind = (naam: string) => `</${p}${naam}${s.eindtagSpatie}>`;
  const extra = (i: number) => (s.commentaar ? `<!-- <row r="99"><c><v>${i}</v></c></row> --><?vth pi-${i} <v>1</v>?>` : '');
  const tekst = (t: string) => (s.cdata && !t.includes(']]>') ? `<![CDATA[${t}]]>` : t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[^\u0000-\u007f]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`));
  const gedeeld: string[] = [];
  let rijen = '';
  blad.forEach((rij, r) => {
    rijen += `<${p}row${s.refs ? attr('r', String(r + 1)) : ''}>${extra(r)}`;
    rij.forEach((w, k) => {
      const ref = s.refs ? attr('r', `${kolom(k)}${r + 1}`) : '';
      if (w === undefined) {
        rijen += `<${p}c${ref}/>`;
      } else if (typeof w === 'string' && s.gedeeld) {
        gedeeld.push(w);
        rijen += `<${p}c${ref}${attr('t', 's')}><${p}v>${gedeeld.length - 1}${eind('v')}${eind('c')}`;
      } else if (typeof w === 'string') {
        rijen += `<${p}c${ref}${attr('t', 'inlineStr')}><${p}is>${extra(k)}<${p}t${attr('xml:space', 'preserve')}>${tekst(w)}${eind('t')}${eind('is')}${eind('c')}`;
      } else if (typeof w === 'boolean') {
        rijen += `<${p}c${ref}${attr('t', 'b')}><${p}v>${w ? 1 : 0}${eind('v')}${eind('c')}`;
      } else {
        rijen += `<${p}c${ref}>${extra(k)}<${p}v>${w}${eind('v')}${eind('c')}`;
      }
    });
    rijen += eind('row');
  });
  const wortel = (naam: string, binnen: string) => {
    // 'alles': the root prefixed too; 'kinderen': an unprefixed root declaring the prefix for its children.
    if (s.prefix === 'alles') return `<x:${naam} xmlns:x="${NS}" xmlns:r="${NS_R}">${binnen}</x:${naam}>`;
    if (s.prefix === 'kinderen') return `<${naam} xmlns="${NS}" xmlns:x="${NS}">${binnen}</${naam}>`;
    return `<${naam} xmlns="${NS}">${binnen}</${naam}>`;
  };
  const decl = (xml: string) => `<?xml version="1.0" encoding="${s.codering.startsWith('utf16') ? 'UTF-16' : 'UTF-8'}"?>${s.commentaar ? '<!-- kop -->' : ''}${xml}`;
  const sheet = decl(wortel('worksheet', `<${p}sheetData>${rijen}${eind('sheetData')}`));
  const sst = decl(wortel('sst', gedeeld.map((t, i) => `<${p}si>${extra(i)}<${p}t>${tekst(t)}${eind('t')}${eind('si')}`).join('')));
  return { sheet: codeer(sheet, s.codering), sst: codeer(sst, s.codering) };
}

function codeer(xml: string, c: Stijl['codering']): Buffer {
  if (c === 'utf8') return Buffer.from(xml, 'utf8');
  if (c === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
  const le = Buffer.from(xml, 'utf16le');
  return c === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}

/** The sheet's values as [row, column, value], what every spelling must read as. */
function verwacht(blad: (Waarde | undefined)[][]): [number, number, Waarde][] {
  return blad.flatMap((rij, r) => rij.flatMap((w, k): [number, number, Waarde][] => (w === undefined ? [] : [[r + 1, k + 1, w]])));
}

describe('the own .xlsx readers read every legal spelling of a sheet the same', () => {
  it('quotes, whitespace, prefixes, comments, CDATA, shared or inline strings, references, encodings', async () => {
    const map = tijdelijkeMap();
    await fc.assert(
      fc.asyncProperty(bladArb, stijlArb, async (blad, stijl) => {
        const { sheet, sst } = schrijf(blad, stijl);
        const pad = path.join(map, 'herschreven.xlsx');
        writeFileSync(pad, pakket({ styles: STYLES }, { 'xl/worksheets/sheet1.xml': sheet, 'xl/sharedStrings.xml': sst }));
        const exportWaarden: [number, number, Waarde][] = [];
        await xlsxStroomRijen(pad, (w, r) => w.forEach((v, k) => v !== undefined && exportWaarden.push([r, k + 1, v as Waarde])));
        expect(exportWaarden).toEqual(verwacht(blad));
        // The werkmap reader: the same cells (its header row holds texts; the first row's values as text).
        const [tabel] = await leesXlsx(readFileSync(pad), 'herschreven.xlsx');
        const werkmap: [number, number, Waarde][] = [];
        for (const r of tabel!.rijen) r.cellen.forEach((c, k) => c.t !== 'leeg' && werkmap.push([r.rij, k + 1, (c as { v: Waarde }).v]));
        const niet = verwacht(blad).filter(([r]) => r > tabel!.kopRij);
        expect(werkmap).toEqual(niet.map(([r, k, w]) => [r, k, typeof w === 'string' ? w.trim() : w]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('time linear in the input', () => {
  it('end tags with whitespace (</row >), which made the regular expressions quadratic, in 100.000 rows', async () => {
    // The old reader took 194 s for 6 KB of such rows; this is 6 MB, read within the test's time limit.
    const n = 100_000;
    const rijen = Array.from({ length: n }, (_, i) => `<row r="${i + 1}" ><c r="A${i + 1}" ><v >${i}</v ></c ></row >`).join('');
    const pad = path.join(tijdelijkeMap(), 'spaties.xlsx');
    writeFileSync(pad, pakket({ sheet: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${rijen}</sheetData ></worksheet >` }));
    let som = 0;
    let aantal = 0;
    await xlsxStroomRijen(pad, (w) => {
      som += w[0] as number;
      aantal++;
    });
    expect([aantal, som]).toEqual([n, (n * (n - 1)) / 2]);
    const [tabel] = await leesXlsx(readFileSync(pad), 'spaties.xlsx');
    expect(tabel!.rijen.length).toBe(n - 1);
  }, 30_000);
});
