/** One finding about the input, with the place the user can find it. */
export type Niveau = 'fout' | 'waarschuwing' | 'melding';

import type { Plaats } from '../ingest/fout.js';

// Where a finding is: defined with the tables (ingest knows files, sheets, rows and columns, not VTH).
export type { Plaats };

export interface Melding {
  niveau: Niveau;
  code: string;
  bericht: string;
  plaats: Plaats;
}

export const NIVEAU_VOLGORDE: Record<Niveau, number> = { fout: 0, waarschuwing: 1, melding: 2 };

/** A message quotes user text; a cell of a million characters must not make a million-character message. */
const MAX_BERICHT = 600;

export function melding(niveau: Niveau, code: string, bericht: string, plaats: Plaats): Melding {
  const kort = bericht.length > MAX_BERICHT ? bericht.slice(0, MAX_BERICHT - 1) + '…' : bericht;
  const kolom = plaats.kolom && plaats.kolom.length > 120 ? plaats.kolom.slice(0, 119) + '…' : plaats.kolom;
  return { niveau, code, bericht: kort, plaats: kolom === plaats.kolom ? plaats : { ...plaats, kolom } };
}

/** Row numbers as ranges: [2, 3, 4, 5, 7, 9, 10] → "2–5, 7, 9–10". */
export function rijBereiken(rijen: readonly number[]): string {
  const r = [...new Set(rijen)].sort((a, b) => a - b);
  const delen: string[] = [];
  for (let i = 0; i < r.length; ) {
    let j = i;
    while (j + 1 < r.length && r[j + 1] === r[j]! + 1) j++;
    delen.push(j > i ? `${r[i]}–${r[j]}` : `${r[i]}`);
    i = j + 1;
  }
  return delen.join(', ');
}

/** "producten.csv, blad Producten, rij 14, kolom "kental"" */
export function plaatsTekst(p: Plaats): string {
  const delen = [p.bestand];
  if (p.blad) delen.push(`blad ${p.blad}`);
  if (p.rij !== undefined) delen.push(`rij ${p.rij}`);
  if (p.kolom) delen.push(`kolom "${p.kolom}"`);
  return delen.join(', ');
}

export function telMeldingen(meldingen: readonly Melding[]): Record<Niveau, number> {
  const t: Record<Niveau, number> = { fout: 0, waarschuwing: 0, melding: 0 };
  for (const m of meldingen) t[m.niveau]++;
  return t;
}

/** Stable order: file, sheet, errors first, then row and column. Input order breaks ties. */
export function sorteerMeldingen(meldingen: readonly Melding[]): Melding[] {
  return meldingen
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      const pa = a.m.plaats;
      const pb = b.m.plaats;
      return (
        cmpStr(pa.bestand, pb.bestand) ||
        cmpStr(pa.blad ?? '', pb.blad ?? '') ||
        NIVEAU_VOLGORDE[a.m.niveau] - NIVEAU_VOLGORDE[b.m.niveau] ||
        (pa.rij ?? 0) - (pb.rij ?? 0) ||
        a.i - b.i
      );
    })
    .map((x) => x.m);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends `bron` to `doel` one by one: `push(...bron)` overflows the stack past some 100.000 findings. */
export function voegToe<T>(doel: T[], bron: Iterable<T>): void {
  for (const x of bron) doel.push(x);
}
