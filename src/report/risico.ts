import { opsomming } from './gedeeld.js';
import type { Risicoanalyse } from '../compute/risico.js';
import { nlGetal } from '../model/getal.js';
import { deler } from '../model/delen.js';
import { Rational } from '../model/rational.js';
import type { Risicomodel } from '../model/types.js';

export interface RisicoRij {
  rang: number;
  id: string;
  activiteit: string;
  groep: string;
  /** Exact figures: renderers round them with `decimalen`. */
  scores: { naam: string; score: Rational }[];
  effect: Rational;
  kans: Rational;
  risico: Rational;
  klasse: string;
  klasseBerekend: string;
  bijgesteld: boolean;
  motivatie: string;
  /** Position of the class in the model, 0 = lowest: for colours. */
  klasseNiveau: number;
}

export interface RisicoView {
  model: {
    zinnen: string[];
    dimensies: { naam: string; gewicht: Rational }[];
    factor: Rational;
    /** `grensWaarde`: the bound as a plain number, for drawing only. */
    klassen: { naam: string; grens: string; grensWaarde: number; niveau: number }[];
    decimalen: { effect: number; risico: number };
  };
  rijen: RisicoRij[];
  perKlasse: { klasse: string; aantal: number; niveau: number }[];
  /** Highest class first, for documents. */
  perKlasseAflopend: { klasse: string; aantal: number; niveau: number }[];
  bijstellingen: RisicoRij[];
  zonderScore: { activiteit: string; rij?: number }[];
  totaal: number;
}

export function grensTekst(k: { grens: Rational; strikt: boolean }): string {
  return `${k.strikt ? 'boven' : 'vanaf'} ${nlGetal(k.grens, 6)}`;
}

/** The model in words, generated from its configuration (for the UVP and the risk fragment). */
export function modelInWoorden(m: Risicomodel): string[] {
  const gelijk = m.dimensies.every((d) => d.gewicht.eq(m.dimensies[0]!.gewicht));
  const dims = m.dimensies.map((d) => (gelijk ? d.naam : `${d.naam} (gewicht ${nlGetal(d.gewicht, 6)})`));
  const zinnen = [
    `Elke activiteit krijgt per dimensie een score: ${opsomming(dims)}.`,
    gelijk
      ? `Het effect is het gemiddelde van deze ${m.dimensies.length} scores.`
      : `Het effect is het gewogen gemiddelde van deze scores: de som van gewicht × score, gedeeld door de som van de gewichten (${nlGetal(Rational.sum(m.dimensies.map((d) => d.gewicht)), 6)}).`,
    m.factor.eq(Rational.ONE)
      ? 'Het risico is het effect maal de kans.'
      : `Het risico is ${nlGetal(m.factor, 6)} × effect × kans.`,
    `De prioriteitsklassen zijn: ${m.klassen.map((k) => `${k.naam} (risico ${grensTekst(k)})`).join(', ')}.`,
    'De risico\'s zijn onafgerond berekend en staan afgerond in de tabellen.',
  ];
  if (m.standaardKans) zinnen.push(`Waar de kans niet is ingevuld, geldt kans ${nlGetal(m.standaardKans, 6)}.`);
  return zinnen;
}

/** One view per analysis: the parts of an omgevingsdienst share one risk analysis (see compute/controle.ts). */
const VIEWS = new WeakMap<Risicoanalyse, RisicoView>();

export function risicoView(r: Risicoanalyse): RisicoView {
  let v = VIEWS.get(r);
  if (!v) VIEWS.set(r, (v = maakRisicoView(r)));
  return v;
}

function maakRisicoView(r: Risicoanalyse): RisicoView {
  const niveau = new Map(r.model.klassen.map((k, i) => [k.naam, i]));
  // One score entry per dimension and score: scores are a handful of small whole numbers (one shared
  // Rational each), so 100.000 activities share a few dozen entries instead of holding 600.000.
  const scoreObjecten = r.model.dimensies.map(() => new Map<Rational, { naam: string; score: Rational }>());
  const scoreVan = (k: number, naam: string, score: Rational) => {
    let o = scoreObjecten[k]!.get(score);
    if (!o) scoreObjecten[k]!.set(score, (o = { naam, score }));
    return o;
  };
  // And one array of them per distinct row of scores, as the model shares its Scores.
  const scoresRij = deler<{ naam: string; score: Rational }, { naam: string; score: Rational }[]>((delen) => delen as { naam: string; score: Rational }[]);
  const rijen: RisicoRij[] = r.activiteiten.map((u) => ({
    rang: u.rang,
    id: u.activiteit.id ?? '',
    activiteit: u.activiteit.activiteit,
    groep: u.activiteit.groep ?? '',
    scores: scoresRij(r.model.dimensies.map((d, k) => scoreVan(k, d.naam, u.activiteit.scores.get(d.naam)!))),
    effect: u.effect,
    kans: u.activiteit.kans!,
    risico: u.risico,
    klasse: u.klasse,
    klasseBerekend: u.klasseBerekend,
    bijgesteld: u.bijgesteld,
    motivatie: u.activiteit.motivatie ?? '',
    klasseNiveau: niveau.get(u.klasse) ?? 0,
  }));
  const perKlasse = r.perKlasse.map((p) => ({ ...p, niveau: niveau.get(p.klasse) ?? 0 }));
  return {
    model: {
      zinnen: modelInWoorden(r.model),
      dimensies: r.model.dimensies.map((d) => ({ naam: d.naam, gewicht: d.gewicht })),
      factor: r.model.factor,
      klassen: r.model.klassen.map((k, i) => ({ naam: k.naam, grens: grensTekst(k), grensWaarde: k.grens.toNumber(), niveau: i })),
      decimalen: r.model.decimalen,
    },
    rijen,
    perKlasse,
    perKlasseAflopend: [...perKlasse].reverse(),
    bijstellingen: rijen.filter((x) => x.bijgesteld),
    zonderScore: r.zonderScore.map((a) => ({ activiteit: a.activiteit, rij: a.plaats.rij })),
    totaal: rijen.length,
  };
}
