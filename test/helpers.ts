import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { dataBegin, leesZipInhoud } from '../src/ingest/zip.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BRONNEN = path.join(ROOT, 'fixtures/bronnen');
export const VOORBEELD = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
export const VOORBEELD_CSV = path.join(ROOT, 'fixtures/voorbeeldgemeente/csv');

/** The temporary folders this test file made, removed when it ends (test/opruimen.ts). */
export const gemaakteMappen: string[] = [];

export function tijdelijkeMap(prefix = 'vth-test-'): string {
  const map = mkdtempSync(path.join(tmpdir(), prefix));
  gemaakteMappen.push(map);
  return map;
}

/** A werkmap folder with the given files (text is written as UTF-8). */
export function maakMap(bestanden: Record<string, string | Uint8Array>): string {
  const map = tijdelijkeMap();
  for (const [naam, inhoud] of Object.entries(bestanden)) {
    mkdirSync(path.dirname(path.join(map, naam)), { recursive: true });
    writeFileSync(path.join(map, naam), inhoud);
  }
  return map;
}

export const INSTELLINGEN_CSV = 'instelling;waarde\ngemeente;Testdorp\njaar;2025\nproductieve uren per fte;1200\n';

/** Runs the built command the way a user does. */
export function vth(args: string[], opties: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/vth.js'), ...args], {
    cwd: opties.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opties.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a workbook built by `vul` to a temporary file and returns its path. */
export async function maakXlsx(vul: (wb: ExcelJS.Workbook) => void, naam = 'werkmap.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  vul(wb);
  const pad = path.join(tijdelijkeMap(), naam);
  await wb.xlsx.writeFile(pad);
  return pad;
}

/** Every part of a .docx by name, as text (media as bytes). */
export function docxDelen(pad: string): Map<string, Buffer> {
  const buf = readFileSync(pad);
  const inhoud = leesZipInhoud(buf)!;
  const uit = new Map<string, Buffer>();
  for (const d of inhoud.delen) {
    const begin = dataBegin(buf.subarray(d.lokaleKop, d.lokaleKop + 30), d)!;
    const data = buf.subarray(begin, begin + d.gecomprimeerd);
    uit.set(d.naam, d.methode === 0 ? data : inflateRawSync(data));
  }
  return uit;
}

/**
 * What in a college document speaks of the input or the tool instead of the work: a sheet, a column,
 * a row, the werkmap, the export, vth itself. Empty when the document speaks only of the work.
 */
export function invoertaal(tekst: string, ook: RegExp[] = []): string[] {
  const uit: string[] = [];
  for (const re of [/\b(?:blad|bladen|kolom|werkmap|zakenexport)\b|\brij(?:en)? \d/gi, /\bvth\b/g, ...ook]) {
    for (const m of tekst.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) uit.push(m[0]);
  }
  return uit;
}

/** A local HTTP server that answers 404 and records every request's URL, for checks that nothing is fetched. */
export async function metServer<T>(werk: (poort: number, verzoeken: string[]) => Promise<T> | T): Promise<T> {
  const verzoeken: string[] = [];
  const server = createServer((req, res) => {
    verzoeken.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await werk((server.address() as AddressInfo).port, verzoeken);
  } finally {
    server.close();
  }
}
