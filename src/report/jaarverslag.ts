import type { DoelResultaat } from '../compute/doelen.js';
import { nalevingUitResultaten, type PlanRealisatie } from '../compute/realisatie.js';
import type { ZakenResultaat } from '../compute/zaken.js';
import { TERMIJNEN } from '../compute/zaken.js';
import type { Melding } from '../model/melding.js';
import { meldingenView, tekstenPerSectie, type MeldingenView } from './gedeeld.js';
import { Rational } from '../model/rational.js';
import type { Verbeterpunt, Werkmap } from '../model/types.js';

export interface JaarverslagView extends MeldingenView {
  titel: string;
  gemeente: string;
  jaar: number | string;
  vastgesteldOp?: Date;
  teksten: Record<string, string>;
  samenvatting: {
    procentUren?: Rational;
    procentAantal?: Rational;
    doelenBehaald: number;
    doelenMetStreefwaarde: number;
    doelenTotaal: number;
    planUren: Rational;
    uren: Rational;
  };
  realisatie: PlanRealisatie & { drempelTekst: string };
  /** The chart's file name, set by the command that writes it beside the Markdown. */
  grafiek?: string;
  doelen: { id: string; doel: string; indicator: string; streefwaarde: string; waarde: string; uitkomst: string; reden: string }[];
  tijdigheid?: {
    perProcedure: { procedure: string; termijn: string; besloten: number; binnenTermijn: number; teLaat: number; verdaagd: number; onbekend: number; open: number; openOverTermijn: number; aandeelTijdig?: Rational }[];
    totaalTijdig?: Rational;
    zaken: number;
    bestand: string;
  };
  /** Shares as percentages. */
  naleving?: Omit<ZakenResultaat['naleving'], 'spontaan' | 'naHercontrole'> & { spontaan?: Rational; naHercontrole?: Rational };
  /** Compliance from the export's results (conform / overtreding), per taakveld and per product, as percentages. */
  nalevingUitResultaten?: {
    perTaakveld: { taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
    perProduct: { code: string; product: string; taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
  };
  verbeterpunten: { nr: string; verbeterpunt: string; status: string; toelichting: string }[];
  /** How the case export was used: the year, the match rate, what did not match, the coverage per taakveld. */
  zakenVerantwoording?: {
    bestand: string;
    zaken: number;
    inJaar: number;
    buitenJaar: { jaar: number; zaken: number; uren: Rational }[];
    zonderDatum: number;
    gekoppeld: number;
    gekoppeldProcent?: Rational;
    gekoppeldUren: Rational;
    urenProcent?: Rational;
    ongekoppeld: number;
    ongekoppeldUren: Rational;
    meest: { waarde: string; zaken: number; uren: Rational; reden: string }[];
    dekking: { taakveld: string; planUren: Rational; zaken: number; gedekt: string }[];
  };
}

const weken = (d: number) => `${d / 7} weken`;

function zakenVerantwoording(zaken: { resultaat: ZakenResultaat; bestand: string }, r: PlanRealisatie): NonNullable<JaarverslagView['zakenVerantwoording']> {
  const z = zaken.resultaat;
  const k = z.koppeling;
  return {
    bestand: zaken.bestand,
    zaken: z.zaken,
    inJaar: z.inJaar,
    buitenJaar: z.buitenJaar,
    zonderDatum: z.zonderDatum,
    gekoppeld: k.gekoppeld.zaken,
    gekoppeldProcent: alsProcent(k.aandeelZaken),
    gekoppeldUren: k.gekoppeld.uren,
    urenProcent: alsProcent(k.aandeelUren),
    ongekoppeld: k.ongekoppeld.zaken,
    ongekoppeldUren: k.ongekoppeld.uren,
    meest: k.ongekoppeld.meest,
    dekking: r.dekking.map((d) => ({ ...d, gedekt: d.gedekt ? 'ja' : 'nee: realisatie onbekend' })),
  };
}
const alsProcent = (r: Rational | undefined) => r?.mul(Rational.of(100n));
const alsProcentNaleving = <T extends { naleving: Rational }>(x: T): T => ({ ...x, naleving: x.naleving.mul(Rational.of(100n)) });

export function jaarverslagView(
  wm: Werkmap,
  r: PlanRealisatie,
  doelen: DoelResultaat[],
  zaken: { resultaat: ZakenResultaat; bestand: string } | undefined,
  meldingen: Melding[],
): JaarverslagView {
  const gemeente = wm.instellingen.gemeente ?? '';
  const jaar = wm.instellingen.jaar ?? '';
  const teksten = tekstenPerSectie(wm);
  const metStreef = doelen.filter((d) => d.doel.streefwaarde);
  const naleving = zaken ? nalevingUitResultaten(zaken.resultaat, r) : undefined;
  return {
    titel: `Jaarverslag VTH ${jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    gemeente,
    jaar,
    vastgesteldOp: wm.instellingen.jaarverslagVastgesteldOp,
    teksten,
    samenvatting: {
      procentUren: r.totaal.procentUren,
      procentAantal: r.totaal.procentAantal,
      doelenBehaald: doelen.filter((d) => d.uitkomst === 'behaald').length,
      doelenMetStreefwaarde: metStreef.length,
      doelenTotaal: doelen.length,
      planUren: r.totaal.planUren,
      uren: r.totaal.uren,
    },
    realisatie: { ...r, drempelTekst: `${r.drempel.toDecimalString(2).replace('.', ',')}%` },
    doelen: doelen.map((d) => ({
      id: d.doel.id,
      doel: d.doel.doel,
      indicator: d.doel.indicator ?? '',
      streefwaarde: d.doel.streefwaarde?.tekst ?? '',
      waarde: d.waardeTekst,
      uitkomst: d.uitkomst,
      reden: d.reden,
    })),
    tijdigheid: zaken
      ? {
          perProcedure: zaken.resultaat.perProcedure.map((p) => ({
            ...p,
            aandeelTijdig: alsProcent(p.aandeelTijdig),
            termijn: `${weken(TERMIJNEN[p.procedure].dagen)}${TERMIJNEN[p.procedure].verdaging ? `, verdaging ${weken(TERMIJNEN[p.procedure].verdaging)}` : ''}`,
          })),
          totaalTijdig: alsProcent(zaken.resultaat.totaalTijdig),
          zaken: zaken.resultaat.zaken,
          bestand: zaken.bestand,
        }
      : undefined,
    naleving: zaken
      ? { ...zaken.resultaat.naleving, spontaan: alsProcent(zaken.resultaat.naleving.spontaan), naHercontrole: alsProcent(zaken.resultaat.naleving.naHercontrole) }
      : undefined,
    verbeterpunten: (wm.verbeterpunten ?? []).map((v: Verbeterpunt) => ({ nr: v.nr, verbeterpunt: v.verbeterpunt, status: v.status, toelichting: v.toelichting ?? '' })),
    zakenVerantwoording: zaken ? zakenVerantwoording(zaken, r) : undefined,
    nalevingUitResultaten: naleving ? { perTaakveld: naleving.perTaakveld.map(alsProcentNaleving), perProduct: naleving.perProduct.map(alsProcentNaleving) } : undefined,
    ...meldingenView(meldingen),
  };
}
