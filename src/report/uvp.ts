import type { Afkorting } from '../model/types.js';
import type { Oordeel } from '../compute/capaciteit.js';
import { prioriteitsgroep, type UvpAnalyse } from '../compute/uvp.js';
import { ZONDER_TAAKVELD, type AfwijkendTotaal, type RegelUren } from '../compute/vraag.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';
import { capaciteitView, type CapaciteitView } from './capaciteit.js';
import { frequentieView, type FrequentieView } from './frequentie.js';
import { dagMaandTekst, markdownTeksten, type MarkdownTekst } from './gedeeld.js';
import { protocolView, type ProtocolView } from './protocol.js';
import { risicoView, type RisicoView } from './risico.js';

export interface ProgrammaRegelView {
  code: string;
  product: string;
  afdeling: string;
  aantal?: Rational;
  kental?: Rational;
  uren?: Rational;
  /** `berekend` (aantal × kental), `vast` (fixed hours), a counted line (`telling`) or a no-value word. */
  bron: RegelUren['bron'];
  woord: string;
  /** The user's own remark on the line, as typed (never vth's notes). */
  opmerking: string;
  wettelijk: boolean;
  /** As written in the column prioriteit (a class, or a risk activity's id or name). */
  prioriteit: string;
  /** The priority class it gives; empty when the line has none. */
  klasse: string;
  /** The group its hours count in (hours per priority): the class, or "(wettelijk,) zonder prioriteit". */
  groep: string;
  /** Its costs, when the programme has money: aantal × its fixed price, or hours × the hourly rate. */
  kosten?: { bron: 'prijs' | 'tarief' | 'onbekend' | 'geen werk'; prijs?: Rational; bedrag?: Rational };
}

