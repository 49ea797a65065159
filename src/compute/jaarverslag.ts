import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import { documentTeksten, type DocumentTeksten } from '../model/teksten.js';
import type { Instellingen, Verbeterpunt, Werkmap, Afkorting } from '../model/types.js';
import type { Capaciteitscheck } from './capaciteit.js';
import { analyseer, type Analyse } from './controle.js';
import { beoordeelDoelen, type DoelResultaat } from './doelen.js';
import { nalevingUitResultaten, vergelijkRealisatie, type NalevingUitResultaten, type PlanRealisatie } from './realisatie.js';
import { ZONDER_AFDELING, type Vraag } from './vraag.js';
import type { ZakenResultaat } from './zaken.js';
import { beoordeelKwaliteit, kcBevindingen, type KcResultaat } from './kwaliteit.js';

/** A regional project or service: the municipality's planned share against the hours it reports as realised. */
export interface ProjectRealisatie {
  code: string;
  project: string;
  soort: 'project' | 'dienst';
  afdeling: string;
  planUren?: Rational;
  /** The no-value word where the plan has no hours (`n.v.t.`: externally financed). */
  woord: string;
  uren?: Rational;
  procent?: Rational;
  toelichting?: string;
}

export type UitstelUitkomst = 'uitgesteld zoals voorgesteld' | 'deels toch uitgevoerd' | 'toch uitgevoerd' | 'onbekend';

/** What became of work the programme proposed to defer. */
export interface UitstelOpvolging {
  code: string;
  product: string;
  afdeling: string;
  klasse: string;
  /** The whole line as planned, and the part proposed for deferral (instances, or hours for a fixed-hours line). */
  planAantal?: Rational;
  uitgesteldAantal?: Rational;
  planUren?: Rational;
  uitgesteldUren: Rational;
  aantal?: Rational;
  uren?: Rational;
  uitkomst: UitstelUitkomst;
  uitleg: string;
}

export interface JaarverslagAnalyse {
  instellingen: Instellingen;
  /** The municipality's own abbreviations (sheet Afkortingen), beside the built-in ones. */
  afkortingen: Afkorting[];
  /** One deelnemer's part of an omgevingsdienst's jaarverslag (Werkmap.deel). */
  deel?: Werkmap['deel'];
  teksten: DocumentTeksten;
  vraag: Vraag;
  capaciteit?: Capaciteitscheck;
  realisatie: PlanRealisatie;
  doelen: DoelResultaat[];
  zaken?: { resultaat: ZakenResultaat; bestand: string };
  naleving?: NalevingUitResultaten;
  /** The share planned, the hours reported, and those as a percentage of the plan of the projects that reported. */
  projecten: { regels: ProjectRealisatie[]; planUren: Rational; uren: Rational; planUrenBekend: Rational; procent?: Rational; zonderRealisatie: number };
  uitstel: UitstelOpvolging[];
  /** Per afdeling: the whole plan as the UVP states it (lines and regional shares), and what is known of its realisation. */
  capaciteitPerAfdeling: AfdelingRealisatie[];
  verbeterpunten: Verbeterpunt[];
  /** The kwaliteitscriteria per area, when the werkmap has them. */
  kwaliteit?: KcResultaat;
  meldingen: Melding[];
}

/**
 * One afdeling's year: `gepland` is the programme's figure (the UVP's, regional shares included), so
 * the two documents never disagree; the percentage compares only the plan whose realisation is known
 * (`planMetRealisatie` against `gerealiseerd`); what was booked on lines planned without hours is apart.
 */
export interface AfdelingRealisatie {
  afdeling: string;
  gepland: Rational;
  planMetRealisatie: Rational;
  gerealiseerd: Rational;
  procent?: Rational;
  zonderPlan: Rational;
}

const HONDERD = Rational.of(100n);

/**
 * The jaarverslag of a werkmap and (optionally) its case export: plan against realisation, regional
 * work, the follow-up of the proposed deferrals, goals, timeliness and compliance, once, as plain data.
 * The IBT check judges from the same analysis (`a`: the werkmap's analysis when the caller has it).
 */
