import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Afdeling, ProgrammaRegel, Werkmap } from '../model/types.js';
import { zoekActiviteiten, type Risicoanalyse, type RisicoUitkomst } from './risico.js';
import { afgerondPerSoort, grootsteRest, verdeelRegionaal } from './verdeling.js';
import { urenOnbekend, type RegelUren, type Vraag } from './vraag.js';

/** What-if settings that do not touch the workbook. */
export interface Scenario {
  /** Per afdeling (lower case): a change (`+1,5`, `-0,5`) or a new value. */
  fte?: Map<string, { delta: boolean; waarde: Rational }>;
  productieveUren?: Rational;
  /** Per afdeling (lower case): replaces its reservations of that kind. */
  reservering?: Map<string, { procent: boolean; waarde: Rational }>;
  /** Months between controls per `klasse|naleefgedrag` (lower case; no naleefgedrag: the class's default), over sheet Frequenties. */
  interval?: Map<string, number>;
}

/**
 * A verdict on capacity is a claim the college signs: `toereikend` and `niet toereikend` only from
 * known figures; `niet te beoordelen` when a figure the verdict needs is missing (and `ontbreekt` says which).
 */
export type Oordeel = 'toereikend' | 'niet toereikend' | 'niet te beoordelen';

/** What an afdeling's (or the whole check's) verdict could not know, in words for the reader. */
export interface Ontbrekend {
  /** Dutch phrase: "de fte van Toezicht (n.t.b.)", "de uren van 4 regels". */
  tekst: string;
  /** The lines whose hours are unknown, where that is what is missing. */
  regels?: RegelUren[];
}

export interface AfdelingSaldo {
  afdeling: string;
  extern: false;
  /** Undefined when the fte is not known (`n.t.b.`): then bruto, beschikbaar and saldo are unknown too. */
  fte?: Rational;
  productieveUrenPerFte: Rational;
  /** Where the productive hours came from. */
  productieveUrenBron: 'afdeling' | 'instellingen' | 'scenario';
  bruto?: Rational;
  /** A percentage reservation of an afdeling whose fte is unknown has unknown hours. */
  reserveringen: { omschrijving: string; percentage?: Rational; uren?: Rational }[];
  /** Sum of the percentage reservations, and of the fixed-hour ones: gereserveerd = bruto × % / 100 + uren. */
  reserveringenProcent: Rational;
  reserveringenUren: Rational;
  gereserveerd?: Rational;
  beschikbaar?: Rational;
  /** Hours of the lines whose hours are known; `zonderUren` lines come on top. */
  benodigd: Rational;
  zonderUren: RegelUren[];
  /** beschikbaar − benodigd over the known hours; with lines without hours an upper bound. */
  saldo?: Rational;
  saldoFte?: Rational;
  oordeel: Oordeel;
  ontbreekt: Ontbrekend[];
}

export interface ExternSaldo {
  afdeling: string;
  extern: true;
  ingekochteUren?: Rational;
  benodigd: Rational;
  zonderUren: RegelUren[];
  saldo?: Rational;
  oordeel: Oordeel;
  ontbreekt: Ontbrekend[];
}

export interface Uitstel {
  regel: ProgrammaRegel;
  afdeling: string;
  /** Instances deferred (whole), or undefined for a fixed-hours line. */
  aantal?: Rational;
  /** Of how many. */
  vanAantal?: Rational;
  uren: Rational;
  geheel: boolean;
  /** An omgevingsdienst's line: the deelnemer whose work is deferred. */
  deelnemer?: string;
  klasse: string;
  risico?: Rational;
  reden: string;
}

export interface AfdelingTekort {
  afdeling: string;
  tekort: Rational;
  /** Lines without hours at this afdeling can only make the shortfall larger: it is "ten minste" this. */
  tenMinste?: boolean;
  uitgesteld: Uitstel[];
  uitgesteldUren: Rational;
  /** Shortfall left after deferring every line that may be deferred: only legally required work remains. */
  rest: Rational;
  /**
   * An omgevingsdienst: the shortfall divided over the deelnemers in proportion to their own products'
   * hours at this afdeling, each part closed from that deelnemer's own lines only.
   */
  perDeelnemer?: { deelnemer: string; benodigd: Rational; tekort: Rational; tekortAfgerond: Rational; uitgesteldUren: Rational; rest: Rational }[];
}