export interface UvpView {
  titel: string;
  gemeente: string;
  /** The municipality's own abbreviations; the document's list adds the built-in ones it uses. */
  afkortingen: Afkorting[];
  /** The toezichtprotocol for its annex, when the werkmap has one that gives hours. */
  protocol?: ProtocolView;
  jaar: number | string;
  provincie: string;
  vastgesteldOp?: Date;
  teksten: Record<string, MarkdownTekst>;
  samenvatting: {
    /** Undefined when no line has hours and some have none: unknown, never 0. */
    benodigd?: Rational;
    beschikbaar?: Rational;
    saldo?: Rational;
    /** Per afdeling or executor that is short: a surplus elsewhere does not cover it, so the summary shows these, not the overall saldo. */
    tekorten: { afdeling: string; uren: Rational; tenMinste: boolean }[];
    capaciteitOordeel?: Oordeel;
    /** Lines whose hours are unknown: `benodigd` is then the known part. */
    zonderUren: number;
    oordeel: string;
    perKlasse: { klasse: string; aantal: number }[];
    doelenTotaal: number;
    doelenOnvolledig: number;
    gaten: number;
    uitgesteldUren?: Rational;
  };
  risico?: RisicoView;
  /** Chart file names, set by the command that writes them beside the Markdown. */
  risicoGrafiek?: string;
  doelen: {
    rijen: {
      id: string;
      thema: string;
      doel: string;
      indicator: string;
      streefwaarde: string;
      eenheid: string;
      volledig: boolean;
      /** Every indicator with its target value (a goal may have several). */
      indicatoren: { indicator: string; streefwaarde: string }[];
      /** The programme lines that serve it: "GT.02 Toezicht op slopen met asbest". */
      bijdragen: string[];
      afdelingen: string;
      uren?: Rational;
    }[];
    onvolledig: { id: string; ontbreekt: string }[];
    zonderBijdrage: string[];
  };
  programma: {
    taakvelden: { taakveld: string; regels: ProgrammaRegelView[]; uren?: Rational; zonderUren: number; aantal?: Rational; metOpmerking: boolean }[];
    /** Lines whose hours are unknown in the whole programme. */
    zonderUren: number;
    totaalRegels?: Rational;
    urenPerKlasse: { klasse: string; regels: number; uren: Rational; procent?: Rational }[];
    /** Activities of class hoog and higher without a programme line. */
    gaten: { id: string; activiteit: string; klasse: string; risico: string }[];
    zonderWaarde: { code: string; product: string; woord: string }[];
    afwijkendeTotalen: AfwijkendTotaal[];
    reserveringen: { afdeling: string; omschrijving: string; percentage?: Rational; uren?: Rational }[];
    /** Unknown when a percentage reservation's afdeling has an unknown fte. */
    totaalReserveringen?: Rational;
    projecten: { code: string; project: string; soort: string; afdeling: string; regionaal?: Rational; verdeelsleutel?: Rational; uren?: Rational; woord: string; financiering: string; fase: string; afgerond?: Rational; sleutel: string; kosten?: { bron: 'prijs' | 'tarief' | 'onbekend' | 'geen werk'; bedrag?: Rational } }[];
    /** In a deelnemer's part: the rounding rule and the whole hours per kind and in all (largest remainder). */
    afrondingsregel?: string;
    afgerondRegionaal?: Rational;
    /** Whether any project names its funding or phase: the table then has those columns. */
    metFinanciering: boolean;
    metFase: boolean;
    totaalProjecten: Rational;
    projectenPerSoort: { soort: string; uren: Rational; regionaal: Rational; afgerond?: Rational }[];
    totaalRegionaal: Rational;
    totaal?: Rational;
  };
  /** Costs (PxQ), when the werkmap has an hourly rate or a price per product. */
  kosten?: {
    uurtarief?: Rational;
    metPrijs: number;
    perTaakveld: { taakveld: string; uren: Rational; bedrag: Rational; zonderBedrag: number }[];
    projecten?: { uren: Rational; bedrag: Rational; zonderBedrag: number };
    totaal: { uren: Rational; bedrag: Rational; zonderBedrag: number };
  };
  /** One deelnemer's part of an omgevingsdienst's programme: the omgevingsdienst's name. */
  omgevingsdienst?: string;
  ketenpartners: { extern: { afdeling: string; ingekochteUren?: Rational; benodigd: Rational; saldo?: Rational }[] };
  capaciteit?: CapaciteitView;
  capaciteitGrafiek?: string;
  monitoring: { jaarverslagUiterlijk?: string; uvpUiterlijk?: string; regel: string; volgendJaar: number | string; /** The province's last IBT judgement, as Instellingen states it. */ ibtOordeel?: string };
  afwijkingen: string[];
  verbeterpunten: { nr: string; verbeterpunt: string; status: string; toelichting: string }[];
  /** The adopted KC version and the areas that do not yet comply, with what is planned (their motivation). */
  kwaliteitscriteria?: { versie?: string; gebieden: number; nietVoldaan: { gebied: string; oordeel: string; reden: string; motivering: string }[] };
  /** Inspection frequencies, when the werkmap has Objecten and Frequenties; `gepland`: the objects with a control this year (annex). */
  /** `gepland`: the objects with a control in the year, each with the controls the capacity chapter defers. */
  frequenties?: FrequentieView & { gepland: (FrequentieView['objecten'][number] & { uitgesteld: number })[]; uitgesteld: number; uitgesteldeObjecten: number };
}


