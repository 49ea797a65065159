import type { Melding } from '../model/melding.js';
import type { Werkmap } from '../model/types.js';
import { berekenCapaciteit, type Capaciteitscheck, type Scenario } from './capaciteit.js';
import { berekenRisico, type Risicoanalyse } from './risico.js';
import { berekenVraag, type Vraag } from './vraag.js';

/** Every computation on a werkmap, once: each command and document reads from this. */
export interface Analyse {
  vraag: Vraag;
  risico?: Risicoanalyse;
  capaciteit?: Capaciteitscheck;
  /** The model's findings plus those of every computation. */
  meldingen: Melding[];
}

export function analyseer(wm: Werkmap, scenario: Scenario = {}): Analyse {
  const vraag = berekenVraag(wm);
  const risico = wm.risicomodel && wm.risicoanalyse ? berekenRisico(wm.risicomodel, wm.risicoanalyse) : undefined;
  const capaciteit = wm.capaciteit ? berekenCapaciteit(wm, vraag, risico, scenario) : undefined;
  return {
    vraag,
    risico,
    capaciteit,
    meldingen: [...wm.meldingen, ...vraag.meldingen, ...(risico?.meldingen ?? []), ...(capaciteit?.meldingen ?? [])],
  };
}

/** Every check on a werkmap. */
export function controleer(wm: Werkmap): Melding[] {
  return analyseer(wm).meldingen;
}
