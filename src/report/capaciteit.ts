import { opsomming } from './gedeeld.js';
import { regelNaam, type AfdelingSaldo, type Capaciteitscheck, type Oordeel } from '../compute/capaciteit.js';
import type { Vraag } from '../compute/vraag.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';

type AfdelingSaldoView = Omit<AfdelingSaldo, 'reserveringen' | 'extern' | 'zonderUren' | 'ontbreekt'> & {
  reserveringen: string;
  /** Lines whose hours are unknown, named. */
  zonderUren: string[];
  /** The row's verdict in words: toereikend, tekort, or what is not known. */
  oordeelTekst: string;
};

export interface CapaciteitView {
  afdelingen: AfdelingSaldoView[];
  extern: { afdeling: string; ingekochteUren?: Rational; benodigd: Rational; saldo?: Rational; oordeel: Oordeel; zonderUren: string[]; oordeelTekst: string }[];
  /** Totals over the municipality's own afdelingen; a sum is undefined (unknown) when one of its terms is. */
  eigen: Capaciteitscheck['eigen'];
  taakvelden: { taakveld: string; uren: Rational; zonderUren: number }[];
  totaal: Capaciteitscheck['totaal'];
  nietToegewezen?: Rational;
  oordeel: Oordeel;
  /** The verdict as the college reads it: one sentence, or two when something is unknown besides a shortfall. */
  oordeelTekst: string;
  /** The verdict without the list of what is unknown, for a chapter that shows that list below it. */
  oordeelKort: string;
  /** What the verdict could not know, as phrases. */
  ontbreekt: string[];
  uitgesteld: { code: string; product: string; afdeling: string; deelnemer: string; aantal?: Rational; vanAantal?: Rational; uren: Rational; klasse: string; reden: string }[];
  tekorten: {
    afdeling: string;
    tekort: Rational;
    /** Lines without hours there could make it larger: "ten minste". */
    tenMinste: boolean;
    uitgesteldUren: Rational;
    rest: Rational;
    restTekst: string;
    /** `tekort` exact, `tekortAfgerond` its whole hours by largest remainder (adding up to the shortfall). */
    perDeelnemer?: { deelnemer: string; benodigd: Rational; tekort: Rational; tekortAfgerond: Rational; uitgesteldUren: Rational; rest: Rational }[];
  }[];
  /**
   * An omgevingsdienst: every deelnemer's demand, and how a shortfall is divided over them (said once).
   * `regionaal` is the exact share, `regionaalAfgerond` the whole hours its part and the whole programme print.
   */
  deelnemers?: { deelnemer: string; regels: Rational; regionaal: Rational; regionaalAfgerond: Rational; totaal: Rational; zonderUren: number }[];
  verdelingZin?: string;
  productieveUrenZin: string;
}

function rijOordeel(naam: string, oordeel: Oordeel, saldo: Rational | undefined, ontbreekt: { tekst: string }[], extern: boolean, saldoFte?: Rational): string {
  if (oordeel === 'toereikend') return 'toereikend';
  if (oordeel === 'niet toereikend') {
    const tekort = extern ? `${nlGetal(saldo!.neg(), 0)} uur meer nodig dan ingekocht` : `${nlGetal(saldo!.neg(), 0)} uur${saldoFte ? ` (${nlGetal(saldoFte.neg(), 2)} fte)` : ''} tekort`;
    return ontbreekt.length ? `ten minste ${tekort}` : tekort;
  }
  const eigen = ` van ${naam}`;
  return `niet te beoordelen; onbekend: ${ontbreekt.map((o) => o.tekst.replace(eigen, '').replace(` bij ${naam}`, '')).join('; ')}`;
}

/**
 * Where a shortfall stands beside surpluses elsewhere, the overall saldo alone would mislead: say where
 * hours are left, and that they do not move by themselves.
 */
function ruimteZin(c: Capaciteitscheck): string {
  const over = [
    ...c.afdelingen.filter((a) => a.oordeel === 'toereikend' && a.saldo!.gt(Rational.ZERO)).map((a) => `${a.afdeling} (${nlGetal(a.saldo!, 0)} uur)`),
    ...c.extern.filter((e) => e.oordeel === 'toereikend' && e.saldo!.gt(Rational.ZERO)).map((e) => `${e.afdeling} (${nlGetal(e.saldo!, 0)} uur)`),
  ];
  if (!over.length) return '';
  return ` Bij ${opsomming(over)} blijven uren over; die gaan niet vanzelf naar ander werk, daarvoor is een besluit nodig.`;
}

