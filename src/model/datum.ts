import type { Cel } from '../ingest/tabel.js';

/** A calendar date without time zone trouble: stored as UTC midnight. */
export function maakDatum(j: number, m: number, d: number): Date | null {
  const dt = new Date(Date.UTC(j, m - 1, d));
  if (dt.getUTCFullYear() !== j || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt;
}

/** Day before month (Dutch `3-4-2024`) or month before day (`04/03/2024` as an English-locale export writes it). */
export type Datumvolgorde = 'dm' | 'md';

const DAG_MAAND = /^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Parses `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj`, `jjjj-mm-dd` (optionally with a time); with `md` the
 * first two parts are month and day, as a column settled as English reads.
 */
export function leesDatumTekst(s: string, volgorde: Datumvolgorde = 'dm'): Date | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return maakDatum(Number(m[1]), Number(m[2]), Number(m[3]));
  const d = DAG_MAAND.exec(t);
  if (d) return volgorde === 'dm' ? maakDatum(Number(d[4]), Number(d[3]), Number(d[1])) : maakDatum(Number(d[4]), Number(d[1]), Number(d[3]));
  return null;
}

export interface KolomDatumvolgorde {
  volgorde: Datumvolgorde;
  /** What settled it (a date whose first or second part is above 12), or why it is a guess. */
  bewijs?: { tekst: string; rij: number };
  /** The column holds both a day-first and a month-first date: it cannot be read as one. */
  botsing?: { dm: { tekst: string; rij: number }; md: { tekst: string; rij: number } };
  /** Slash dates that read differently either way while nothing settles the column (`04/03/2024`). */
  dubbelzinnig?: { tekst: string; rij: number };
}

/**
 * The order of day and month in one column, as the column's own dates settle it: a first part above 12
 * is a day (Dutch), a second part above 12 a day (English). Unsettled, the documented Dutch reading
 * stands, and slash dates that would read differently (`04/03/2024`) are reported, never silently taken.
 */
export function kolomDatumvolgorde(cellen: readonly { tekst: string; rij: number }[]): KolomDatumvolgorde {
  let dm: { tekst: string; rij: number } | undefined;
  let md: { tekst: string; rij: number } | undefined;
  let dubbelzinnig: { tekst: string; rij: number } | undefined;
  for (const c of cellen) {
    const m = DAG_MAAND.exec(c.tekst.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dm ??= c;
    else if (b > 12 && a <= 12) md ??= c;
    else if (a !== b && m[2] === '/') dubbelzinnig ??= c;
  }
  if (dm && md) return { volgorde: 'dm', botsing: { dm, md } };
  if (md) return { volgorde: 'md', bewijs: md };
  if (dm) return { volgorde: 'dm', bewijs: dm };
  return { volgorde: 'dm', dubbelzinnig };
}

export type DatumWaarde = { soort: 'datum'; datum: Date } | { soort: 'leeg' } | { soort: 'fout'; reden: string };

export function leesDatum(cel: Cel | undefined, volgorde: Datumvolgorde = 'dm'): DatumWaarde {
  if (!cel || cel.t === 'leeg') return { soort: 'leeg' };
  if (cel.t === 'datum') {
    const d = cel.v;
    // Spreadsheet dates are UTC midnight in exceljs; drop any time part.
    return { soort: 'datum', datum: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())) };
  }
  if (cel.t === 'tekst') {
    const d = leesDatumTekst(cel.v, volgorde);
    return d ? { soort: 'datum', datum: d } : { soort: 'fout', reden: `"${cel.v}" is geen datum (gebruik dd-mm-jjjj)` };
  }
  if (cel.t === 'getal' && Number.isInteger(cel.v) && cel.v > 20000 && cel.v < 80000) {
    // A date serial that lost its format (Excel's 1900 system).
    const d = new Date(Date.UTC(1899, 11, 30) + cel.v * 86400000);
    return { soort: 'datum', datum: d };
  }
  if (cel.t === 'fout') return { soort: 'fout', reden: `de cel bevat de foutwaarde ${cel.v}` };
  if (cel.t === 'formule') return { soort: 'fout', reden: `de formule =${cel.formule} heeft geen opgeslagen uitkomst` };
  return { soort: 'fout', reden: `"${String((cel as { v?: unknown }).v)}" is geen datum` };
}

/** 31-01-2025 */
export function nlDatum(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${d.getUTCFullYear()}`;
}
