import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import type { ProgrammaRegel, Werkmap } from '../model/types.js';
import { Rational } from '../model/rational.js';
import { planFrequenties, type Frequentieplanning } from './frequentie.js';
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
  /** Inspection frequencies per object, when the werkmap has Objecten and Frequenties. */
  frequenties?: Frequentieplanning;
  /** The model's findings plus those of every computation. */
  meldingen: Melding[];
}

/**
 * The programme with the aantal of each line that the object register plans (the sum of its objects'
 * controls) instead of the typed one, unless the line says `vast`; every difference is a finding.
 */
function aantallenUitObjecten(wm: Werkmap, f: Frequentieplanning): { werkmap: Werkmap; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  if (!wm.producten) return { werkmap: wm, meldingen };
  const perCode = new Map(f.perCode.map((c) => [c.code.toUpperCase(), c]));
  const regels = wm.producten.regels.map((r) => {
    const c = r.code ? perCode.get(r.code.toUpperCase()) : undefined;
    if (!c) return r;
    const gepland = Rational.of(BigInt(c.aantal));
    const register = `het objectenregister ${c.aantal} ${c.aantal === 1 ? 'controle' : 'controles'} bij ${c.objecten} ${c.objecten === 1 ? 'object' : 'objecten'}`;
    if (r.aantal.soort === 'getal' && r.aantal.waarde.eq(gepland)) return r;
    const getypt = r.aantal.soort === 'getal' ? nlGetal(r.aantal.waarde) : r.aantal.soort === 'geen' ? `"${r.aantal.woord}"` : 'geen';
    const waar = r.kolomPlaatsen.aantal ?? r.plaats;
    if (r.aantalVast) {
      meldingen.push(melding('melding', 'aantal-objecten', `${r.code}: Producten geeft aantal ${getypt} (vast), ${register}; het vaste aantal telt`, waar));
      return r;
    }
    meldingen.push(
      melding('waarschuwing', 'aantal-objecten', `${r.code}: Producten geeft aantal ${getypt}, ${register} (blad Objecten en Frequenties); gerekend is met ${c.aantal}${r.uren.soort === 'getal' ? ' (het opgegeven regeltotaal vervalt)' : ''}. Zet vast = ja in Producten om het getypte aantal te houden`, waar),
    );
    return { ...r, aantal: { soort: 'getal' as const, waarde: gepland, procent: false }, uren: r.uren.soort === 'getal' ? ({ soort: 'leeg' } as ProgrammaRegel['uren']) : r.uren };
  });
  return { werkmap: { ...wm, producten: { ...wm.producten, regels } }, meldingen };
}

export function analyseer(wm: Werkmap, scenario: Scenario = {}): Analyse {
  const risico = wm.risicomodel && wm.risicoanalyse ? berekenRisico(wm.risicomodel, wm.risicoanalyse) : undefined;
  const frequenties = wm.objecten && wm.frequenties && wm.instellingen.jaar ? planFrequenties(wm.objecten, wm.frequenties, risico, wm.instellingen.jaar) : undefined;
  const aantallen = frequenties ? aantallenUitObjecten(wm, frequenties) : { werkmap: wm, meldingen: [] };
  const vraag = berekenVraag(aantallen.werkmap);
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
    frequenties,
    meldingen: [...wm.meldingen, ...(frequenties?.meldingen ?? []), ...aantallen.meldingen, ...vraag.meldingen, ...(risico?.meldingen ?? []), ...prioriteiten.meldingen, ...gatMelding, ...(capaciteit?.meldingen ?? [])],
  };
}

/** Every check on a werkmap. */
export function controleer(wm: Werkmap): Melding[] {
  return analyseer(wm).meldingen;
}
