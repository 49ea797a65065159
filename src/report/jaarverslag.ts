import type { DoelResultaat } from '../compute/doelen.js';
import type { PlanRealisatie } from '../compute/realisatie.js';
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

function nalevingUitResultaten(z: ZakenResultaat, r: PlanRealisatie): NonNullable<JaarverslagView['nalevingUitResultaten']> {
  const regel = new Map(r.regels.map((x) => [x.code.toUpperCase(), x]));
  const honderd = Rational.of(100n);
  const perProduct = z.nalevingPerCode.map((n) => {
    const x = regel.get(n.code.toUpperCase());
    return { code: n.code, product: x?.product ?? '', taakveld: x?.taakveld ?? '', gecontroleerd: n.gecontroleerd, overtredingen: n.overtredingen, naleving: n.naleving.mul(honderd) };
  });
  const tv = new Map<string, { gecontroleerd: number; overtredingen: number }>();
  for (const p of perProduct) {
    const t = tv.get(p.taakveld) ?? { gecontroleerd: 0, overtredingen: 0 };
    t.gecontroleerd += p.gecontroleerd;
    t.overtredingen += p.overtredingen;
    tv.set(p.taakveld, t);
  }
  return {
    perTaakveld: [...tv].map(([taakveld, t]) => ({ taakveld, ...t, naleving: honderd.sub(Rational.of(BigInt(t.overtredingen * 100), BigInt(t.gecontroleerd))) })),
    perProduct,
  };
}

function zakenVerantwoording(zaken: { resultaat: ZakenResultaat; bestand: string }, r: PlanRealisatie): NonNullable<JaarverslagView['zakenVerantwoording']> {
  const z = zaken.resultaat;
  const k = z.koppeling;
  const alle = k.gekoppeld.zaken + k.ongekoppeld.zaken;
  const alleUren = k.gekoppeld.uren.add(k.ongekoppeld.uren);
  const honderd = Rational.of(100n);
  return {
    bestand: zaken.bestand,
    zaken: z.zaken,
    inJaar: z.inJaar,
    buitenJaar: z.buitenJaar,
    zonderDatum: z.zonderDatum,
    gekoppeld: k.gekoppeld.zaken,
    gekoppeldProcent: alle > 0 ? Rational.of(BigInt(k.gekoppeld.zaken * 100), BigInt(alle)) : undefined,
    gekoppeldUren: k.gekoppeld.uren,
    urenProcent: alleUren.isZero() ? undefined : k.gekoppeld.uren.mul(honderd).div(alleUren),
    ongekoppeld: k.ongekoppeld.zaken,
    ongekoppeldUren: k.ongekoppeld.uren,
    meest: k.ongekoppeld.meest,
    dekking: r.dekking.map((d) => ({ ...d, gedekt: d.gedekt ? 'ja' : 'nee: realisatie onbekend' })),
  };
}
const alsProcent = (r: Rational | undefined) => r?.mul(Rational.of(100n));

export function jaarverslagView(
  wm: Werkmap,
  r: PlanRealisatie,
  doelen: DoelResultaat[],
  zaken: { resultaat: ZakenResultaat; bestand: string } | undefined,
  meldingen: Melding[],
  grafiek?: string,
): JaarverslagView {
  const gemeente = wm.instellingen.gemeente ?? '';
  const jaar = wm.instellingen.jaar ?? '';
  const teksten = tekstenPerSectie(wm);
  const metStreef = doelen.filter((d) => d.doel.streefwaarde);
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
    grafiek,
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
    nalevingUitResultaten: zaken?.resultaat.nalevingPerCode.length ? nalevingUitResultaten(zaken.resultaat, r) : undefined,
    ...meldingenView(meldingen),
  };
}