/** An omgevingsdienst's demand per deelnemer: its own products and its exact regional share. */
export interface DeelnemerVraag {
  deelnemer: string;
  regels: Rational;
  /** Its exact share of the regional lines (what every total uses). */
  regionaal: Rational;
  /** That share in whole hours as the documents print it: per kind by largest remainder over the deelnemers. */
  regionaalAfgerond: Rational;
  totaal: Rational;
  zonderUren: number;
}

export interface Capaciteitscheck {
  afdelingen: AfdelingSaldo[];
  extern: ExternSaldo[];
  /** Totals over the municipality's own afdelingen; a sum is unknown when one of its terms is. */
  eigen: { fte?: Rational; bruto?: Rational; gereserveerd?: Rational; beschikbaar?: Rational; benodigd: Rational; saldo?: Rational };
  /** Hours of lines that no afdeling in Capaciteit carries. */
  nietToegewezen: Rational;
  /**
   * Over everything whose capacity is known. `beschikbaar` and `saldo` are undefined when any
   * afdeling's or executor's capacity is unknown; `benodigd` is the known hours, `zonderUren` the rest.
   */
  totaal: { beschikbaar?: Rational; benodigd: Rational; saldo?: Rational; zonderUren: number };
  oordeel: Oordeel;
  /** Everything the overall verdict could not know (empty when it is toereikend or niet toereikend on known figures alone). */
  ontbreekt: Ontbrekend[];
  tekorten: AfdelingTekort[];
  /** Classes lowest first, as used for the deferral order. */
  klassen: string[];
  /** An omgevingsdienst's werkmap: every deelnemer's demand, which together is `totaal.benodigd`. */
  deelnemers?: DeelnemerVraag[];
  meldingen: Melding[];
}

const HONDERD = Rational.of(100n);
/** Without a risk model these words still order lines. */
const STANDAARD_KLASSEN = ['laag', 'midden', 'hoog', 'erg hoog'];
const KLASSE_SYNONIEM: Record<string, string> = { gemiddeld: 'midden', 'zeer hoog': 'erg hoog' };

export interface Prioriteit {
  klasse: string;
  niveau: number;
  risico?: Rational;
  gekoppeld: boolean;
  /** The college raised the linked activity's class (from `van`, with its motivation): deferred last within its class. */
  verhoogd?: { van: string; motivatie?: string };
}

function bepaalPrioriteit(
  regel: ProgrammaRegel,
  risico: Risicoanalyse | undefined,
  klassen: string[],
  klein: readonly string[],
  meldingen: Melding[],
  laagste: Prioriteit,
  gezocht: Prioriteiten['gezocht'],
): Prioriteit {
  const p = regel.prioriteit?.trim();
  if (!p) return laagste;
  const lp = p.toLowerCase();
  const synoniem = KLASSE_SYNONIEM[lp];
  const k = klein.findIndex((x) => x === lp || x === synoniem);
  if (k >= 0) {
    gezocht.nietGezocht.push(p);
    return { klasse: klassen[k]!, niveau: k, gekoppeld: true };
  }
  if (risico) {
    const treffers = zoekActiviteiten(risico, p);
    if (treffers.length === 1) {
      const a = treffers[0]!;
      gezocht.gekoppeld.add(a);
      const niveau = Math.max(0, klassen.indexOf(a.klasse));
      const verhoogd = a.bijgesteld && klassen.indexOf(a.klasseBerekend) < niveau ? { van: a.klasseBerekend, motivatie: a.activiteit.motivatie } : undefined;
      return { klasse: a.klasse, niveau, risico: a.risico, gekoppeld: true, ...(verhoogd ? { verhoogd } : {}) };
    }
    if (treffers.length > 1) {
      meldingen.push(
        melding('waarschuwing', 'prioriteit-dubbelzinnig', `prioriteit "${p}" past bij ${treffers.length} activiteiten in de risicoanalyse; gebruik hun id. De regel telt als laagste klasse`, regel.kolomPlaatsen.prioriteit ?? regel.plaats),
      );
      return laagste;
    }
  }
  meldingen.push(
    melding('waarschuwing', 'prioriteit-onbekend', `prioriteit "${p}" is geen klasse en geen activiteit uit de risicoanalyse; de regel telt als laagste klasse`, regel.kolomPlaatsen.prioriteit ?? regel.plaats),
  );
  return laagste;
}

