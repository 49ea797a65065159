import { ibtView, nietBeoordeeld, overzichtRij, type OverzichtRij } from '../report/ibt.js';
import { bestandsnaamDeel } from '../report/uvp.js';
import { beoordeelGemeente, type GemeenteTaak } from './gemeente.js';
import { renderGemeente } from './render.js';

export interface WerkOpdracht {
  taak: GemeenteTaak;
  formaten: string[];
  templates?: string;
}

/** What crosses back from a worker: plain data only. */
export interface WerkResultaat {
  index: number;
  rij: OverzichtRij;
  /** Suggested safe file-name part (made unique by the caller). */
  naamBasis: string;
  /** The werkmap's year, when it could be read. */
  jaar?: number;
  bestanden: { ext: string; inhoud: string | Uint8Array }[];
  intern?: string;
}

/** A municipality that could not be judged: its row with the reason, no files. */
export function nietBeoordeeldResultaat(taak: GemeenteTaak, gemeente: string, reden: string): WerkResultaat {
  const basis = bestandsnaamDeel(gemeente);
  return { index: taak.index, rij: nietBeoordeeld(gemeente, taak.bron, basis, reden), naamBasis: basis, bestanden: [] };
}

export async function beoordeelEnRender({ taak, formaten, templates }: WerkOpdracht): Promise<WerkResultaat> {
  const u = await beoordeelGemeente(taak);
  if (!u.ok) return nietBeoordeeldResultaat(taak, u.gemeente, u.reden);
  const basis = bestandsnaamDeel(u.oordeel.gemeente || taak.bron);
  const bestanden = await renderGemeente(ibtView(u.oordeel), formaten, templates);
  return { index: taak.index, rij: overzichtRij(u.oordeel, taak.bron, basis), naamBasis: basis, jaar: u.oordeel.jaar, bestanden };
}
