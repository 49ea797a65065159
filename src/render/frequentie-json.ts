import type { FrequentieView } from '../report/frequentie.js';
import type { Melding } from '../model/melding.js';
import { meldingJson } from './melding-json.js';

// A register of 100.000 objects has a few thousand distinct dates: each written once.
const ISO = new Map<number, string>();
function isoDatum(d: Date | undefined): string | null {
  if (!d) return null;
  let s = ISO.get(d.getTime());
  if (s === undefined) ISO.set(d.getTime(), (s = d.toISOString().slice(0, 10)));
  return s;
}

/** `vth frequentie --format json`: every object with its interval, next date, controls and reason; controls per code. */
export function frequentieJson(v: FrequentieView, meldingen: readonly Melding[]) {
  const object = (o: FrequentieView['objecten'][number]) => ({
    object: o.object,
    naam: o.naam || null,
    klasse: o.klasse || null,
    klasseBron: o.klasseBron,
    naleefgedrag: o.naleefgedrag || null,
    interval: o.interval ?? null,
    laatsteControle: isoDatum(o.laatste),
    volgende: isoDatum(o.volgende),
    aantal: o.aantal,
    achterstallig: o.achterstallig,
    code: o.code || null,
    reden: o.reden,
  });
  return {
    gemeente: v.gemeente,
    jaar: v.jaar,
    objecten: v.objecten.map(object),
    perCode: v.perCode,
    perKlasse: v.perKlasse.map(({ klasse, objecten, controles }) => ({ klasse, objecten, controles })),
    totaal: v.totaal,
    achterstallig: v.achterstallig.map((o) => o.object),
    onbekend: v.onbekend.map((o) => o.object),
    meldingen: meldingen.map(meldingJson),
  };
}
