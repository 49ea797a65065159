import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OnleesbaarFout } from './fout.js';
import { mbTekst, werkmapMb } from './grenzen.js';
import type { Tabel } from './tabel.js';

export interface GelezenWerkmap {
  /** The path the user gave. */
  pad: string;
  soort: 'werkboek' | 'map';
  tabellen: Tabel[];
  /** Files in a folder that were not read (not .xlsx/.csv). */
  overgeslagen: string[];
}

async function leesBestand(vol: string, toon: string): Promise<Tabel[]> {
  const st = await stat(vol);
  // Files larger than this are refused before reading, to keep memory bounded.
  const max = werkmapMb();
  if (st.size > max * 1024 * 1024) {
    throw new OnleesbaarFout(
      `${toon} is ${mbTekst(st.size)}; werkmapbestanden boven ${mbTekst(max * 1024 * 1024)} worden niet gelezen (grens: VTH_MAX_WERKMAP_MB, zie docs/werkmap.md)`,
      { bestand: toon },
    );
  }
  const buf = await readFile(vol);
  const ext = path.extname(vol).toLowerCase();
  const stam = path.basename(vol, path.extname(vol));
  if (ext === '.csv' || ext === '.txt') {
    // papaparse is loaded only when there is a CSV file to read: a workbook does without it.
    const { leesCsv } = await import('./csv.js');
    return [{ ...leesCsv(buf, toon, stam), bestandStam: stam }];
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    // exceljs is loaded only when there is a workbook to read.
    const { leesXlsx } = await import('./xlsx.js');
    return (await leesXlsx(buf, toon)).map((t) => ({ ...t, bestandStam: stam }));
  }
  throw new OnleesbaarFout(`${toon}: onbekend bestandstype "${ext}"; gebruik .xlsx of .csv`, { bestand: toon });
}

/**
 * A case export by its name (`zaken*.csv`, `Zaken 2025.xlsx`, a sheet "Zaken"): the one rule for the
 * werkmap folder, its sheets and `vth ibt`'s search for a municipality's export.
 */
export function isZakenExport(naam: string): boolean {
  return /^zaken/i.test(naam.trim());
}

/** Reads a werkmap: one workbook, or a folder of .xlsx and .csv files (not recursive). */
export async function leesWerkmap(pad: string): Promise<GelezenWerkmap> {
  let st;
  try {
    st = await stat(pad);
  } catch {
    throw new OnleesbaarFout(`werkmap "${pad}" bestaat niet`, { bestand: pad });
  }
  if (st.isFile()) {
    const tabellen = await leesBestand(pad, path.basename(pad));
    // A single workbook names its sheets itself; the file name is no sheet name.
    return { pad, soort: 'werkboek', tabellen: tabellen.map(({ bestandStam: _, ...t }) => t), overgeslagen: [] };
  }
  if (!st.isDirectory()) throw new OnleesbaarFout(`"${pad}" is geen bestand of map`, { bestand: pad });
  const namen = (await readdir(pad)).sort();
  const tabellen: Tabel[] = [];
  const overgeslagen: string[] = [];
  for (const naam of namen) {
    // Office lock files and hidden files are no part of the werkmap.
    if (naam.startsWith('~$') || naam.startsWith('.')) continue;
    const vol = path.join(pad, naam);
    const s = await stat(vol);
    if (!s.isFile()) continue;
    const ext = path.extname(naam).toLowerCase();
    if (!['.csv', '.xlsx', '.xlsm'].includes(ext)) {
      overgeslagen.push(naam);
      continue;
    }
    // A case export kept beside the sheets (`zaken-2025.csv`) is the export, never a sheet: not read
    // here at all, so that a million-row export neither costs memory nor trips the werkmap's bound.
    if (isZakenExport(naam)) continue;
    for (const t of await leesBestand(vol, naam)) tabellen.push(t);
  }
  if (tabellen.length === 0) {
    throw new OnleesbaarFout(`map "${pad}" bevat geen .xlsx- of .csv-bestanden`, { bestand: pad });
  }
  return { pad, soort: 'map', tabellen, overgeslagen };
}