export interface Prioriteiten {
  /** Classes lowest first: the model's, or the standard words without a model. */
  klassen: string[];
  perRegel: Map<ProgrammaRegel, Prioriteit>;
  /** Unknown or ambiguous priorities, once per line. */
  meldingen: Melding[];
  /**
   * What the lines' priorities were looked up as in the risk analysis, for `hogeZonderRegel`: the
   * activities a line names alone, and the priorities not looked up (a class word), so that no line
   * is looked up twice.
   */
  gezocht: { gekoppeld: Set<RisicoUitkomst>; nietGezocht: string[] };
}

/** Every line's priority, once: the programme shows it, the deferral proposal orders by it. */
export function bepaalPrioriteiten(vraag: Vraag, risico: Risicoanalyse | undefined): Prioriteiten {
  const klassen = risico ? risico.model.klassen.map((k) => k.naam) : STANDAARD_KLASSEN.map((k) => k[0]!.toUpperCase() + k.slice(1));
  const meldingen: Melding[] = [];
  const perRegel = new Map<ProgrammaRegel, Prioriteit>();
  // One record for every line that counts as the lowest class (a priority is never changed).
  const laagste: Prioriteit = Object.freeze({ klasse: klassen[0]!, niveau: 0, gekoppeld: false });
  const gezocht = { gekoppeld: new Set<RisicoUitkomst>(), nietGezocht: [] as string[] };
  // A class word is looked up by its lower case, made once per class, not per line.
  const klein = klassen.map((k) => k.toLowerCase());
  for (const r of vraag.regels) perRegel.set(r.regel, bepaalPrioriteit(r.regel, risico, klassen, klein, meldingen, laagste, gezocht));
  return { klassen, perRegel, meldingen, gezocht };
}

function redenTekst(pr: Prioriteit, deel?: { n: Rational; van: Rational; tekort: Rational; eenheid: string }): string {
  const verhoogd = pr.verhoogd ? `, door het college verhoogd van ${pr.verhoogd.van}${pr.verhoogd.motivatie ? ` (${pr.verhoogd.motivatie})` : ''}` : '';
  const waarom = !pr.gekoppeld
    ? `geen prioriteit gekoppeld: telt als laagste klasse (${pr.klasse})`
    : pr.niveau === 0
      ? `klasse ${pr.klasse}${verhoogd}, de laagste prioriteit${pr.risico ? ` (risico ${nlGetal(pr.risico, 3)})` : ''}`
      : `klasse ${pr.klasse}${verhoogd}${pr.risico ? ` (risico ${nlGetal(pr.risico, 3)})` : ''}; er is geen niet-wettelijk werk met een lagere klasse meer over om uit te stellen${pr.verhoogd ? ', ook niet ander werk van deze klasse' : ''}`;
  const gevolg = pr.niveau === 0 ? '; wordt passief: signalen gebundeld, geen proactieve controles' : '';
  const hoeveel = deel ? `; ${nlGetal(deel.n)} van ${nlGetal(deel.van)}${deel.eenheid} uitgesteld, genoeg voor het resterende tekort van ${nlGetal(deel.tekort)} uur` : '';
  return `Niet wettelijk verplicht; ${waarom}${gevolg}${hoeveel}.`;
}

/**
 * Which lines give when an afdeling is short: never legally required work; lowest class first,
 * within a class the work whose class the college raised last (its choice is respected), then the
 * lowest exact risk first (unscored lines before scored), ties in input order; whole instances,
 * stopping as soon as the gap is closed.
 */
