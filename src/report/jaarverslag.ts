import type { DoelResultaat } from '../compute/doelen.js';
import type { Afkorting } from '../model/types.js';
import type { Oordeel } from '../compute/capaciteit.js';
import type { AfdelingRealisatie } from '../compute/jaarverslag.js';
import type { JaarverslagAnalyse, ProjectRealisatie, UitstelOpvolging } from '../compute/jaarverslag.js';
import type { PlanRealisatie } from '../compute/realisatie.js';
import type { ZakenResultaat } from '../compute/zaken.js';
import { TERMIJNEN } from '../compute/zaken.js';
import { Rational } from '../model/rational.js';
import { markdownTeksten, type MarkdownTekst, opsomming } from './gedeeld.js';
import type { Verbeterpunt } from '../model/types.js';
import { kwaliteitView, type KwaliteitView } from './kwaliteit.js';

export interface JaarverslagView {
  titel: string;
  gemeente: string;
  /** The municipality's own abbreviations; the document's list adds the built-in ones it uses. */
  afkortingen: Afkorting[];
  jaar: number | string;
  vastgesteldOp?: Date;
  teksten: Record<string, MarkdownTekst>;
  samenvatting: {
    procentUren?: Rational;
    procentAantal?: Rational;
    doelenBehaald: number;
    /** Of the goals with a target value: not met, and not known (so that behaald + niet behaald + onbekend = met streefwaarde). */
    doelenNietBehaald: number;
    doelenOnbekend: number;
    doelenMetStreefwaarde: number;
    doelenTotaal: number;
    /** Planned hours of the lines with a realisation, and what those lines realised: the percentage's basis. */
    planUren: Rational;
    urenMetPlan: Rational;
    /** Realised on lines planned without hours; `uren` is the sum of both. */
    urenZonderPlan: Rational;
    uren: Rational;
  };
  realisatie: PlanRealisatie & { drempelTekst: string };
  /** The charts' file names (all taakvelden, and one per taakveld), set by the command that writes them beside the Markdown. */
  grafiek?: string;
  grafiekPerTaakveld?: Record<string, string>;
  /** Per taakveld its lines with a realisation, for the chart per taakveld. */
  perTaakveld: { taakveld: string; regels: { label: string; planUren: Rational; uren: Rational }[] }[];
  projecten: { regels: ProjectRealisatie[]; planUren: Rational; uren: Rational; planUrenBekend: Rational; procent?: Rational; zonderRealisatie: number };
  uitstel: UitstelOpvolging[];
  capaciteitPerAfdeling: AfdelingRealisatie[];
  /** The programme's capacity verdict, which says why nothing was deferred. */
  capaciteitOordeel?: Oordeel;
  uitstelTelling: Record<UitstelOpvolging['uitkomst'], number>;
  /** The follow-up of the deferral proposals in words, naming only the outcomes that occurred ("1 voorstel: toch geheel uitgevoerd"). */
  uitstelZin: string;
  doelen: { id: string; doel: string; indicator: string; streefwaarde: string; waarde: string; uitkomst: string; reden: string; indicatoren: { indicator: string; streefwaarde: string; waarde: string; uitkomst: string }[] }[];
  tijdigheid?: {
    perProcedure: { procedure: string; termijn: string; besloten: number; binnenTermijn: number; teLaat: number; verdaagd: number; onbekend: number; open: number; openOverTermijn: number; aandeelTijdig?: Rational }[];
    totaalTijdig?: Rational;
    /** The same with the cases open past their term counted as late: the figure goals are judged on. */
    totaalTijdigMetOpen?: Rational;
    openOverTermijn: number;
    /** Decisions in the year and cases still open at its end, over all procedures: what the table counts. */
    besloten: number;
    open: number;
    /** "aan dat cijfer is doel KD3 getoetst": the goals whose indicator is a timeliness figure, in a clause. */
    doelenZin?: string;
    zaken: number;
    bestand: string;
  };
  /** Shares as percentages. */
  naleving?: Omit<ZakenResultaat['naleving'], 'spontaan' | 'naHercontrole'> & { spontaan?: Rational; naHercontrole?: Rational };
  /** Compliance from the export's results (conform / overtreding), per taakveld and per product, as percentages. */
  nalevingUitResultaten?: {
    perTaakveld: { taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
    perProduct: { code: string; product: string; taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
    /**
     * The recorded outcome of the follow-up inspections themselves, beside the formula 1 − HHC/HC above:
     * both answer "was the violation ended at the follow-up?", so the document says why they differ.
     */
    hercontroles?: { codes: string; gecontroleerd: number; naleving: Rational; doelenUitkomst?: string; doelenFormule?: string };
  };
  verbeterpunten: { nr: string; verbeterpunt: string; status: string; toelichting: string }[];
  verbeterpuntenTelling: { open: number; 'in uitvoering': number; afgerond: number };
  /** The kwaliteitscriteria per area and the comply-or-explain paragraphs, when the werkmap has them. */
  kwaliteitscriteria?: KwaliteitView;
  /** Goals not met and improvement points still open: what the next programme must pick up. */
  vooruitblik: string[];
  /**
   * How the case export was used: the year, the match rate, what did not match, the coverage per taakveld.
   * For the verantwoording file and the JSON, not the college document: it speaks of the export itself.
   */
  zakenVerantwoording?: ZakenVerantwoording;
}

export interface ZakenVerantwoording {
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
}

/** The outcome of the follow-up inspections (from the analysis), as a percentage, with the goals judged on each figure. */
function hercontroleUitkomst(uit: ZakenResultaat['naleving']['uitHercontroles'], doelenUitkomst: string[], doelenFormule: string[]) {
  if (!uit) return undefined;
  return {
    codes: opsomming(uit.codes),
    gecontroleerd: uit.gecontroleerd,
    naleving: uit.zonderOvertreding.mul(Rational.of(100n)),
    doelenUitkomst: doelenZin(doelenUitkomst, 'dit cijfer'),
    doelenFormule: doelenZin(doelenFormule, 'dat cijfer'),
  };
}

/** The goals whose indicator takes this figure (or one of its kind) from the case export. */
const doelenMetBron = (doelen: readonly DoelResultaat[], bron: string) => doelen.filter((d) => d.indicatoren.some((x) => x.bron?.startsWith(bron))).map((d) => d.doel.id);

/** "aan dat cijfer is doel KD3 getoetst", "aan het tweede zijn de doelen KD3 en KD4 getoetst". */
const doelenZin = (ids: string[], cijfer = 'dat cijfer') =>
  !ids.length ? undefined : ids.length === 1 ? `aan ${cijfer} is doel ${ids[0]} getoetst` : `aan ${cijfer} zijn de doelen ${opsomming(ids)} getoetst`;

const weken = (d: number) => `${d / 7} weken`;

function zakenVerantwoording(zaken: { resultaat: ZakenResultaat; bestand: string }, r: PlanRealisatie): ZakenVerantwoording {
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

export function jaarverslagView(a: JaarverslagAnalyse): JaarverslagView {
  const gemeente = a.instellingen.gemeente ?? '';
  const jaar = a.instellingen.jaar ?? '';
  const r = a.realisatie;
  const zaken = a.zaken;
  const doelen = a.doelen;
  const metStreef = doelen.filter((d) => d.doel.streefwaarde);
  const naleving = a.naleving;
  const perTaakveld = r.taakvelden.map((t) => ({
    taakveld: t.taakveld,
    regels: r.regels
      .filter((x) => x.taakveld === t.taakveld && x.planUren && x.uren)
      .map((x) => ({ label: [x.code, x.product].filter(Boolean).join(' '), planUren: x.planUren!, uren: x.uren! })),
  }));
  const uitstelTelling: JaarverslagView['uitstelTelling'] = { 'uitgesteld zoals voorgesteld': 0, 'deels toch uitgevoerd': 0, 'toch uitgevoerd': 0, onbekend: 0 };
  for (const u of a.uitstel) uitstelTelling[u.uitkomst]++;
  const uitstelDelen = [
    [uitstelTelling['uitgesteld zoals voorgesteld'], 'uitgesteld zoals voorgesteld'],
    [uitstelTelling['deels toch uitgevoerd'], 'deels toch uitgevoerd'],
    [uitstelTelling['toch uitgevoerd'], 'toch geheel uitgevoerd'],
    [uitstelTelling.onbekend, 'nog niet bekend'],
  ].filter(([n]) => n) as [number, string][];
  const uitstelZin = !a.uitstel.length
    ? 'geen'
    : `${a.uitstel.length} ${a.uitstel.length === 1 ? 'voorstel' : 'voorstellen'}: ${uitstelDelen.length === 1 ? uitstelDelen[0]![1] : opsomming(uitstelDelen.map(([n, w]) => `${n} ${w}`))}`;
  const verbeterpuntenTelling = { open: 0, 'in uitvoering': 0, afgerond: 0 };
  for (const v of a.verbeterpunten) verbeterpuntenTelling[v.status]++;
  const vooruitblik = [
    ...doelen.filter((d) => d.uitkomst === 'niet behaald').map((d) => `Doel ${d.doel.id} (${d.doel.doel}) is niet behaald: ${d.reden}.`),
    ...doelen.filter((d) => d.uitkomst === 'onbekend').map((d) => `Van doel ${d.doel.id} (${d.doel.doel}) is niet bekend of het is behaald: ${d.reden}.`),
    ...a.verbeterpunten.filter((v) => v.status !== 'afgerond').map((v) => `Verbeterpunt ${v.nr} (${v.verbeterpunt}) is ${v.status}.`),
    ...a.uitstel.filter((u) => u.uitkomst === 'uitgesteld zoals voorgesteld').map((u) => `${[u.code, u.product].filter(Boolean).join(' ')} is uitgesteld; neem het werk op in het volgende programma of leg vast dat het vervalt.`),
  ];
  return {
    titel: a.deel ? `Jaarverslag VTH ${jaar} ${a.deel.omgevingsdienst}, deel ${gemeente}` : `Jaarverslag VTH ${jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    gemeente,
    afkortingen: a.afkortingen,
    jaar,
    vastgesteldOp: a.instellingen.jaarverslagVastgesteldOp,
    teksten: markdownTeksten(a.teksten.perId),
    samenvatting: {
      procentUren: r.totaal.procentUren,
      procentAantal: r.totaal.procentAantal,
      doelenBehaald: doelen.filter((d) => d.uitkomst === 'behaald').length,
      doelenNietBehaald: metStreef.filter((d) => d.uitkomst === 'niet behaald').length,
      doelenOnbekend: metStreef.filter((d) => d.uitkomst === 'onbekend').length,
      doelenMetStreefwaarde: metStreef.length,
      doelenTotaal: doelen.length,
      planUren: r.totaal.planUren,
      urenMetPlan: r.totaal.urenMetPlan,
      urenZonderPlan: r.totaal.urenZonderPlan,
      uren: r.totaal.uren,
    },
    realisatie: { ...r, drempelTekst: `${r.drempel.toDecimalString(2).replace('.', ',')}%` },
    perTaakveld,
    projecten: a.projecten,
    uitstel: a.uitstel,
    capaciteitPerAfdeling: a.capaciteitPerAfdeling,
    capaciteitOordeel: a.capaciteit?.oordeel,
    uitstelTelling,
    uitstelZin,
    doelen: doelen.map((d) => ({
      id: d.doel.id,
      doel: d.doel.doel,
      indicator: d.doel.indicator ?? '',
      streefwaarde: d.doel.streefwaarde?.tekst ?? '',
      waarde: d.waardeTekst,
      uitkomst: d.uitkomst,
      reden: d.reden,
      indicatoren: d.indicatoren.map((x) => ({ indicator: x.indicator.indicator ?? '', streefwaarde: x.indicator.streefwaarde?.tekst ?? '', waarde: x.waardeTekst, uitkomst: x.uitkomst })),
    })),
    tijdigheid: zaken
      ? {
          perProcedure: zaken.resultaat.perProcedure.map((p) => ({
            ...p,
            aandeelTijdig: alsProcent(p.aandeelTijdig),
            termijn: `${weken(TERMIJNEN[p.procedure].dagen)}${TERMIJNEN[p.procedure].verdaging ? `, verdaging ${weken(TERMIJNEN[p.procedure].verdaging)}` : ''}`,
          })),
          totaalTijdig: alsProcent(zaken.resultaat.totaalTijdig),
          totaalTijdigMetOpen: alsProcent(zaken.resultaat.totaalTijdigMetOpen),
          openOverTermijn: zaken.resultaat.openOverTermijn,
          besloten: zaken.resultaat.besloten,
          open: zaken.resultaat.open,
          doelenZin: doelenZin(doelenMetBron(doelen, 'tijdigheid')),
          zaken: zaken.resultaat.zaken,
          bestand: zaken.bestand,
        }
      : undefined,
    naleving: zaken
      ? { ...zaken.resultaat.naleving, spontaan: alsProcent(zaken.resultaat.naleving.spontaan), naHercontrole: alsProcent(zaken.resultaat.naleving.naHercontrole) }
      : undefined,
    verbeterpunten: a.verbeterpunten.map((v: Verbeterpunt) => ({ nr: v.nr, verbeterpunt: v.verbeterpunt, status: v.status, toelichting: v.toelichting ?? '' })),
    verbeterpuntenTelling,
    kwaliteitscriteria: a.kwaliteit?.gebieden.length ? kwaliteitView(a.kwaliteit, gemeente, jaar) : undefined,
    vooruitblik,
    zakenVerantwoording: zaken ? zakenVerantwoording(zaken, r) : undefined,
    nalevingUitResultaten: naleving
      ? {
          perTaakveld: naleving.perTaakveld.map(alsProcentNaleving),
          perProduct: naleving.perProduct.map(alsProcentNaleving),
          hercontroles: hercontroleUitkomst(zaken?.resultaat.naleving.uitHercontroles, doelenMetBron(doelen, 'hercontroles zonder overtreding'), doelenMetBron(doelen, 'naleving na hercontrole')),
        }
      : undefined,
  };
}