export function analyseerJaarverslag(wm: Werkmap, zaken?: { resultaat: ZakenResultaat; bestand: string }, a: Analyse = analyseer(wm)): JaarverslagAnalyse {
  const teksten = documentTeksten('jaarverslag', wm.teksten, wm.bladen.Teksten, wm.pad);
  const projectCodes = new Set(a.vraag.projecten.flatMap((p) => (p.project.code ? [p.project.code.toUpperCase()] : [])));
  const realisatie = vergelijkRealisatie(wm, a.vraag, zaken?.resultaat, projectCodes);
  const doelen = beoordeelDoelen(wm.doelen ?? [], wm.indicatoren ?? [], zaken?.resultaat);

  const blad = new Map((wm.realisatie ?? []).map((r) => [r.code.toUpperCase(), r] as const));
  const projectMeldingen: Melding[] = [];
  const regels = a.vraag.projecten.map((p): ProjectRealisatie => {
    const r = p.project.code ? blad.get(p.project.code.toUpperCase()) : undefined;
    const uren = r?.uren.soort === 'getal' ? r.uren.waarde : undefined;
    if (r && r.aantal.soort === 'getal' && !uren) {
      projectMeldingen.push(melding('waarschuwing', 'project-zonder-uren', `${r.code} is een regionaal project of dienst: geef de gerealiseerde uren (een aantal telt daar niet)`, r.plaats));
    }
    return {
      code: p.project.code ?? '',
      project: p.project.project,
      soort: p.project.soort,
      afdeling: p.project.afdeling ?? '',
      planUren: p.uren,
      woord: p.woord ?? '',
      uren,
      procent: uren && p.uren && !p.uren.isZero() ? uren.mul(HONDERD).div(p.uren) : undefined,
      toelichting: r?.toelichting,
    };
  });
  const metUren = regels.filter((r) => r.uren);
  const projectUren = Rational.sum(metUren.map((r) => r.uren!));
  const planUrenBekend = Rational.sum(metUren.map((r) => r.planUren ?? Rational.ZERO));
  const projecten = {
    regels,
    planUren: a.vraag.totaalProjecten,
    uren: projectUren,
    planUrenBekend,
    procent: planUrenBekend.isZero() ? undefined : projectUren.mul(HONDERD).div(planUrenBekend),
    zonderRealisatie: regels.length - metUren.length,
  };

  const index = new Map(a.vraag.regels.map((r, i) => [r.regel, i] as const));
  const uitstel = (a.capaciteit?.tekorten ?? []).flatMap((t) =>
    t.uitgesteld.map((u): UitstelOpvolging => {
      const rr = realisatie.regels[index.get(u.regel)!];
      const ru = a.vraag.regels[index.get(u.regel)!];
      const basis = {
        code: u.regel.code ?? '',
        product: u.regel.product,
        afdeling: u.afdeling,
        klasse: u.klasse,
        planAantal: u.vanAantal,
        uitgesteldAantal: u.aantal,
        planUren: ru?.uren,
        uitgesteldUren: u.uren,
        aantal: rr?.aantal,
        uren: rr?.uren,
      };
      return { ...basis, ...opvolging(u.aantal, u.vanAantal, rr?.aantal, u.uren, ru?.uren, rr?.uren) };
    }),
  );

  const capaciteitPerAfdeling = a.vraag.perAfdeling.map((t): AfdelingRealisatie => {
    const regels = realisatie.perAfdeling.find((x) => x.afdeling === t.naam);
    const gemeld = metUren.filter((r) => (r.afdeling || ZONDER_AFDELING) === t.naam);
    const planMetRealisatie = (regels?.planUren ?? Rational.ZERO).add(Rational.sum(gemeld.map((r) => r.planUren ?? Rational.ZERO)));
    const gerealiseerd = (regels?.urenMetPlan ?? Rational.ZERO).add(Rational.sum(gemeld.map((r) => r.uren!)));
    return {
      afdeling: t.naam,
      gepland: t.uren,
      planMetRealisatie,
      gerealiseerd,
      procent: planMetRealisatie.isZero() ? undefined : gerealiseerd.mul(HONDERD).div(planMetRealisatie),
      zonderPlan: regels?.urenZonderPlan ?? Rational.ZERO,
    };
  });

  const kwaliteit = beoordeelKwaliteit(wm);
  return {
    instellingen: wm.instellingen,
    afkortingen: wm.afkortingen ?? [],
    deel: wm.deel,
    teksten,
    vraag: a.vraag,
    capaciteit: a.capaciteit,
    realisatie,
    doelen: doelen.doelen,
    zaken,
    naleving: zaken ? nalevingUitResultaten(zaken.resultaat, realisatie) : undefined,
    projecten,
    uitstel,
    capaciteitPerAfdeling,
    verbeterpunten: wm.verbeterpunten ?? [],
    kwaliteit,
    meldingen: [...a.meldingen, ...realisatie.meldingen, ...doelen.meldingen, ...projectMeldingen, ...teksten.meldingen, ...(kwaliteit ? kcBevindingen(kwaliteit) : [])],
  };
}

/** Held or not: by instances where the deferral was in instances, else by hours. */
function opvolging(
  uitgesteld: Rational | undefined,
  van: Rational | undefined,
  gedaan: Rational | undefined,
  uitgesteldUren: Rational,
  planUren: Rational | undefined,
  gedaanUren: Rational | undefined,
): { uitkomst: UitstelUitkomst; uitleg: string } {
  const [deel, geheel, echt, eenheid] = uitgesteld && van ? [uitgesteld, van, gedaan, ''] : [uitgesteldUren, planUren, gedaanUren, ' uur'];
  if (!geheel || !echt) return { uitkomst: 'onbekend', uitleg: 'de realisatie van deze regel is niet bekend' };
  const ruimte = geheel.sub(deel);
  const f = (r: Rational) => `${nlGetal(r)}${eenheid}`;
  if (!echt.gt(ruimte)) return { uitkomst: 'uitgesteld zoals voorgesteld', uitleg: `gerealiseerd ${f(echt)}, binnen de ${f(ruimte)} die na uitstel overbleef` };
  if (!echt.lt(geheel)) return { uitkomst: 'toch uitgevoerd', uitleg: `gerealiseerd ${f(echt)} van ${f(geheel)}; het uitgestelde werk is alsnog gedaan` };
  return { uitkomst: 'deels toch uitgevoerd', uitleg: `gerealiseerd ${f(echt)}: ${f(echt.sub(ruimte))} van de ${f(deel)} uitgestelde toch gedaan` };
}
