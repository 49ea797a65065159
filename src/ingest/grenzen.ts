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
