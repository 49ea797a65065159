import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { UitpakGrenzen } from './zip.js';

const MiB = 1024 * 1024;

/**
 * How large a werkmap may be, in MB: a file (CSV or workbook), and one workbook part unpacked
 * (all parts together twice that). A 30 MB sheet is some 300.000 rows of two cells and takes vth's
 * own reader about 400 MB and 3 s (exceljs took 730 MB and 6,5 s): the bound keeps a werkmap well
 * under 1 GB. `VTH_MAX_WERKMAP_MB` raises it for a machine with room.
 */
export function werkmapMb(): number {
  return envGetal('VTH_MAX_WERKMAP_MB', 32);
}

/** A positive number from the environment (`VTH_…`), else the default: the one reader of such settings. */
export function envGetal(naam: string, standaard: number): number {
  const s = process.env[naam];
  const n = s === undefined || s.trim() === '' ? NaN : Number(s.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : standaard;
}

/** How deep a werkmap's XML may nest: a worksheet goes some 6 deep. */
export const WERKMAP_DIEPTE = 64;

export function werkmapGrenzen(): UitpakGrenzen {
  const mb = werkmapMb();
  return { maxDeel: mb * MiB, maxTotaal: 2 * mb * MiB };
}

/** Bytes as MB in Dutch writing, with decimals below 1 MB (`0,03 MB`, `251 MB`). */
export function mbTekst(bytes: number): string {
  return `${(bytes / MiB).toLocaleString('nl-NL', { maximumFractionDigits: bytes < MiB ? 2 : 0 })} MB`;
}

/**
 * A small input file (a template, a province profile) read within a bound: only a regular file (not
 * a device such as /dev/zero, a FIFO that would hang, or a folder), of at most `max` bytes, checked
 * on the opened file itself. Gives the bytes, or the Dutch reason it is not read.
 */
export function leesKleinBestand(pad: string, max: number): { inhoud: Buffer } | { reden: string } {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer.
    fd = openSync(pad, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { reden: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestaat niet' : 'is niet te lezen' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { reden: st.isDirectory() ? 'is een map, geen bestand' : 'is geen gewoon bestand (een apparaat, een pipe of een koppeling daarheen)' };
    if (st.size > max) return { reden: `is ${mbTekst(st.size)}; hoogstens ${mbTekst(max)} is toegestaan` };
    const inhoud = Buffer.alloc(st.size);
    let gelezen = 0;
    while (gelezen < st.size) {
      const n = readSync(fd, inhoud, gelezen, st.size - gelezen, gelezen);
      if (n === 0) break;
      gelezen += n;
    }
    return { inhoud: inhoud.subarray(0, gelezen) };
  } catch {
    return { reden: 'is niet te lezen' };
  } finally {
    closeSync(fd);
  }
}
