import type { Analyse } from '../compute/controle.js';
import { ZONDER_TAAKVELD } from '../compute/vraag.js';
import { Rational } from '../model/rational.js';
import type { Werkmap } from '../model/types.js';
import { capaciteitView, type CapaciteitView } from './capaciteit.js';
import { meldingenView, tekstenPerSectie, type MeldingenView } from './gedeeld.js';
import { risicoView, type RisicoView } from './risico.js';

export interface ProgrammaRegelView {
  code: string;
  product: string;
  afdeling: string;
  aantal?: Rational;
  kental?: Rational;
  uren?: Rational;
  /** `berekend` (aantal × kental), `vast` (fixed hours) or a no-value word. */
  bron: 'berekend' | 'vast' | 'geen-waarde' | 'onvolledig';
  woord: string;
  wettelijk: boolean;
  prioriteit: string;
}

export interface UvpView extends MeldingenView {
  titel: string;
  gemeente: string;
  jaar: number | string;
  provincie: string;
  vastgesteldOp?: Date;
  teksten: Record<string, string>;
  samenvatting: {
    benodigd: Rational;
    beschikbaar?: Rational;
    saldo?: Rational;
    toereikend?: boolean;
    oordeel: string;
    perKlasse: { klasse: string; aantal: number }[];
    doelenTotaal: number;
    doelenOnvolledig: number;
  };
  risico?: RisicoView;
  /** Chart file names, set by the command that writes them beside the Markdown. */
  risicoGrafiek?: string;
  doelen: {
    rijen: { id: string; thema: string; doel: string; indicator: string; streefwaarde: string; eenheid: string; volledig: boolean }[];
    onvolledig: { id: string; ontbreekt: string }[];
  };
  programma: {
    taakvelden: { taakveld: string; regels: ProgrammaRegelView[]; uren: Rational }[];
    totaalRegels: Rational;
    zonderWaarde: { code: string; product: string; woord: string }[];
    afwijkendeTotalen: { bericht: string; rij?: number }[];
    projecten: { code: string; project: string; soort: string; afdeling: string; regionaal?: Rational; verdeelsleutel?: Rational; uren?: Rational; woord: string }[];
    totaalProjecten: Rational;
    projectenPerSoort: { soort: string; uren: Rational }[];
    totaal: Rational;
  };
  capaciteit?: CapaciteitView;
  capaciteitGrafiek?: string;
}

/** The UVP in document order, from the computations and the user's own texts. No figure is made here. */
export function uvpView(wm: Werkmap, a: Analyse): UvpView {
  const gemeente = wm.instellingen.gemeente ?? '';
  const jaar = wm.instellingen.jaar ?? '';
  const teksten = tekstenPerSectie(wm);

  const risico = a.risico ? risicoView(a.risico) : undefined;
  const capaciteit = a.capaciteit ? capaciteitView(a.capaciteit, a.vraag) : undefined;

  const doelen = (wm.doelen ?? []).map((d) => ({
    id: d.id,
    thema: d.thema ?? '',
    doel: d.doel,
    indicator: d.indicator ?? '',
    streefwaarde: d.streefwaarde?.tekst ?? '',
    eenheid: d.eenheid ?? '',
    volledig: !!d.indicator && !!d.streefwaarde,
  }));
  const onvolledig = (wm.doelen ?? [])
    .filter((d) => !d.indicator || !d.streefwaarde)
    .map((d) => ({ id: d.id, ontbreekt: [!d.indicator ? 'indicator' : '', !d.streefwaarde ? 'streefwaarde' : ''].filter(Boolean).join(' en ') }));

  const perTaakveld = new Map<string, ProgrammaRegelView[]>();
  for (const r of a.vraag.regels) {
    const tv = r.regel.taakveld || ZONDER_TAAKVELD;
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
      wettelijk: r.regel.wettelijk,
      prioriteit: r.regel.prioriteit ?? '',
    });
    perTaakveld.set(tv, lijst);
  }
  const totaalPerTaakveld = new Map(a.vraag.perTaakveld.map((t) => [t.naam, t.uren]));
  const taakvelden = [...perTaakveld].map(([taakveld, regels]) => ({ taakveld, regels, uren: totaalPerTaakveld.get(taakveld) ?? Rational.ZERO }));


  return {
    titel: `Uitvoeringsprogramma VTH ${jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    gemeente,
    jaar,
    provincie: provincieNaam(wm.instellingen.provincie),
    vastgesteldOp: wm.instellingen.uvpVastgesteldOp,
    teksten,
    samenvatting: {
      benodigd: a.vraag.totaal,
      beschikbaar: capaciteit?.totaal.beschikbaar,
      saldo: capaciteit?.totaal.saldo,
      toereikend: capaciteit?.toereikend,
      oordeel: capaciteit?.oordeel ?? 'Er is geen blad Capaciteit: de benodigde uren zijn niet met de beschikbare capaciteit vergeleken.',
      perKlasse: risico?.perKlasseAflopend.map((p) => ({ klasse: p.klasse, aantal: p.aantal })) ?? [],
      doelenTotaal: doelen.length,
      doelenOnvolledig: onvolledig.length,
    },
    risico,
    doelen: { rijen: doelen, onvolledig },
    programma: {
      taakvelden,
      totaalRegels: a.vraag.totaalRegels,
      zonderWaarde: a.vraag.zonderWaarde.map((r) => ({ code: r.regel.code ?? '', product: r.regel.product, woord: r.woord ?? '' })),
      afwijkendeTotalen: a.meldingen
        .filter((m) => m.code === 'subtotaal-afwijkend' || m.code === 'regeltotaal-afwijkend')
        .map((m) => ({ bericht: m.bericht, rij: m.plaats.rij })),
      projecten: a.vraag.projecten.map((p) => ({
        code: p.project.code ?? '',
        project: p.project.project,
        soort: p.project.soort,
        afdeling: p.project.afdeling ?? '',
        regionaal: p.project.uren.soort === 'getal' ? p.project.uren.waarde : undefined,
        verdeelsleutel: p.project.verdeelsleutel,
        uren: p.uren,
        woord: p.woord ?? '',
      })),
      totaalProjecten: a.vraag.totaalProjecten,
      projectenPerSoort: a.vraag.projectenPerSoort.map((p) => ({ soort: p.soort === 'project' ? 'projecten' : 'diensten', uren: p.uren })),
      totaal: a.vraag.totaal,
    },
    capaciteit,
    ...meldingenView(a.meldingen, (m) => m.code === 'regel-zonder-prioriteit'),
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
