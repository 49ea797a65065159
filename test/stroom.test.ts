import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stroomRijen } from '../src/ingest/stroom.js';
import { tijdelijkeMap } from './helpers.js';

const MB = 1024 * 1024;

/** What papaparse makes of the whole text at once, line ends as one: the reference for the streaming reader. */
function inEenKeer(tekst: string): string[][] {
  const r = Papa.parse<string[]>(tekst.replace(/\r\n?/g, '\n'), { delimiter: ';', newline: '\n', skipEmptyLines: false }).data;
  if (r.length && r[r.length - 1]!.length === 1 && r[r.length - 1]![0] === '') r.pop();
  return r;
}

/**
 * The streamed rows, read twice: as arrays of cells, and with a `perRegel` consumer (plain lines as
 * bounds in the block, CRLF kept; lines of text with quotes still as arrays). Both must be the same.
 */
async function gestroomd(tekst: string | Buffer): Promise<string[][]> {
  const pad = path.join(tijdelijkeMap(), 'zaken.csv');
  writeFileSync(pad, tekst);
  const rijen: string[][] = [];
  await stroomRijen(pad, (w, rij) => {
    expect(rij).toBe(rijen.length + 1);
    rijen.push(w as string[]);
  });
  const perRegel: string[][] = [];
  let scheiding = '';
  let regels = 0;
  await stroomRijen(
    pad,
    (w, rij) => {
      expect(rij).toBe(perRegel.length + 1);
      perRegel.push(w as string[]);
    },
    {
      scheidingsteken: (s) => (scheiding = s),
      perRegel: (t, begin, eind, rij) => {
        expect(rij).toBe(perRegel.length + 1);
        perRegel.push(t.slice(begin, eind).split(scheiding));
        regels++;
      },
    },
  );
  expect(perRegel).toEqual(rijen);
  gestroomd.regels = regels;
  return rijen;
}
gestroomd.regels = 0;

