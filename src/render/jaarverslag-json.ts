import { Rational } from '../model/rational.js';
import type { JaarverslagView } from '../report/jaarverslag.js';
import type { Melding } from '../model/melding.js';
import { meldingJson } from './melding-json.js';
import { kwaliteitGebiedenJson } from './kwaliteit-json.js';

/** Exact figures become numbers, dates ISO dates; the view's shape stays. */
function naarJson(x: unknown): unknown {
  if (x instanceof Rational) return x.toNumber();
  if (x instanceof Date) return x.toISOString().slice(0, 10);
  if (Array.isArray(x)) return x.map(naarJson);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined && typeof v !== 'function').map(([k, v]) => [k, naarJson(v)]));
  }
  return x ?? null;
}

/**
 * `vth jaarverslag --format json`: the whole analysis the documents show, from the same view: plan
 * against realisation per line and taakveld (with the export's coverage and match rate), timeliness,
 * compliance and goals.
 */
export function jaarverslagJson(v: JaarverslagView, meldingen: readonly Melding[]) {
  const { realisatie, doelen, tijdigheid, naleving, zakenVerantwoording, samenvatting, verbeterpunten } = v;
  return naarJson({
    gemeente: v.gemeente,
    jaar: v.jaar,
    vastgesteldOp: v.vastgesteldOp,
    samenvatting,
    realisatie: {
      regels: realisatie.regels,
      taakvelden: realisatie.taakvelden,
      perAfdeling: realisatie.perAfdeling,
      totaal: realisatie.totaal,
      afwijkingsdrempel: realisatie.drempel,
      afwijkingen: realisatie.afwijkingen.map((a) => a.code),
      nietGepland: realisatie.nietGepland,
      dekking: realisatie.dekking,
    },
    zakenexport: zakenVerantwoording ?? null,
    tijdigheid: tijdigheid ?? null,
    naleving: naleving ?? null,
    nalevingUitResultaten: v.nalevingUitResultaten ?? null,
    projecten: v.projecten,
    uitstel: v.uitstel,
    doelen,
    verbeterpunten,
    kwaliteitscriteria: v.kwaliteitscriteria ? kwaliteitGebiedenJson(v.kwaliteitscriteria) : null,
    vooruitblik: v.vooruitblik,
    meldingen: meldingen.map(meldingJson),
  });
}