/** The UVP in document order, from its analysis and the user's own texts. No figure is made here. */
export function uvpView(a: UvpAnalyse): UvpView {
  const gemeente = a.instellingen.gemeente ?? '';
  const jaar = a.instellingen.jaar ?? '';

  // A total of nothing but lines without hours is unknown, not 0.
  const geenUren = a.vraag.regels.every((r) => !r.uren) && a.vraag.projecten.every((p) => !p.uren) && a.vraag.zonderUren.length > 0;
  const bekendOfNiet = (r: Rational) => (geenUren ? undefined : r);
  const risico = a.risico ? risicoView(a.risico) : undefined;
  const capaciteit = a.capaciteit ? capaciteitView(a.capaciteit, a.vraag) : undefined;

  const doelen = a.doelen.map(({ doel: d, regels, afdelingen, uren }) => ({
    id: d.id,
    thema: d.thema ?? '',
    doel: d.doel,
    indicator: d.indicator ?? '',
    streefwaarde: d.streefwaarde?.tekst ?? '',
    eenheid: d.eenheid ?? '',
    volledig: d.indicatoren.every((x) => x.indicator && x.streefwaarde),
    indicatoren: d.indicatoren.map((x) => ({ indicator: x.indicator ?? '', streefwaarde: x.streefwaarde?.tekst ?? '' })),
    bijdragen: regels.map((r) => [r.regel.code, r.regel.product].filter(Boolean).join(' ')),
    afdelingen: afdelingen.join(', '),
    uren: regels.length ? uren : undefined,
  }));
  const onvolledig = doelen
    .filter((d) => !d.volledig)
    .map((d) => {
      const zonderInd = d.indicatoren.some((x) => !x.indicator);
      const zonderStreef = d.indicatoren.some((x) => !x.streefwaarde);
      return { id: d.id, ontbreekt: [zonderInd ? 'indicator' : '', zonderStreef ? 'streefwaarde' : ''].filter(Boolean).join(' en ') };
    });

  const kostenVan = (r: RegelUren): ProgrammaRegelView['kosten'] => {
    const k = a.kosten?.perRegel.get(r);
    return k ? { bron: k.bron, prijs: k.bron === 'prijs' && r.regel.prijs?.soort === 'getal' ? r.regel.prijs.waarde : undefined, bedrag: k.bedrag } : undefined;
  };
  const perTaakveld = new Map<string, ProgrammaRegelView[]>();
  for (const r of a.vraag.regels) {
    const tv = r.regel.taakveld || ZONDER_TAAKVELD;
    const p = a.prioriteiten.perRegel.get(r.regel);
    const lijst = perTaakveld.get(tv) ?? [];
    lijst.push({
      code: r.regel.code ?? '',
      product: r.regel.product,
      afdeling: r.regel.afdeling ?? '',
      aantal: r.regel.aantal.soort === 'getal' ? r.regel.aantal.waarde : undefined,
      kental: r.regel.kental.soort === 'getal' ? r.regel.kental.waarde : undefined,
      uren: r.uren,
      bron: r.bron,
      woord: r.woord ?? '',
      opmerking: r.regel.opmerking ?? '',
      wettelijk: r.regel.wettelijk,
      prioriteit: r.regel.prioriteit ?? '',
      klasse: p?.gekoppeld ? p.klasse : '',
      groep: prioriteitsgroep(r.regel, p),
      kosten: kostenVan(r),
    });
    perTaakveld.set(tv, lijst);
  }
  const totaalPerTaakveld = new Map(a.vraag.perTaakveld.map((t) => [t.naam, t]));
  const taakvelden = [...perTaakveld].map(([taakveld, regels]) => {
    const t = totaalPerTaakveld.get(taakveld);
    return {
      taakveld,
      regels,
      // The known hours; with lines whose hours are unknown the subtotal says so, never a bare 0.
      uren: t && t.regels > 0 ? t.uren : undefined,
      zonderUren: t?.zonderUren ?? 0,
      /** Σ aantal, shown where the table is counts (a line without kental). */
      aantal: t?.telling ? t.aantal : undefined,
      metOpmerking: regels.some((r) => r.opmerking),
    };
  });


  const frequenties = a.frequenties ? frequentieView(a.frequenties, gemeente) : undefined;
  const afwijkingen: string[] = [];
  if (capaciteit?.oordeel === 'niet toereikend') afwijkingen.push(`${capaciteit.oordeelTekst} Het voorgestelde uitstel staat in het hoofdstuk Capaciteit, onder "Wat we niet doen".`);
  if (capaciteit?.oordeel === 'niet te beoordelen') afwijkingen.push(`${capaciteit.oordeelTekst} Zolang dat zo is, kan niemand zeggen of het geplande werk past.`);
  for (const t of capaciteit?.tekorten ?? []) if (t.restTekst) afwijkingen.push(`${t.afdeling}: ${t.restTekst}`);
  if (a.vraag.zonderWaarde.length) {
    afwijkingen.push(
      `${a.vraag.zonderWaarde.length} ${a.vraag.zonderWaarde.length === 1 ? 'product heeft' : 'producten hebben'} nog geen aantal of uren (${a.vraag.zonderWaarde.map((r) => `${r.regel.code ?? r.regel.product}: ${r.woord}`).join(', ')}); dat werk komt bovenop de geplande uren.`,
    );
  }
  if (a.prioriteitGaten.length) {
    afwijkingen.push(`${a.prioriteitGaten.length} ${a.prioriteitGaten.length === 1 ? 'activiteit' : 'activiteiten'} met een hoge prioriteit ${a.prioriteitGaten.length === 1 ? 'heeft' : 'hebben'} geen werk in het programma (zie hoofdstuk 7): daar wordt niet proactief gecontroleerd.`);
  }
  if (frequenties?.achterstallig.length) afwijkingen.push(`${frequenties.achterstallig.length} ${frequenties.achterstallig.length === 1 ? 'object is' : 'objecten zijn'} bij het begin van het jaar al achterstallig met hun controle (zie Controlefrequenties in hoofdstuk 7).`);
  if (frequenties?.onbekend.length) afwijkingen.push(`${frequenties.onbekend.length} ${frequenties.onbekend.length === 1 ? 'object heeft' : 'objecten hebben'} geen bekende klasse of interval en ${frequenties.onbekend.length === 1 ? 'is' : 'zijn'} daarom niet gepland.`);
  if (capaciteit?.nietToegewezen) afwijkingen.push(`${nlGetal(capaciteit.nietToegewezen, 0)} uur is aan geen afdeling toegewezen en is niet met de capaciteit vergeleken.`);
  const dm = (d: { dag: number; maand: number } | undefined, j: number | undefined) => (d && j ? dagMaandTekst(d, j) : undefined);
  const jaarGetal = typeof jaar === 'number' ? jaar : undefined;

  const od = a.deel?.omgevingsdienst;
  const afgerondSoort = new Map((a.deel?.afgerondPerSoort ?? []).map((x) => [x.soort, x.uren]));
  return {
    titel: od ? `Uitvoeringsprogramma VTH ${jaar} ${od}, deel ${gemeente}` : `Uitvoeringsprogramma VTH ${jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    omgevingsdienst: od,
    gemeente,
    afkortingen: a.afkortingen,
    protocol: a.protocol?.klassen.length && a.toezichtprotocol ? protocolView(a.protocol, a.toezichtprotocol.items, a.toezichtprotocol.klassen, a.niveaus ?? []) : undefined,
    jaar,
    provincie: provincieNaam(a.instellingen.provincie),
    vastgesteldOp: a.instellingen.uvpVastgesteldOp,
    teksten: markdownTeksten(a.teksten.perId),
    samenvatting: {
      benodigd: bekendOfNiet(a.vraag.totaal),
      beschikbaar: capaciteit?.totaal.beschikbaar,
      saldo: capaciteit?.totaal.saldo,
      tekorten: (capaciteit?.tekorten ?? []).map((t) => ({ afdeling: t.afdeling, uren: t.tekort, tenMinste: t.tenMinste })),
      capaciteitOordeel: capaciteit?.oordeel,
      zonderUren: a.vraag.zonderUren.length,
      oordeel:
        capaciteit?.oordeelTekst ??
        (od
          ? `De uren worden uitgevoerd door ${od}; of haar formatie het werk van alle deelnemers samen kan dragen, staat in het programma van ${od} als geheel.`
          : 'De beschikbare capaciteit is niet opgegeven: of die toereikend is, is niet te beoordelen.'),
      perKlasse: risico?.perKlasseAflopend.map((p) => ({ klasse: p.klasse, aantal: p.aantal })) ?? [],
      doelenTotaal: doelen.length,
      doelenOnvolledig: onvolledig.length,
      gaten: a.prioriteitGaten.length,
      uitgesteldUren: a.uitgesteldUren,
    },
    risico,
    doelen: { rijen: doelen, onvolledig, zonderBijdrage: doelen.filter((d) => d.bijdragen.length === 0).map((d) => d.id) },
    programma: {
      taakvelden,
      totaalRegels: bekendOfNiet(a.vraag.totaalRegels),
      zonderUren: a.vraag.zonderUren.length,
      urenPerKlasse: a.urenPerKlasse,
      gaten: a.prioriteitGaten.map((g) => ({ id: g.activiteit.id ?? '', activiteit: g.activiteit.activiteit, klasse: g.klasse, risico: nlGetal(g.risico, a.risico!.model.decimalen.risico, true) })),
      zonderWaarde: a.vraag.zonderWaarde.map((r) => ({ code: r.regel.code ?? '', product: r.regel.product, woord: r.woord ?? '' })),
      afwijkendeTotalen: a.vraag.afwijkendeTotalen,
      reserveringen: a.reserveringen,
      totaalReserveringen: a.totaalReserveringen,
      projecten: a.vraag.projecten.map((p) => ({
        code: p.project.code ?? '',
        project: p.project.project,
        soort: p.project.soort,
        afdeling: p.project.afdeling ?? '',
        regionaal: p.project.uren.soort === 'getal' ? p.project.uren.waarde : undefined,
        verdeelsleutel: p.project.verdeelsleutel,
        uren: p.uren,
        woord: p.woord ?? '',
        financiering: p.project.financiering ?? '',
        fase: p.project.fase ?? '',
        afgerond: p.project.aandeelAfgerond,
        kosten: a.kosten?.perProject.get(p),
        sleutel: p.project.sleutel ?? '',
      })),
      afrondingsregel: a.deel?.afrondingsregel,
      afgerondRegionaal: a.deel?.afgerond,
      totaalProjecten: a.vraag.totaalProjecten,
      projectenPerSoort: a.vraag.projectenPerSoort.map((p) => ({ soort: p.soort === 'project' ? 'projecten' : 'diensten', uren: p.uren, regionaal: p.regionaal, afgerond: afgerondSoort.get(p.soort) })),
      totaalRegionaal: Rational.sum(a.vraag.projectenPerSoort.map((p) => p.regionaal)),
      metFinanciering: a.vraag.projecten.some((p) => p.project.financiering),
      metFase: a.vraag.projecten.some((p) => p.project.fase),
      totaal: bekendOfNiet(a.vraag.totaal),
    },
    kosten: a.kosten
      ? {
          uurtarief: a.kosten.uurtarief,
          metPrijs: a.kosten.metPrijs,
          perTaakveld: a.kosten.perTaakveld.map((t) => ({ taakveld: t.naam, uren: t.uren, bedrag: t.bedrag, zonderBedrag: t.zonderBedrag })),
          // In a deelnemer's part the hours shown are its whole hours by largest remainder, as in chapter 8.
          projecten: a.vraag.projecten.length ? { ...a.kosten.projecten, uren: a.deel?.afgerond ?? a.kosten.projecten.uren } : undefined,
          totaal: a.kosten.totaal,
        }
      : undefined,
    ketenpartners: { extern: capaciteit?.extern ?? [] },
    capaciteit,
    monitoring: {
      jaarverslagUiterlijk: dm(a.monitoring.jaarverslagUiterlijk, jaarGetal !== undefined ? jaarGetal + 1 : undefined),
      uvpUiterlijk: dm(a.monitoring.uvpUiterlijk, jaarGetal !== undefined ? jaarGetal + 1 : undefined),
      regel: a.monitoring.regel,
      volgendJaar: jaarGetal !== undefined ? jaarGetal + 1 : 'het volgende jaar',
      ibtOordeel: a.instellingen.ibtOordeel,
    },
    afwijkingen,
    verbeterpunten: a.verbeterpunten.map((v) => ({ nr: v.nr, verbeterpunt: v.verbeterpunt, status: v.status, toelichting: v.toelichting ?? '' })),
    kwaliteitscriteria: a.kwaliteit?.gebieden.length
      ? {
          versie: a.kwaliteit.versie,
          gebieden: a.kwaliteit.gebieden.length,
          nietVoldaan: a.kwaliteit.gebieden
            .filter((g) => g.oordeel === 'voldoet niet' || g.oordeel === 'gemotiveerd afgeweken' || g.oordeel === 'niet te beoordelen')
            .map((g) => ({ gebied: g.gebied, oordeel: g.oordeel, reden: g.reden, motivering: g.motivering ?? '' })),
        }
      : undefined,
    frequenties: frequenties
      ? (() => {
          const gepland = frequenties.objecten.map((o, i) => ({ ...o, uitgesteld: a.uitgesteldeObjecten.get(a.frequenties!.objecten[i]!) ?? 0 })).filter((o) => o.aantal > 0);
          const uitgesteld = gepland.reduce((s, o) => s + o.uitgesteld, 0);
          return { ...frequenties, gepland, uitgesteld, uitgesteldeObjecten: gepland.filter((o) => o.uitgesteld > 0).length };
        })()
      : undefined,
  };
}

/** "Overijssel" → "de provincie Overijssel"; a name that already says provincie stays as written. */
function provincieNaam(p: string | undefined): string {
  if (!p) return 'de provincie';
  return /^(de )?provincie\b/i.test(p) ? p : `de provincie ${p}`;
}

/** File-name part for a municipality: lower case, accents dropped, anything but letters and digits a hyphen. */
export function bestandsnaamDeel(s: string): string {
  const t = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    // A file name may hold 255 bytes; with "ibt-2025-", a suffix and an extension, 80 leaves room.
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return t || 'gemeente';
}