describe('the streaming CSV reader of exports', () => {
  it('reads over the 1 MB block edges exactly what papaparse reads at once: quoted cells with ; and line ends, "" inside, CRLF split at an edge, a multibyte character split at an edge', async () => {
    let s = 42;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 4294967296);
    const cellen = ['Z1', 'A2.02.00', '12,5', 'ëën', '€ 100,-', '"met ; puntkomma"', '"regel\r\nnaar beneden"', '"zegt ""ja"""', '', 'gewoon tekst'];
    const regels: string[] = ['zaaknummer;productcode;uren;omschrijving'];
    const bytes = (t: string) => Buffer.byteLength(t);
    let lengte = bytes(regels[0]!) + 2;
    // Fill to just before 1 MB, then one line whose CRLF straddles the first block edge: its CR the
    // last byte of the first block, its LF the first of the second.
    while (lengte < MB - 200) {
      const r = Array.from({ length: 4 }, () => cellen[Math.floor(rnd() * cellen.length)]).join(';');
      regels.push(r);
      lengte += bytes(r) + 2;
    }
    regels.push('x'.repeat(MB - 1 - lengte - ';einde'.length) + ';einde');
    let tekst = regels.join('\r\n') + '\r\n';
    expect(Buffer.from(tekst).subarray(MB - 1, MB + 1).toString()).toBe('\r\n');
    lengte = bytes(tekst);
    while (lengte < 2 * MB - 100) {
      const r = `Z;"ë\n";${'y'.repeat(Math.floor(rnd() * 40))}\r\n`;
      tekst += r;
      lengte += bytes(r);
    }
    // A two-byte character across the second block edge.
    tekst += 'a'.repeat(2 * MB - 1 - lengte) + 'é;b\r\n';
    expect(Buffer.from(tekst).subarray(2 * MB - 1, 2 * MB + 1).toString()).toBe('é');
    for (let i = 0; i < 5000; i++) tekst += Array.from({ length: 3 }, () => cellen[Math.floor(rnd() * cellen.length)]).join(';') + (i % 3 ? '\r\n' : '\n');
    const verwacht = inEenKeer(tekst);
    expect(verwacht.length).toBeGreaterThan(15_000);
    expect(await gestroomd(tekst)).toEqual(verwacht);
  });

  it('a quoted cell with "" and a line end inside it, across a block edge, stays one cell', async () => {
    const kop = 'a;b\n';
    const cel = '"zegt ""ja""\nen ""nee""\ntot slot"';
    // The cell's first inner line end lies just before the 1 MB edge, its second just after.
    const begin = 'z;"zegt ""ja""';
    const vulling = 'x;' + 'y'.repeat(MB - 5 - kop.length - 2 - 1 - begin.length) + '\n';
    const tekst = kop + vulling + 'z;' + cel + '\nna;afloop\n';
    expect(Buffer.byteLength(kop + vulling + 'z;' + '"zegt ""ja""')).toBeLessThan(MB);
    expect(Buffer.byteLength(kop + vulling + 'z;' + '"zegt ""ja""\nen ""nee""')).toBeGreaterThan(MB);
    const r = await gestroomd(tekst);
    expect(r).toEqual(inEenKeer(tekst));
    expect(r[2]).toEqual(['z', 'zegt "ja"\nen "nee"\ntot slot']);
  });

  it('without quotes, plain ASCII and with a BOM, LF, CRLF and CR line ends, and a last line without a line end', async () => {
    for (const tekst of ['a;b\nc;d\n', 'a;b\r\nc;d', '\ufeffa;b\r\nc;d\r\n\r\ne;f\r\n', 'a;b\rc;d\r', 'ë;b\nc;€\n', 'a;b\r\nc;d\re;f\r\n', '\r\n\r\na;b\r\n', 'a;b\n\n\nc\r\n']) {
      expect(await gestroomd(tekst), JSON.stringify(tekst)).toEqual(inEenKeer(tekst.replace(/^\ufeff/, '')));
      expect(gestroomd.regels, JSON.stringify(tekst)).toBeGreaterThan(0);
    }
  });

  it('plain lines over several blocks: CRLF split at an edge, a lone CR, a line longer than a block, LF, UTF-8 and Windows-1252', async () => {
    let s = 7;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 4294967296);
    const cellen = ['Z1', 'A2.02.00', '12,5', 'ëën', '€ 100,-', '', 'gewoon tekst', '01-02-2025'];
    for (const variant of ['crlf', 'lf', 'utf8', 'cp1252']) {
      const ascii = variant === 'crlf' || variant === 'lf';
      const regels: string[] = [];
      let lengte = 0;
      const regel = (r: string) => {
        regels.push(r);
        lengte += Buffer.byteLength(r) + 2;
      };
      const vul = (tot: number) => {
        while (lengte < tot) regel(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => cellen[Math.floor(rnd() * cellen.length)]!.replace(/[ë€]/g, (c) => (ascii ? 'e' : c))).join(';'));
      };
      regel('zaaknummer;productcode;uren;omschrijving');
      if (variant === 'crlf') {
        // A line whose CRLF straddles the first block edge, a lone CR (an old Mac line end) in the
        // second block, a line longer than a block after it.
        vul(MB - 200);
        regel('x'.repeat(MB - 1 - lengte - ';rand'.length) + ';rand');
        vul(1.3 * MB);
        regel('oud;\rmac');
        regel('x;' + 'y'.repeat(MB + 17));
      }
      vul(variant === 'crlf' ? 2.6 * MB : 1.2 * MB);
      const tekst = regels.join(variant === 'lf' ? '\n' : '\r\n') + '\r\n';
      const bytes = variant === 'cp1252' ? Buffer.from(tekst.replace(/€/g, '\x80'), 'latin1') : Buffer.from(tekst);
      if (variant === 'crlf') expect(bytes.subarray(MB - 1, MB + 1).toString()).toBe('\r\n');
      const r = await gestroomd(bytes);
      expect(r, variant).toEqual(inEenKeer(tekst));
      expect(gestroomd.regels, variant).toBeGreaterThan(10_000);
    }
  });

  it('a stray quote early in a large file keeps its text open, and the file is still read once, to its end', async () => {
    const regels = ['a;b', 'x;ab"c', ...Array.from({ length: 60_000 }, (_, i) => `r${i};${'z'.repeat(30)}`)];
    const tekst = regels.join('\n') + '\n';
    expect(await gestroomd(tekst)).toEqual(inEenKeer(tekst));
  });
});
