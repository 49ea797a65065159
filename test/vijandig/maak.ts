/**
 * Hostile and unlucky inputs, made at test time (none is committed: some inflate to gigabytes).
 * Each returns the path of what it made.
 */
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { maakZip, werkboekDelen } from '../zip.js';

/** Deflates `n` bytes of a repeated pattern without holding them: the bytes of a bomb. `lengte` is what it inflates to. */
export async function deflateHerhaaldMetLengte(patroon: string, n: number, kop = '', staart = ''): Promise<{ data: Buffer; lengte: number }> {
  const d = createDeflateRaw({ level: 9 });
  const uit: Buffer[] = [];
  d.on('data', (b: Buffer) => uit.push(b));
  const klaar = new Promise((r) => d.on('end', r));
  const blok = Buffer.from(patroon.repeat(Math.max(1, Math.floor((1 << 20) / patroon.length))));
  d.write(kop);
  let geschreven = 0;
  for (; geschreven < n; geschreven += blok.length) {
    if (!d.write(blok)) await new Promise((r) => d.once('drain', r));
  }
  d.end(staart);
  await klaar;
  return { data: Buffer.concat(uit), lengte: Buffer.byteLength(kop) + geschreven + Buffer.byteLength(staart) };
}

export async function deflateHerhaald(patroon: string, n: number, kop = '', staart = ''): Promise<Buffer> {
  return (await deflateHerhaaldMetLengte(patroon, n, kop, staart)).data;
}

/** A werkmap workbook whose first sheet is given as deflated bytes with a claimed size. */
export function werkboekMetBlad(deflated: Buffer, claimed: number): Buffer {
  return maakZip({ ...werkboekDelen(''), 'xl/worksheets/sheet1.xml': { deflated, claimed } });
}

/** Elements nested `n` deep in the sheet (a few hundred KB for millions). */
export async function geneste(map: string, n: number, claimed = n * 3): Promise<string> {
  const pad = path.join(map, 'genest.xlsx');
  writeFileSync(pad, werkboekMetBlad(await deflateHerhaald('<a>', n * 3, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), claimed));
  return pad;
}

/** A sheet of `mb` MB of ordinary rows: a large but honest directory. */
export async function grootBlad(map: string, mb: number): Promise<string> {
  const pad = path.join(map, 'groot.xlsx');
  const rij = '<row><c t="inlineStr"><is><t>A1.01.00</t></is></c><c><v>12</v></c></row>';
  const { data, lengte } = await deflateHerhaaldMetLengte(rij, mb * 1024 * 1024, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', '</sheetData></worksheet>');
  writeFileSync(pad, werkboekMetBlad(data, lengte));
  return pad;
}

/** A part whose directory claims `claimed` bytes but which inflates to `mb` MB. */
export async function liegendeInhoud(map: string, mb: number, claimed = 1000): Promise<string> {
  const pad = path.join(map, 'liegt.xlsx');
  writeFileSync(pad, werkboekMetBlad(await deflateHerhaald('\0', mb * 1024 * 1024, '<worksheet><sheetData>'), claimed));
  return pad;
}

/** A CSV werkmap file of `mb` MB (sparse: it takes no disk). */
export function groteCsv(map: string, mb: number): string {
  const dir = path.join(map, 'csv-werkmap');
  mkdirSync(dir, { recursive: true });
  const pad = path.join(dir, 'producten.csv');
  const fd = openSync(pad, 'w');
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
  return dir;
}

export function danglingLink(map: string, naam: string): string {
  const pad = path.join(map, naam);
  symlinkSync(path.join(map, 'bestaat-niet'), pad);
  return pad;
}

export const klein = (s: string) => deflateRawSync(Buffer.from(s));
