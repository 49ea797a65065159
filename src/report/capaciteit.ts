import type { Capaciteitscheck } from '../compute/capaciteit.js';
import type { Vraag } from '../compute/vraag.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';

export interface CapaciteitView {
  afdelingen: {
    afdeling: string;
    fte: Rational;
    productieveUrenPerFte: Rational;
    productieveUrenBron: string;
    bruto: Rational;
    gereserveerd: Rational;
    /** Sum of the percentage reservations, and of the fixed-hour ones: gereserveerd = bruto × % / 100 + uren. */
    reserveringenProcent: Rational;
    reserveringenUren: Rational;
    reserveringen: string;
    beschikbaar: Rational;
    benodigd: Rational;
    saldo: Rational;
    saldoFte: Rational;
    toereikend: boolean;
  }[];
  extern: { afdeling: string; ingekochteUren?: Rational; benodigd: Rational; saldo?: Rational; toereikend?: boolean }[];
  /** Totals over the municipality's own afdelingen. */
  eigen: { fte: Rational; bruto: Rational; gereserveerd: Rational; beschikbaar: Rational; benodigd: Rational; saldo: Rational };
  taakvelden: { taakveld: string; uren: Rational }[];
  totaal: { beschikbaar: Rational; benodigd: Rational; saldo: Rational };
  nietToegewezen?: Rational;
  toereikend: boolean;
  oordeel: string;
  uitgesteld: { code: string; product: string; afdeling: string; aantal?: Rational; vanAantal?: Rational; uren: Rational; klasse: string; reden: string }[];
  tekorten: { afdeling: string; tekort: Rational; uitgesteldUren: Rational; rest: Rational; restTekst: string }[];
  productieveUrenZin: string;
}

export function capaciteitView(c: Capaciteitscheck, vraag: Vraag): CapaciteitView {
  const standaard = c.afdelingen.filter((a) => a.productieveUrenBron !== 'afdeling');
  const eigen = c.afdelingen.filter((a) => a.productieveUrenBron === 'afdeling');
  const productieveUrenZin = [
    standaard.length
      ? `Gerekend is met ${nlGetal(standaard[0]!.productieveUrenPerFte)} productieve uren per fte per jaar${standaard[0]!.productieveUrenBron === 'scenario' ? ' (scenario)' : ' (Instellingen)'}`
      : 'Gerekend is met de productieve uren per afdeling',
    ...eigen.map((a) => `voor ${a.afdeling} met ${nlGetal(a.productieveUrenPerFte)}`),
  ].join('; ') + '.';
  const korte = c.afdelingen.filter((a) => !a.toereikend);
  const korteExtern = c.extern.filter((e) => e.toereikend === false);
  const oordeel = c.toereikend
    ? 'De beschikbare capaciteit is toereikend voor het geplande werk.'
    : `De beschikbare capaciteit is niet toereikend: ${[
        ...korte.map((a) => `${a.afdeling} komt ${nlGetal(a.saldo.neg(), 0)} uur (${nlGetal(a.saldoFte.neg(), 2)} fte) tekort`),
        ...korteExtern.map((e) => `voor ${e.afdeling} is ${nlGetal(e.saldo!.neg(), 0)} uur meer nodig dan ingekocht`),
      ].join('; ')}.`;
  return {
    afdelingen: c.afdelingen.map((a) => ({
      afdeling: a.afdeling,
      fte: a.fte,
      productieveUrenPerFte: a.productieveUrenPerFte,
      productieveUrenBron: a.productieveUrenBron,
      bruto: a.bruto,
      gereserveerd: a.gereserveerd,
      reserveringenProcent: a.reserveringenProcent,
      reserveringenUren: a.reserveringenUren,
      reserveringen: a.reserveringen.map((r) => `${r.omschrijving || 'reservering'}${r.percentage ? ` (${nlGetal(r.percentage)}%)` : ''}: ${nlGetal(r.uren)} uur`).join('; '),
      beschikbaar: a.beschikbaar,
      benodigd: a.benodigd,
      saldo: a.saldo,
      saldoFte: a.saldoFte,
      toereikend: a.toereikend,
    })),
    extern: c.extern.map((e) => ({ afdeling: e.afdeling, ingekochteUren: e.ingekochteUren, benodigd: e.benodigd, saldo: e.saldo, toereikend: e.toereikend })),
    eigen: c.eigen,
    taakvelden: vraag.perTaakveld.map((t) => ({ taakveld: t.naam, uren: t.uren })),
    totaal: c.totaal,
    nietToegewezen: c.nietToegewezen.gt(Rational.ZERO) ? c.nietToegewezen : undefined,
    toereikend: c.toereikend,
    oordeel,
    uitgesteld: c.tekorten.flatMap((t) =>
      t.uitgesteld.map((u) => ({
        code: u.regel.code ?? '',
        product: u.regel.product,
        afdeling: u.afdeling,
        aantal: u.aantal,
        vanAantal: u.vanAantal,
        uren: u.uren,
        klasse: u.klasse,
        reden: u.reden,
      })),
    ),
    tekorten: c.tekorten.map((t) => ({
      afdeling: t.afdeling,
      tekort: t.tekort,
      uitgesteldUren: t.uitgesteldUren,
      rest: t.rest,
      restTekst: t.rest.gt(Rational.ZERO)
        ? `Ook na uitstel van al het niet-wettelijke werk blijft ${nlGetal(t.rest, 0)} uur tekort. Dat raakt wettelijk verplicht werk: er is extra capaciteit nodig.`
        : '',
    })),
    productieveUrenZin,
  };
}