export function stelUitstelVoor(
  afdeling: string,
  tekort: Rational,
  regels: RegelUren[],
  prioriteit: (r: ProgrammaRegel) => Prioriteit,
): AfdelingTekort {
  const kandidaten = regels
    .filter((r) => r.uren && r.uren.gt(Rational.ZERO) && !r.regel.wettelijk)
    .map((r, i) => ({ r, i, p: prioriteit(r.regel) }))
    .sort((a, b) => {
      if (a.p.niveau !== b.p.niveau) return a.p.niveau - b.p.niveau;
      if (!a.p.verhoogd !== !b.p.verhoogd) return a.p.verhoogd ? 1 : -1;
      if (!a.p.risico !== !b.p.risico) return a.p.risico ? 1 : -1;
      if (a.p.risico && b.p.risico) {
        const c = a.p.risico.cmp(b.p.risico);
        if (c !== 0) return c;
      }
      return a.i - b.i;
    });
  let rest = tekort;
  const uitgesteld: Uitstel[] = [];
  for (const { r, p } of kandidaten) {
    if (rest.lte(Rational.ZERO)) break;
    const uren = r.uren!;
    const basis = { regel: r.regel, afdeling, klasse: p.klasse, risico: p.risico };
    if (uren.lte(rest)) {
      const aantal = r.bron === 'berekend' && r.regel.aantal.soort === 'getal' ? r.regel.aantal.waarde : undefined;
      uitgesteld.push({ ...basis, aantal, vanAantal: aantal, uren, geheel: true, reden: redenTekst(p) });
      rest = rest.sub(uren);
      continue;
    }
    if (r.bron === 'berekend' && r.regel.kental.soort === 'getal' && r.regel.aantal.soort === 'getal') {
      const kental = r.regel.kental.waarde;
      const van = r.regel.aantal.waarde;
      const n = Rational.of(rest.div(kental).ceil());
      uitgesteld.push({ ...basis, aantal: n, vanAantal: van, uren: n.mul(kental), geheel: false, reden: redenTekst(p, { n, van, tekort: rest, eenheid: '' }) });
      rest = rest.sub(n.mul(kental));
    } else {
      const u = Rational.of(rest.ceil());
      uitgesteld.push({ ...basis, uren: u, geheel: false, reden: redenTekst(p, { n: u, van: uren, tekort: rest, eenheid: ' uur' }) });
      rest = rest.sub(u);
    }
  }
  return { afdeling, tekort, uitgesteld, uitgesteldUren: Rational.sum(uitgesteld.map((u) => u.uren)), rest: Rational.max(rest, Rational.ZERO) };
}

function productieveUren(a: Afdeling, wm: Werkmap, s: Scenario): { waarde?: Rational; bron: AfdelingSaldo['productieveUrenBron'] } {
  if (s.productieveUren) return { waarde: s.productieveUren, bron: 'scenario' };
  if (a.productieveUrenPerFte) return { waarde: a.productieveUrenPerFte, bron: 'afdeling' };
  return { waarde: wm.instellingen.productieveUrenPerFte, bron: 'instellingen' };
}

/** Sum of figures that may be unknown: unknown when any is. */
export function somBekend(xs: (Rational | undefined)[]): Rational | undefined {
  return xs.every((x) => x !== undefined) ? Rational.sum(xs as Rational[]) : undefined;
}

function regelsTekst(n: number): string {
  return n === 1 ? '1 product' : `${n} producten`;
}

/** The verdict of one afdeling or executor from what is known: a known shortfall stands, unknowns keep the rest open. */
function oordeelVan(saldo: Rational | undefined, ontbreekt: Ontbrekend[]): Oordeel {
  if (saldo && saldo.isNegative()) return 'niet toereikend';
  return saldo && !ontbreekt.length ? 'toereikend' : 'niet te beoordelen';
}

function zonderUrenOntbreekt(naam: string, zonderUren: RegelUren[]): Ontbrekend[] {
  return zonderUren.length ? [{ tekst: `de uren van ${regelsTekst(zonderUren.length)} van ${naam} (${zonderUren.map(regelNaam).join(', ')})`, regels: zonderUren }] : [];
}

export function regelNaam(r: RegelUren): string {
  return r.regel.code ?? r.regel.product;
}

