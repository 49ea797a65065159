import type { Melding } from '../model/melding.js';
import type { Werkmap } from '../model/types.js';
import { berekenRisico } from './risico.js';
import { berekenVraag } from './vraag.js';

/** Every check on a werkmap: the model's findings plus those of the computations that read it. */
export function controleer(wm: Werkmap): Melding[] {
  const meldingen = [...wm.meldingen, ...berekenVraag(wm).meldingen];
  if (wm.risicomodel && wm.risicoanalyse) meldingen.push(...berekenRisico(wm.risicomodel, wm.risicoanalyse).meldingen);
  return meldingen;
}
