import type { Melding } from '../model/melding.js';
import type { CapaciteitView } from '../report/capaciteit.js';
import { meldingJson } from './melding-json.js';

const n = (r: { toNumber(): number } | undefined) => (r === undefined ? null : r.toNumber());

/** `vth capaciteit --format json`: exact figures as numbers, the shape the issue sets out. */
export function capaciteitJson(v: CapaciteitView, meldingen: readonly Melding[]) {
  return {
    /** true or false only when the verdict is made on known figures; null when it is niet te beoordelen. */
    toereikend: v.oordeel === 'niet te beoordelen' ? null : v.oordeel === 'toereikend',
    oordeel: v.oordeel,
    oordeelTekst: v.oordeelTekst,
    ontbreekt: v.ontbreekt,
    afdelingen: v.afdelingen.map((a) => ({
      afdeling: a.afdeling,
      fte: n(a.fte),
      productieveUrenPerFte: n(a.productieveUrenPerFte),
      bruto: n(a.bruto),
      gereserveerd: n(a.gereserveerd),
      beschikbaar: n(a.beschikbaar),
      benodigd: n(a.benodigd),
      saldo: n(a.saldo),
      saldoFte: n(a.saldoFte),
      regelsZonderUren: a.zonderUren,
      oordeel: a.oordeel,
    })),
    extern: v.extern.map((e) => ({ afdeling: e.afdeling, ingekochteUren: n(e.ingekochteUren), benodigd: n(e.benodigd), saldo: n(e.saldo), regelsZonderUren: e.zonderUren, oordeel: e.oordeel })),
    taakvelden: v.taakvelden.map((t) => ({ taakveld: t.taakveld, uren: n(t.uren), regelsZonderUren: t.zonderUren })),
    totaal: { beschikbaar: n(v.totaal.beschikbaar), benodigd: n(v.totaal.benodigd), saldo: n(v.totaal.saldo), regelsZonderUren: v.totaal.zonderUren },
    uitgesteld: v.uitgesteld.map((u) => ({ code: u.code || null, product: u.product, afdeling: u.afdeling, ...(v.deelnemers ? { deelnemer: u.deelnemer } : {}), aantal: n(u.aantal), uren: n(u.uren), reden: u.reden })),
    // An omgevingsdienst: each deelnemer's demand, the regional share exact and in the whole hours the
    // documents print; each shortfall's division, exact and in whole hours.
    ...(v.deelnemers
      ? {
          deelnemers: v.deelnemers.map((d) => ({ deelnemer: d.deelnemer, eigenProducten: n(d.regels), regionaal: n(d.regionaal), regionaalAfgerond: n(d.regionaalAfgerond), totaal: n(d.totaal), regelsZonderUren: d.zonderUren })),
          tekortPerDeelnemer: v.tekorten.flatMap((t) => (t.perDeelnemer ?? []).map((p) => ({ afdeling: t.afdeling, deelnemer: p.deelnemer, eigenUren: n(p.benodigd), tekort: n(p.tekort), tekortAfgerond: n(p.tekortAfgerond), uitgesteld: n(p.uitgesteldUren), blijftTekort: n(p.rest) }))),
        }
      : {}),
    meldingen: meldingen.map(meldingJson),
  };
}