/** The capacity balance per afdeling and, where short, the deferral proposal. Pure. */
export function berekenCapaciteit(wm: Werkmap, vraag: Vraag, scenario: Scenario, prioriteiten: Prioriteiten): Capaciteitscheck {
  const meldingen: Melding[] = [];
  const klassen = prioriteiten.klassen;
  const perAfdeling = new Map(vraag.perAfdeling.map((t) => [t.naam.toLowerCase(), t.uren]));
  const zonderUrenPer = new Map<string, RegelUren[]>();
  for (const r of vraag.zonderUren) {
    const k = (r.regel.afdeling ?? '').toLowerCase();
    zonderUrenPer.set(k, [...(zonderUrenPer.get(k) ?? []), r]);
  }
  const afdelingen: AfdelingSaldo[] = [];
  const extern: ExternSaldo[] = [];
  const bekend = new Set((wm.capaciteit ?? []).map((a) => a.naam.toLowerCase()));
  for (const naam of [...(scenario.fte?.keys() ?? []), ...(scenario.reservering?.keys() ?? [])]) {
    if (!bekend.has(naam)) meldingen.push(melding('fout', 'scenario-afdeling', `scenario noemt afdeling "${naam}", die niet in Capaciteit staat`, { bestand: '(opdrachtregel)' }));
  }
  for (const a of wm.capaciteit ?? []) {
    const sleutel = a.naam.toLowerCase();
    const benodigd = perAfdeling.get(sleutel) ?? Rational.ZERO;
    const zonderUren = zonderUrenPer.get(sleutel) ?? [];
    if (a.extern) {
      const saldo = a.ingekochteUren?.sub(benodigd);
      const ontbreekt = [
        ...(a.ingekochteUren ? [] : [{ tekst: `de ingekochte uren bij ${a.naam} (niet opgegeven)` }]),
        ...zonderUrenOntbreekt(a.naam, zonderUren),
      ];
      extern.push({ afdeling: a.naam, extern: true, ingekochteUren: a.ingekochteUren, benodigd, zonderUren, saldo, oordeel: oordeelVan(saldo, ontbreekt), ontbreekt });
      continue;
    }
    const pu = productieveUren(a, wm, scenario);
    if (!pu.waarde) {
      meldingen.push(
        melding('fout', 'productieve-uren-ontbreekt', `afdeling "${a.naam}": productieve uren per fte ontbreken (vul ze in bij Instellingen of in Capaciteit; er is geen standaardwaarde)`, a.plaats),
      );
      continue;
    }
    let fte = a.fte;
    const f = scenario.fte?.get(sleutel);
    if (f) fte = f.delta ? fte?.add(f.waarde) : f.waarde;
    if (fte?.isNegative()) {
      meldingen.push(melding('fout', 'scenario-fte', `afdeling "${a.naam}": het scenario maakt de fte negatief`, { bestand: '(opdrachtregel)' }));
      fte = Rational.ZERO;
    }
    const bruto = fte?.mul(pu.waarde);
    const sr = scenario.reservering?.get(sleutel);
    const eigen = (wm.reserveringen ?? []).filter((r) => r.afdeling.toLowerCase() === sleutel);
    const reserveringen: AfdelingSaldo['reserveringen'] = [
      ...eigen
        .filter((r) => !sr || (sr.procent ? r.percentage === undefined : r.uren === undefined))
        .flatMap((r) => [
          ...(r.percentage !== undefined ? [{ omschrijving: r.omschrijving, percentage: r.percentage, uren: bruto?.mul(r.percentage).div(HONDERD) }] : []),
          ...(r.uren !== undefined ? [{ omschrijving: r.omschrijving, uren: r.uren }] : []),
        ]),
      ...(sr ? [{ omschrijving: 'scenario', percentage: sr.procent ? sr.waarde : undefined, uren: sr.procent ? bruto?.mul(sr.waarde).div(HONDERD) : sr.waarde }] : []),
    ];
    const gereserveerd = somBekend(reserveringen.map((r) => r.uren));
    const beschikbaar = bruto && gereserveerd ? bruto.sub(gereserveerd) : undefined;
    const saldo = beschikbaar?.sub(benodigd);
    const ontbreekt = [
      ...(fte ? [] : [{ tekst: `de formatie (fte) van ${a.naam}${a.fteOnbekend ? ` ("${a.fteOnbekend}")` : ''}` }]),
      ...zonderUrenOntbreekt(a.naam, zonderUren),
    ];
    afdelingen.push({
      afdeling: a.naam,
      extern: false,
      fte,
      productieveUrenPerFte: pu.waarde,
      productieveUrenBron: pu.bron,
      bruto,
      reserveringen,
      reserveringenProcent: Rational.sum(reserveringen.flatMap((r) => (r.percentage ? [r.percentage] : []))),
      reserveringenUren: Rational.sum(reserveringen.filter((r) => !r.percentage && r.uren).map((r) => r.uren!)),
      gereserveerd,
      beschikbaar,
      benodigd,
      zonderUren,
      saldo,
      saldoFte: saldo?.div(pu.waarde),
      oordeel: oordeelVan(saldo, ontbreekt),
      ontbreekt,
    });
  }
  const nietToegewezen = Rational.sum(vraag.perAfdeling.filter((t) => !bekend.has(t.naam.toLowerCase())).map((t) => t.uren));
  const nietToegewezenZonderUren = vraag.zonderUren.filter((r) => !bekend.has((r.regel.afdeling ?? '').toLowerCase()));
  if (nietToegewezen.gt(Rational.ZERO) && wm.capaciteit) {
    // Said where the hours come from: the programme lines, the regional projects, or both.
    const uitProjecten = Rational.sum(vraag.projecten.filter((p) => p.uren && !bekend.has((p.project.afdeling ?? '').toLowerCase())).map((p) => p.uren!));
    const uitRegels = nietToegewezen.sub(uitProjecten);
    for (const [uren, blad, wat] of [[uitRegels, 'Producten', 'programmaregels'], [uitProjecten, 'Projecten', 'regionale projecten en diensten (kolom afdeling leeg)']] as const) {
      if (!uren.gt(Rational.ZERO)) continue;
      meldingen.push(
        melding('waarschuwing', 'uren-niet-toegewezen', `${nlGetal(uren)} uur van ${wat} is aan geen afdeling of uitvoerder uit Capaciteit toegewezen; of de capaciteit voor die uren toereikend is, is daardoor niet te beoordelen`, { bestand: wm.bladen[blad]?.bestand ?? wm.pad, blad: wm.bladen[blad]?.blad }),
      );
    }
  }

  const prioriteit = (r: ProgrammaRegel) => prioriteiten.perRegel.get(r) ?? { klasse: klassen[0]!, niveau: 0, gekoppeld: false };
  const tekorten: AfdelingTekort[] = [];
  // Only a known shortfall gets a deferral proposal: its size is known even when other lines' hours are not.
  const kort = [
    ...afdelingen.filter((a) => a.oordeel === 'niet toereikend').map((a) => ({ naam: a.afdeling, tekort: a.saldo!.neg(), tenMinste: a.zonderUren.length > 0 })),
    ...extern.filter((e) => e.oordeel === 'niet toereikend').map((e) => ({ naam: e.afdeling, tekort: e.saldo!.neg(), tenMinste: e.zonderUren.length > 0 })),
  ];
  for (const { naam, tekort, tenMinste } of kort) {
    const regels = vraag.regels.filter((r) => (r.regel.afdeling ?? '').toLowerCase() === naam.toLowerCase());
    const t = wm.deelnemers ? uitstelPerDeelnemer(naam, tekort, regels, wm.deelnemers.deelnemers.map((d) => d.naam), prioriteit) : stelUitstelVoor(naam, tekort, regels, prioriteit);
    for (const u of t.uitgesteld) {
      if (!prioriteit(u.regel).gekoppeld && !u.regel.prioriteit) {
        meldingen.push(melding('melding', 'regel-zonder-prioriteit', `"${u.regel.product}" heeft geen prioriteit en telt daarom als laagste klasse bij het uitstellen`, u.regel.kolomPlaatsen.prioriteit ?? u.regel.plaats));
      }
    }
    if (t.rest.gt(Rational.ZERO)) {
      meldingen.push(
        melding('waarschuwing', 'tekort-wettelijk', `${naam}: ook na uitstel van al het niet-wettelijke werk blijft een tekort van ${nlGetal(t.rest)} uur; dat raakt wettelijk verplicht werk, dus er is extra capaciteit nodig`, { bestand: wm.bladen.Capaciteit?.bestand ?? wm.pad, blad: wm.bladen.Capaciteit?.blad }),
      );
    }
    tekorten.push({ ...t, tenMinste });
  }
  const alle = [...afdelingen, ...extern];
  const ontbreekt: Ontbrekend[] = [
    ...alle.flatMap((a) => a.ontbreekt),
    ...(!alle.length ? [{ tekst: 'de capaciteit: er staat geen afdeling of uitvoerder in de capaciteitsopgave' }] : []),
    ...(nietToegewezen.gt(Rational.ZERO) ? [{ tekst: `wie ${nlGetal(nietToegewezen, 0)} uur uitvoert (aan geen afdeling of uitvoerder toegewezen)` }] : []),
    ...(nietToegewezenZonderUren.length ? [{ tekst: `de uren en de uitvoerder van ${regelsTekst(nietToegewezenZonderUren.length)} (${nietToegewezenZonderUren.map(regelNaam).join(', ')})`, regels: nietToegewezenZonderUren }] : []),
  ];
  const oordeel: Oordeel = alle.some((a) => a.oordeel === 'niet toereikend') ? 'niet toereikend' : ontbreekt.length ? 'niet te beoordelen' : 'toereikend';
  const beschikbaar = somBekend([...afdelingen.map((a) => a.beschikbaar), ...extern.map((e) => e.ingekochteUren)]);
  const benodigd = Rational.sum([...afdelingen.map((a) => a.benodigd), ...extern.map((e) => e.benodigd)]);
  return {
    afdelingen,
    extern,
    eigen: {
      fte: somBekend(afdelingen.map((a) => a.fte)),
      bruto: somBekend(afdelingen.map((a) => a.bruto)),
      gereserveerd: somBekend(afdelingen.map((a) => a.gereserveerd)),
      beschikbaar: somBekend(afdelingen.map((a) => a.beschikbaar)),
      benodigd: Rational.sum(afdelingen.map((a) => a.benodigd)),
      saldo: somBekend(afdelingen.map((a) => a.saldo)),
    },
    nietToegewezen,
    totaal: { beschikbaar: alle.length ? beschikbaar : undefined, benodigd, saldo: alle.length ? beschikbaar?.sub(benodigd) : undefined, zonderUren: vraag.zonderUren.length },
    oordeel,
    ontbreekt,
    tekorten,
    klassen,
    deelnemers: wm.deelnemers ? vraagPerDeelnemer(wm, vraag) : undefined,
    meldingen,
  };
}