export function capaciteitView(c: Capaciteitscheck, vraag: Vraag): CapaciteitView {
  const standaard = c.afdelingen.filter((a) => a.productieveUrenBron !== 'afdeling');
  const eigen = c.afdelingen.filter((a) => a.productieveUrenBron === 'afdeling');
  const productieveUrenZin = [
    standaard.length
      ? `Gerekend is met ${nlGetal(standaard[0]!.productieveUrenPerFte)} productieve uren per fte per jaar${standaard[0]!.productieveUrenBron === 'scenario' ? ' (scenario)' : ''}`
      : 'Gerekend is met de productieve uren per afdeling',
    ...eigen.map((a) => `voor ${a.afdeling} met ${nlGetal(a.productieveUrenPerFte)}`),
  ].join('; ') + '.';
  const korte = c.afdelingen.filter((a) => a.oordeel === 'niet toereikend');
  const korteExtern = c.extern.filter((e) => e.oordeel === 'niet toereikend');
  const ontbreekt = c.ontbreekt.map((o) => o.tekst);
  const onbekendZin = `Nog onbekend: ${ontbreekt.join('; ')}.`;
  const tekortZin = `De beschikbare capaciteit is niet toereikend: ${[
    ...korte.map((a) => `${a.afdeling} komt ${a.ontbreekt.length ? 'ten minste ' : ''}${nlGetal(a.saldo!.neg(), 0)} uur (${nlGetal(a.saldoFte!.neg(), 2)} fte) tekort`),
    ...korteExtern.map((e) => `voor ${e.afdeling} is ${e.ontbreekt.length ? 'ten minste ' : ''}${nlGetal(e.saldo!.neg(), 0)} uur meer nodig dan ingekocht`),
  ].join('; ')}.${ruimteZin(c)}`;
  const oordeelKort =
    c.oordeel === 'toereikend'
      ? 'De beschikbare capaciteit is toereikend voor het geplande werk.'
      : c.oordeel === 'niet toereikend'
        ? tekortZin
        : 'Of de beschikbare capaciteit toereikend is, is niet te beoordelen: daarvoor ontbreken de gegevens die onder de tabel staan.';
  const oordeelTekst =
    c.oordeel === 'toereikend'
      ? 'De beschikbare capaciteit is toereikend voor het geplande werk.'
      : c.oordeel === 'niet toereikend'
        ? `${tekortZin}${ontbreekt.length ? ` ${onbekendZin}` : ''}`
        : `Of de beschikbare capaciteit toereikend is, is niet te beoordelen. ${onbekendZin}`;
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
      reserveringen: a.reserveringen.map((r) => `${r.omschrijving || 'reservering'}${r.percentage ? ` (${nlGetal(r.percentage)}%)` : ''}: ${r.uren ? `${nlGetal(r.uren)} uur` : 'onbekend'}`).join('; '),
      beschikbaar: a.beschikbaar,
      benodigd: a.benodigd,
      saldo: a.saldo,
      saldoFte: a.saldoFte,
      oordeel: a.oordeel,
      zonderUren: a.zonderUren.map(regelNaam),
      oordeelTekst: rijOordeel(a.afdeling, a.oordeel, a.saldo, a.ontbreekt, false, a.saldoFte),
    })),
    extern: c.extern.map((e) => ({
      afdeling: e.afdeling,
      ingekochteUren: e.ingekochteUren,
      benodigd: e.benodigd,
      saldo: e.saldo,
      oordeel: e.oordeel,
      zonderUren: e.zonderUren.map(regelNaam),
      oordeelTekst: rijOordeel(e.afdeling, e.oordeel, e.saldo, e.ontbreekt, true),
    })),
    eigen: c.eigen,
    taakvelden: vraag.perTaakveld.map((t) => ({ taakveld: t.naam, uren: t.uren, zonderUren: t.zonderUren })),
    totaal: c.totaal,
    nietToegewezen: c.nietToegewezen.gt(Rational.ZERO) ? c.nietToegewezen : undefined,
    oordeel: c.oordeel,
    oordeelTekst,
    oordeelKort,
    ontbreekt,
    uitgesteld: c.tekorten.flatMap((t) =>
      t.uitgesteld.map((u) => ({
        code: u.regel.code ?? '',
        product: u.regel.product,
        afdeling: u.afdeling,
        deelnemer: u.deelnemer ?? '',
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
      tenMinste: !!t.tenMinste,
      uitgesteldUren: t.uitgesteldUren,
      rest: t.rest,
      restTekst: t.rest.gt(Rational.ZERO)
        ? `Ook na uitstel van al het niet-wettelijke werk blijft ${nlGetal(t.rest, 0)} uur tekort. Dat raakt wettelijk verplicht werk: er is extra capaciteit nodig.`
        : '',
      perDeelnemer: t.perDeelnemer,
    })),
    deelnemers: c.deelnemers,
    verdelingZin: c.deelnemers
      ? 'Een tekort bij een afdeling is over de deelnemers verdeeld naar verhouding van de uren van hun eigen producten bij die afdeling. Elke deelnemer stelt alleen eigen werk uit, in zijn eigen volgorde: nooit wettelijk verplicht werk, daarna de laagste prioriteit en het laagste risico eerst. Uren van de ene deelnemer worden nooit voor een andere uitgesteld; wat een deelnemer niet kan uitstellen, blijft zijn eigen tekort. Regionale projecten en diensten worden niet uitgesteld.'
      : undefined,
    productieveUrenZin,
  };
}
