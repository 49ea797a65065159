import type { Cel } from '../ingest/tabel.js';

/** A calendar date without time zone trouble: stored as UTC midnight. */
export function maakDatum(j: number, m: number, d: number): Date | null {
  const dt = new Date(Date.UTC(j, m - 1, d));
  if (dt.getUTCFullYear() !== j || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt;
}

/** Parses `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj`, `jjjj-mm-dd` (optionally with a time) and real spreadsheet dates. */
export function leesDatumTekst(s: string): Date | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return maakDatum(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) return maakDatum(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

export type DatumWaarde = { soort: 'datum'; datum: Date } | { soort: 'leeg' } | { soort: 'fout'; reden: string };

export function leesDatum(cel: Cel | undefined): DatumWaarde {
  if (!cel || cel.t === 'leeg') return { soort: 'leeg' };
  if (cel.t === 'datum') {
    const d = cel.v;
    // Spreadsheet dates are UTC midnight in exceljs; drop any time part.
    return { soort: 'datum', datum: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())) };
  }
  if (cel.t === 'tekst') {
    const d = leesDatumTekst(cel.v);
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