/**
 * An omgevingsdienst short at an afdeling: the shortfall is divided over the deelnemers in proportion
 * to the known hours of their own products at that afdeling (exact), and each part is closed from that
 * deelnemer's own lines in its own order (never legally required work; lowest class and risk first).
 * One deelnemer's hours are never deferred for another: what a deelnemer cannot defer stays its rest.
 */
function uitstelPerDeelnemer(afdeling: string, tekort: Rational, regels: RegelUren[], deelnemers: string[], prioriteit: (r: ProgrammaRegel) => Prioriteit): AfdelingTekort {
  const van = (d: string) => regels.filter((r) => r.regel.deelnemer?.toLowerCase() === d.toLowerCase());
  const benodigd = deelnemers.map((d) => Rational.sum(van(d).filter((r) => r.uren).map((r) => r.uren!)));
  const som = Rational.sum(benodigd);
  const perDeelnemer: NonNullable<AfdelingTekort['perDeelnemer']> = [];
  const uitgesteld: Uitstel[] = [];
  deelnemers.forEach((d, i) => {
    if (som.isZero() || benodigd[i]!.isZero()) return;
    const deel = tekort.mul(benodigd[i]!).div(som);
    const t = stelUitstelVoor(afdeling, deel, van(d), prioriteit);
    uitgesteld.push(...t.uitgesteld.map((u) => ({ ...u, deelnemer: d })));
    perDeelnemer.push({ deelnemer: d, benodigd: benodigd[i]!, tekort: deel, tekortAfgerond: deel, uitgesteldUren: t.uitgesteldUren, rest: t.rest });
  });
  // The shares in whole hours as every document rounds shares: largest remainder, adding up to the shortfall.
  grootsteRest(perDeelnemer.map((p) => p.tekort), tekort).forEach((u, i) => (perDeelnemer[i]!.tekortAfgerond = u));
  return {
    afdeling,
    tekort,
    uitgesteld,
    uitgesteldUren: Rational.sum(uitgesteld.map((u) => u.uren)),
    rest: som.isZero() ? tekort : Rational.sum(perDeelnemer.map((p) => p.rest)),
    perDeelnemer,
  };
}

/** Each deelnemer's demand on the omgevingsdienst: its own lines and its exact share of every regional line. */
function vraagPerDeelnemer(wm: Werkmap, vraag: Vraag): DeelnemerVraag[] {
  const namen = wm.deelnemers!.deelnemers.map((d) => d.naam);
  const regionaal = verdeelRegionaal(wm);
  const perSoort = afgerondPerSoort(regionaal, namen.length);
  return namen.map((naam, i) => {
    const eigen = vraag.regels.filter((r) => r.regel.deelnemer?.toLowerCase() === naam.toLowerCase());
    const regels = Rational.sum(eigen.filter((r) => r.uren).map((r) => r.uren!));
    const deel = Rational.sum(regionaal.flatMap((r) => (r.aandelen[i]?.uren ? [r.aandelen[i]!.uren!] : [])));
    return { deelnemer: naam, regels, regionaal: deel, regionaalAfgerond: Rational.sum(perSoort[i]!.map((x) => x.uren)), totaal: regels.add(deel), zonderUren: eigen.filter(urenOnbekend).length };
  });
}
