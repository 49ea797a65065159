import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import type { Werkmap } from '../model/types.js';
import { bepaalPrioriteiten, berekenCapaciteit, type Capaciteitscheck, type Prioriteiten, type Scenario } from './capaciteit.js';
import { berekenRisico, hogeZonderRegel, type Risicoanalyse, type RisicoUitkomst } from './risico.js';
import { berekenVraag, type Vraag } from './vraag.js';

/** Every computation on a werkmap, once: each command and document reads from this. */
export interface Analyse {
  vraag: Vraag;
  risico?: Risicoanalyse;
  capaciteit?: Capaciteitscheck;
  /** Each line's priority class (from a class name or a linked risk activity). */
  prioriteiten: Prioriteiten;
  /** Activities of class hoog and higher that no programme line serves: a gap the college must see. */
  prioriteitGaten: RisicoUitkomst[];
  /** The model's findings plus those of every computation. */
  meldingen: Melding[];
}

export function analyseer(wm: Werkmap, scenario: Scenario = {}): Analyse {
  const vraag = berekenVraag(wm);
  const risico = wm.risicomodel && wm.risicoanalyse ? berekenRisico(wm.risicomodel, wm.risicoanalyse) : undefined;
  const prioriteiten = bepaalPrioriteiten(vraag, risico);
  const capaciteit = wm.capaciteit ? berekenCapaciteit(wm, vraag, risico, scenario, prioriteiten) : undefined;
  const prioriteitGaten = risico && wm.producten ? hogeZonderRegel(risico, vraag.regels.map((r) => r.regel.prioriteit)) : [];
  const gatMelding: Melding[] = prioriteitGaten.length
    ? [
        melding(
          'waarschuwing',
          'prioriteit-zonder-regel',
          `${nlGetal(prioriteitGaten.length, 0)} ${prioriteitGaten.length === 1 ? 'activiteit' : 'activiteiten'} met een hoge prioriteit ${prioriteitGaten.length === 1 ? 'heeft' : 'hebben'} geen programmaregel (koppel een regel via de kolom prioriteit, of leg uit waarom er geen werk is): ${prioriteitGaten
            .map((g) => `${g.activiteit.id ? `${g.activiteit.id} ` : ''}${g.activiteit.activiteit} (${g.klasse}, rij ${g.activiteit.plaats.rij})`)
            .join('; ')}`,
          { bestand: prioriteitGaten[0]!.activiteit.plaats.bestand, blad: prioriteitGaten[0]!.activiteit.plaats.blad },
        ),
      ]
    : [];
  return {
    vraag,
    risico,
    capaciteit,
    prioriteiten,
    prioriteitGaten,
    meldingen: [...wm.meldingen, ...vraag.meldingen, ...(risico?.meldingen ?? []), ...prioriteiten.meldingen, ...gatMelding, ...(capaciteit?.meldingen ?? [])],
  };
}

/** Every check on a werkmap. */
export function controleer(wm: Werkmap): Melding[] {
  return analyseer(wm).meldingen;
}
