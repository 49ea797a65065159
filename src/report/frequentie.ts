import type { Frequentieplanning, ObjectPlanning } from '../compute/frequentie.js';

export interface ObjectRij {
  object: string;
  naam: string;
  klasse: string;
  klasseBron: ObjectPlanning['klasseBron'];
  naleefgedrag: string;
  interval?: number;
  laatste?: Date;
  volgende?: Date;
  aantal: number;
  achterstallig: boolean;
  code: string;
  reden: string;
  /** Why an object is not planned, in the college's words (no sheet, no formula): for the documents. */
  nietGepland?: string;
}

export interface FrequentieView {
  titel: string;
  gemeente: string;
  jaar: number;
  objecten: ObjectRij[];
  /** Per class (highest first), its objects with their controls in the year. */
  perKlasse: { klasse: string; objecten: number; controles: number; rijen: ObjectRij[] }[];
  perCode: { code: string; aantal: number; objecten: number }[];
  totaal: { objecten: number; controles: number; gepland: number };
  achterstallig: ObjectRij[];
  onbekend: ObjectRij[];
}

function nietGepland(p: ObjectPlanning, jaar: number): string | undefined {
  if (p.aantal > 0 || p.volgende) return undefined;
  if (!p.klasse) return 'de klasse is nog niet bepaald';
  if (!p.interval) return `er is geen controlefrequentie vastgesteld voor klasse ${p.klasse}`;
  const laatste = p.laatste ?? p.object.laatsteControle;
  if (laatste && laatste.getUTCFullYear() > jaar) return `de datum van de laatste controle ligt na ${jaar}; die wordt nagekeken`;
  return undefined;
}

function rij(p: ObjectPlanning, jaar: number): ObjectRij {
  return {
    object: p.object.object,
    naam: p.object.naam ?? '',
    klasse: p.klasse ?? '',
    klasseBron: p.klasseBron,
    naleefgedrag: p.naleefgedrag ?? '',
    interval: p.interval,
    laatste: p.laatste ?? p.object.laatsteControle,
    volgende: p.volgende,
    aantal: p.aantal,
    achterstallig: p.achterstallig,
    code: p.object.code ?? '',
    reden: p.reden,
    nietGepland: nietGepland(p, jaar),
  };
}

/** The frequency planning in the order a reader wants it: per class, then what is overdue and what cannot be planned. */
export function frequentieView(f: Frequentieplanning, gemeente: string): FrequentieView {
  const objecten = f.objecten.map((p) => rij(p, f.jaar));
  const perKlasse = f.perKlasse.map((k) => ({ ...k, rijen: objecten.filter((o) => o.klasse.toLowerCase() === k.klasse.toLowerCase()) }));
  return {
    titel: `Controlefrequenties ${f.jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    gemeente,
    jaar: f.jaar,
    objecten,
    perKlasse,
    perCode: f.perCode,
    totaal: { objecten: objecten.length, controles: objecten.reduce((s, o) => s + o.aantal, 0), gepland: objecten.filter((o) => o.aantal > 0).length },
    achterstallig: f.achterstallig.map((p) => rij(p, f.jaar)),
    onbekend: f.onbekend.map((p) => rij(p, f.jaar)),
  };
}
