import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { deler } from './delen.js';
import { celWeergave } from './getal.js';
import type { KolomSpec } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import type { Rational } from './rational.js';
import type { Risicoactiviteit, Risicomodel, ScoresPerDimensie } from './types.js';

/** Most sheets print no effect, risk or class of their own: one empty record for all of them. */
const NIETS_GEDRUKT: Risicoactiviteit['gedrukt'] = Object.freeze({});

/**
 * An activity's scores as an array over one index of dimension names for the whole sheet: a Map per
 * activity was a quarter of the risk analysis's memory (100.000 activities, some 30 MB).
 */
class Scores implements ScoresPerDimensie {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly waarden: readonly (Rational | undefined)[],
  ) {}
  get(naam: string): Rational | undefined {
    const i = this.index.get(naam);
    return i === undefined ? undefined : this.waarden[i];
  }
}

const VASTE_KOLOMMEN = [
  { veld: 'id', naam: 'id', aliassen: ['nr', 'nummer'] },
  {
    veld: 'activiteit',
    naam: 'activiteit',
    aliassen: ['probleem', 'overtredingssoort', 'probleem / overtredingssoort', 'probleem/overtredingssoort', 'taak', 'omschrijving'],
    verplicht: true,
  },
  { veld: 'groep', naam: 'groep', aliassen: ['cluster', 'thema'] },
  { veld: 'kans', naam: 'kans', aliassen: ['naleefgedrag', 'waarschijnlijkheid'], verplicht: true, getal: 'getal' },
  { veld: 'bijgesteld', naam: 'bijgestelde klasse', aliassen: ['bestuurlijke prioriteit'] },
  { veld: 'motivatie', naam: 'motivatie' },
  { veld: 'effect', naam: 'effect', aliassen: ['gemiddeld effect', 'subtotaal effecten'], getal: 'getal', vergelijk: true },
  { veld: 'risico', naam: 'risico', aliassen: ['risicoscore', 'risico score', 'score totaal'], getal: 'getal', vergelijk: true },
  { veld: 'klasse', naam: 'klasse', aliassen: ['prioriteit', 'risicocategorie', 'risico categorie', 'categorie'], vergelijk: true },
] as const satisfies readonly KolomSpec[];

export function leesRisicoanalyse(
  tabel: Tabel,
  model: Risicomodel | undefined,
): { activiteiten: Risicoactiviteit[]; meldingen: Melding[] } {
  const dimSpecs: KolomSpec[] = (model?.dimensies ?? []).map((d, i) => ({ veld: `dim${i}`, naam: d.naam, verplicht: true, getal: 'getal' as const }));
  const specs = [...VASTE_KOLOMMEN, ...dimSpecs] as readonly (KolomSpec & { veld: string })[];
  const dimensieIndex = new Map<string, number>();
  (model?.dimensies ?? []).forEach((d, i) => dimensieIndex.set(d.naam, i));
  // Scores are a handful of small whole numbers, each read as one shared Rational: activities with the
  // same scores share one Scores (100.000 activities: some 17 MB less).
  const scoresVan = deler<Rational | undefined, Scores>((waarden) => new Scores(dimensieIndex, waarden));
  const { items, meldingen } = leesBlad<string, Risicoactiviteit>(tabel, specs, (v, r) => {
    const activiteit = v.tekst('activiteit');
    if (activiteit === '') {
      v.meldingen.push(melding('fout', 'waarde-leeg', 'deze rij heeft geen activiteit', r.plaats('activiteit')));
      return undefined;
    }
    // Exactly as long as there are dimensions: an array grown by assignment reserves some 17 places.
    const waarden: (Rational | undefined)[] = new Array((model?.dimensies ?? []).length);
    (model?.dimensies ?? []).forEach((d, i) => {
      const w = v.getal(`dim${i}`, { nietNegatief: true });
      if (w.soort === 'getal' && !w.waarde.isNegative()) waarden[i] = w.waarde;
      else {
        waarden[i] = undefined;
        if (w.soort === 'leeg' || w.soort === 'geen') {
          v.meldingen.push(
            melding('waarschuwing', 'score-ontbreekt', `"${activiteit}" heeft geen score voor ${d.naam}; de activiteit krijgt geen klasse`, r.plaats(`dim${i}`)),
          );
        }
      }
    });
    let kans: Rational | undefined;
    const kw = v.getal('kans', { nietNegatief: true });
    if (kw.soort === 'getal' && !kw.waarde.isNegative()) kans = kw.waarde;
    else if (kw.soort === 'leeg' || kw.soort === 'geen') {
      if (model?.standaardKans) kans = model.standaardKans;
      else {
        v.meldingen.push(
          melding('fout', 'kans-ontbreekt', `"${activiteit}" heeft geen kans en het risicomodel heeft geen standaard kans`, r.plaats('kans')),
        );
      }
    }
    const gedruktGetal = (veld: 'effect' | 'risico') => {
      const c = r.cel(veld);
      if (!c || c.t === 'leeg') return undefined;
      const w = v.getal(veld);
      return w.soort === 'getal' ? { waarde: w.waarde, tekst: celWeergave(c) } : undefined;
    };
    const bijgesteld = v.tekst('bijgesteld') || undefined;
    const motivatie = v.tekst('motivatie') || undefined;
    if (bijgesteld && !motivatie) {
      v.meldingen.push(
        melding('fout', 'motivatie-ontbreekt', `de klasse van "${activiteit}" is bijgesteld naar "${bijgesteld}" zonder motivatie`, r.plaats('bijgesteld')),
      );
    }
    if (bijgesteld && model && !model.klassen.some((k) => k.naam.toLowerCase() === bijgesteld.toLowerCase())) {
      v.meldingen.push(
        melding('fout', 'klasse-onbekend', `bijgestelde klasse "${bijgesteld}" komt niet voor in het risicomodel (${model.klassen.map((k) => k.naam).join(', ')})`, r.plaats('bijgesteld')),
      );
    }
    const gedrukt = { effect: gedruktGetal('effect'), risico: gedruktGetal('risico'), klasse: v.tekst('klasse') || undefined };
    return {
      plaats: r.plaats(),
      id: v.tekst('id') || undefined,
      activiteit,
      groep: v.tekst('groep') || undefined,
      scores: scoresVan(waarden),
      kans,
      bijgesteldeKlasse: bijgesteld,
      motivatie,
      gedrukt: gedrukt.effect || gedrukt.risico || gedrukt.klasse ? gedrukt : NIETS_GEDRUKT,
      kolomPlaatsen: r.plaatsen(['effect', 'risico', 'klasse', 'kans']),
    };
  });
  return { activiteiten: items, meldingen };
}
