import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Realisatie, Werkmap } from '../model/types.js';
import { ZONDER_AFDELING, ZONDER_TAAKVELD, type Vraag } from './vraag.js';
import type { ZakenResultaat } from './zaken.js';

export type RealisatieBron = 'blad' | 'zaken' | 'beide' | 'geen';

export interface RegelRealisatie {
  code: string;
  product: string;
  taakveld: string;
  afdeling: string;
  planAantal?: Rational;
  planUren?: Rational;
  aantal?: Rational;
  uren?: Rational;
  bron: RealisatieBron;
  /** realised / plan × 100, exact. */
  procentAantal?: Rational;
  procentUren?: Rational;
  afwijking: boolean;
  toelichting?: string;
}

/**
 * One rule for every total: `aantal` and `uren` are everything realised on the lines (so a total is the
 * sum of its lines, and the count equals the cases behind it); the percentages compare like with like,
 * over the lines that have both a plan and a realisation (`planAantal`/`planUren` against
 * `aantalMetPlan`/`urenMetPlan`); what was realised on lines planned without a count or hours is
 * `aantalZonderPlan`/`urenZonderPlan`, shown as its own line.
 */
export interface TaakveldRealisatie {
  taakveld: string;
  planAantal: Rational;
  planUren: Rational;
  aantal: Rational;
  uren: Rational;
  aantalMetPlan: Rational;
  urenMetPlan: Rational;
  aantalZonderPlan: Rational;
  urenZonderPlan: Rational;
  procentAantal?: Rational;
  procentUren?: Rational;
}

export interface PlanRealisatie {
  regels: RegelRealisatie[];
  taakvelden: TaakveldRealisatie[];
  /** Lines beyond the threshold, with or without an explanation. */
  afwijkingen: RegelRealisatie[];
  /** Realisation for codes the programme does not hold. */
  nietGepland: { code: string; aantal?: Rational; uren?: Rational; bron: RealisatieBron }[];
  perAfdeling: { afdeling: string; planUren: Rational; uren: Rational; urenMetPlan: Rational; urenZonderPlan: Rational; procent?: Rational }[];
  totaal: Omit<TaakveldRealisatie, 'taakveld'>;
  /** The lines planned without a count or hours that have a realisation, named for the document. */
  zonderPlan: RegelRealisatie[];
  drempel: Rational;
  /**
   * Per taakveld, whether the case export holds any of its cases. An export often covers one case
   * system (permits) and not another (inspections): a taakveld without cases has realisation
   * "onbekend", not 0, unless the Realisatie sheet gives it. Empty without an export.
   */
  dekking: { taakveld: string; planUren: Rational; zaken: number; gedekt: boolean }[];
  meldingen: Melding[];
}

const HONDERD = Rational.of(100n);
const procent = (deel: Rational | undefined, geheel: Rational | undefined) =>
  deel && geheel && !geheel.isZero() ? deel.mul(HONDERD).div(geheel) : undefined;

/**
 * Plan against realisation per line, per taakveld and per afdeling (a budget report: actual
 * against goal). The Realisatie sheet wins where it and the case export both give a figure.
 * `elders`: upper-case codes realised elsewhere (regional projects), not "gerealiseerd maar niet gepland".
 */
export function vergelijkRealisatie(wm: Werkmap, vraag: Vraag, zaken?: ZakenResultaat, elders: ReadonlySet<string> = new Set()): PlanRealisatie {
  const meldingen: Melding[] = [];
  const drempel = wm.instellingen.afwijkingsdrempel;
  const blad = new Map<string, Realisatie>();
  for (const r of wm.realisatie ?? []) {
    const k = r.code.toUpperCase();
    if (blad.has(k)) meldingen.push(melding('waarschuwing', 'realisatie-dubbel', `code ${r.code} staat twee keer in Realisatie; de eerste telt`, r.plaats));
    else blad.set(k, r);
  }
  const uitZaken = new Map((zaken?.perCode ?? []).map((c) => [c.code.toUpperCase(), c]));
  const gebruikt = new Set<string>();
  const regels: RegelRealisatie[] = [];
  // Coverage: the taakvelden that have at least one case in the export.
  const taakveldVan = (ru: (typeof vraag.regels)[number]) => ru.regel.taakveld || ZONDER_TAAKVELD;
  const zakenPerTaakveld = new Map<string, number>();
  const planPerTaakveld = new Map<string, Rational>();
  const perCodeRegels = new Map<string, (typeof vraag.regels)[number][]>();
  for (const ru of vraag.regels) {
    const tv = taakveldVan(ru);
    planPerTaakveld.set(tv, (planPerTaakveld.get(tv) ?? Rational.ZERO).add(ru.uren ?? Rational.ZERO));
    const k = ru.regel.code?.toUpperCase();
    if (!k) continue;
    const lijst = perCodeRegels.get(k);
    if (lijst) lijst.push(ru);
    else perCodeRegels.set(k, [ru]);
  }
  for (const [k, lijst] of perCodeRegels) {
    const n = uitZaken.get(k)?.aantal ?? 0;
    // A code on two lines of different taakvelden covers both.
    for (const tv of new Set(lijst.map(taakveldVan))) zakenPerTaakveld.set(tv, (zakenPerTaakveld.get(tv) ?? 0) + n);
  }
  const gedekt = (tv: string) => (zakenPerTaakveld.get(tv) ?? 0) > 0;
  const gedeeld = new Set<string>();
  for (const ru of vraag.regels) {
    const r = ru.regel;
    const planAantal = (ru.bron === 'berekend' || ru.bron === 'telling') && r.aantal.soort === 'getal' ? r.aantal.waarde : undefined;
    const base = { code: r.code ?? '', product: r.product, taakveld: r.taakveld || ZONDER_TAAKVELD, afdeling: r.afdeling ?? '', planAantal, planUren: ru.uren };
    const k = r.code?.toUpperCase();
    if (!k) {
      regels.push({ code: base.code, product: base.product, taakveld: base.taakveld, afdeling: base.afdeling, planAantal, planUren: ru.uren, bron: 'geen', afwijking: false });
      continue;
    }
    gebruikt.add(k);
    // A code on several lines: its realisation is split in proportion to the planned hours (equally without them).
    const zelfde = perCodeRegels.get(k) ?? [ru];
    const planSom = Rational.sum(zelfde.map((x) => x.uren ?? Rational.ZERO));
    const deel = zelfde.length === 1 ? Rational.ONE : planSom.isZero() ? Rational.of(1n, BigInt(zelfde.length)) : (ru.uren ?? Rational.ZERO).div(planSom);
    if (zelfde.length > 1 && !gedeeld.has(k)) {
      gedeeld.add(k);
      meldingen.push(
        melding(
          'waarschuwing',
          'code-gedeeld',
          `code ${r.code} staat op ${zelfde.length} regels (rijen ${zelfde.map((x) => x.regel.plaats.rij).join(', ')}); de realisatie van die code is over de regels verdeeld ${planSom.isZero() ? 'in gelijke delen' : 'naar hun geplande uren'} (${zelfde.map((x) => `${planSom.isZero() ? nlGetal(Rational.of(100n, BigInt(zelfde.length)), 1) : nlGetal((x.uren ?? Rational.ZERO).mul(HONDERD).div(planSom), 1)}%`).join(' / ')})`,
          r.plaats,
        ),
      );
    }
    const b = blad.get(k);
    const zRuw = zaken && gedekt(taakveldVan(ru)) ? (uitZaken.get(k) ?? { aantal: 0, uren: Rational.ZERO }) : undefined;
    const z = zRuw ? { aantal: Rational.of(BigInt(zRuw.aantal)).mul(deel), uren: zRuw.uren.mul(deel) } : undefined;
    const bAantal = b?.aantal.soort === 'getal' ? b.aantal.waarde.mul(deel) : undefined;
    const bUren = b?.uren.soort === 'getal' ? b.uren.waarde.mul(deel) : undefined;
    const zAantal = z?.aantal;
    const aantal = bAantal ?? zAantal;
    const uren = bUren ?? z?.uren;
    const bron: RealisatieBron = (bAantal || bUren) && z ? 'beide' : bAantal || bUren ? 'blad' : z ? 'zaken' : 'geen';
    if (bron === 'beide') {
      const verschillen: string[] = [];
      if (bAantal && zAantal && !bAantal.eq(zAantal)) verschillen.push(`aantal ${nlGetal(bAantal)} tegen ${nlGetal(zAantal)}`);
      if (bUren && z && !bUren.eq(z.uren)) verschillen.push(`uren ${nlGetal(bUren)} tegen ${nlGetal(z.uren)}`);
      if (verschillen.length) {
        meldingen.push(
          melding('waarschuwing', 'realisatie-verschil', `${r.code}: Realisatie en de zakenexport verschillen (${verschillen.join('; ')}); de cijfers uit Realisatie tellen`, b!.plaats),
        );
      }
    }
    const procentAantal = procent(aantal, planAantal);
    const procentUren = procent(uren, ru.uren);
    const maat = procentUren ?? procentAantal;
    // Beyond the threshold either way: |realised% − 100| > drempel.
    const afwijking = maat !== undefined && (maat.sub(HONDERD).gt(drempel) || HONDERD.sub(maat).gt(drempel));
    // Written out, not `{ ...base, … }`: V8 copies a spread with undefined fields slowly (1,7 s of 2 s at 100.000 lines).
    regels.push({ code: base.code, product: base.product, taakveld: base.taakveld, afdeling: base.afdeling, planAantal, planUren: ru.uren, aantal, uren, bron, procentAantal, procentUren, afwijking, toelichting: b?.toelichting });
  }
  const nietGepland = [
    ...[...blad].filter(([k]) => !gebruikt.has(k) && !elders.has(k)).map(([, b]) => ({
      code: b.code,
      aantal: b.aantal.soort === 'getal' ? b.aantal.waarde : undefined,
      uren: b.uren.soort === 'getal' ? b.uren.waarde : undefined,
      bron: 'blad' as RealisatieBron,
    })),
    ...[...uitZaken].filter(([k]) => !gebruikt.has(k) && !blad.has(k) && !elders.has(k)).map(([, z]) => ({ code: z.code, aantal: Rational.of(BigInt(z.aantal)), uren: z.uren, bron: 'zaken' as RealisatieBron })),
  ];
  for (const n of nietGepland.filter((x) => x.bron === 'blad')) {
    meldingen.push(melding('waarschuwing', 'realisatie-niet-gepland', `code ${n.code} staat in Realisatie maar niet in het programma`, blad.get(n.code.toUpperCase())!.plaats));
  }
  const metRealisatie = regels.filter((r) => r.bron !== 'geen');
  const tv = new Map<string, TaakveldRealisatie>();
  const leeg = (taakveld: string): TaakveldRealisatie => ({
    taakveld, planAantal: Rational.ZERO, planUren: Rational.ZERO, aantal: Rational.ZERO, uren: Rational.ZERO,
    aantalMetPlan: Rational.ZERO, urenMetPlan: Rational.ZERO, aantalZonderPlan: Rational.ZERO, urenZonderPlan: Rational.ZERO,
  });
  for (const r of metRealisatie) {
    const t = tv.get(r.taakveld) ?? leeg(r.taakveld);
    if (r.aantal) {
      t.aantal = t.aantal.add(r.aantal);
      if (r.planAantal) {
        t.planAantal = t.planAantal.add(r.planAantal);
        t.aantalMetPlan = t.aantalMetPlan.add(r.aantal);
      } else t.aantalZonderPlan = t.aantalZonderPlan.add(r.aantal);
    }
    if (r.uren) {
      t.uren = t.uren.add(r.uren);
      if (r.planUren) {
        t.planUren = t.planUren.add(r.planUren);
        t.urenMetPlan = t.urenMetPlan.add(r.uren);
      } else t.urenZonderPlan = t.urenZonderPlan.add(r.uren);
    }
    tv.set(r.taakveld, t);
  }
  const taakvelden = [...tv.values()].map((t) => ({ ...t, procentAantal: procent(t.aantalMetPlan, t.planAantal), procentUren: procent(t.urenMetPlan, t.planUren) }));
  // Per afdeling by the same rule: every realised hour once; the percentage over the lines with planned hours.
  const afd = new Map<string, { afdeling: string; planUren: Rational; uren: Rational; urenMetPlan: Rational; urenZonderPlan: Rational }>();
  for (const r of metRealisatie) {
    if (!r.uren) continue;
    const a = afd.get(r.afdeling) ?? { afdeling: r.afdeling || ZONDER_AFDELING, planUren: Rational.ZERO, uren: Rational.ZERO, urenMetPlan: Rational.ZERO, urenZonderPlan: Rational.ZERO };
    a.uren = a.uren.add(r.uren);
    if (r.planUren) {
      a.planUren = a.planUren.add(r.planUren);
      a.urenMetPlan = a.urenMetPlan.add(r.uren);
    } else a.urenZonderPlan = a.urenZonderPlan.add(r.uren);
    afd.set(r.afdeling, a);
  }
  const som = (f: (t: TaakveldRealisatie) => Rational) => Rational.sum(taakvelden.map(f));
  const totaal = {
    planAantal: som((t) => t.planAantal),
    planUren: som((t) => t.planUren),
    aantal: som((t) => t.aantal),
    uren: som((t) => t.uren),
    aantalMetPlan: som((t) => t.aantalMetPlan),
    urenMetPlan: som((t) => t.urenMetPlan),
    aantalZonderPlan: som((t) => t.aantalZonderPlan),
    urenZonderPlan: som((t) => t.urenZonderPlan),
  };
  const dekking = zaken
    ? [...planPerTaakveld].map(([taakveld, planUren]) => ({ taakveld, planUren, zaken: zakenPerTaakveld.get(taakveld) ?? 0, gedekt: gedekt(taakveld) }))
    : [];
  for (const d of dekking.filter((x) => !x.gedekt)) {
    meldingen.push(
      melding(
        'waarschuwing',
        'zaken-dekking',
        `de zakenexport bevat geen enkele zaak van ${d.taakveld} (${nlGetal(d.planUren, 0)} geplande uren); de realisatie daarvan is onbekend, niet 0${wm.realisatie ? ', tenzij het blad Realisatie haar geeft' : ''}`,
        { bestand: 'zakenexport' },
      ),
    );
  }
  return {
    regels,
    taakvelden,
    dekking,
    afwijkingen: regels.filter((r) => r.afwijking),
    nietGepland,
    perAfdeling: [...afd.values()].map((a) => ({ ...a, procent: procent(a.urenMetPlan, a.planUren) })),
    totaal: { ...totaal, procentAantal: procent(totaal.aantalMetPlan, totaal.planAantal), procentUren: procent(totaal.urenMetPlan, totaal.planUren) },
    zonderPlan: metRealisatie.filter((r) => (r.uren && !r.planUren) || (r.aantal && !r.planAantal)),
    drempel,
    meldingen,
  };
}

export interface NalevingUitResultaten {
  /** Compliance = 1 − violations / inspections with a result (fractions). */
  perTaakveld: { taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
  perProduct: { code: string; product: string; taakveld: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
}

/** The export's inspection results per product, and summed per taakveld of the programme lines. */
export function nalevingUitResultaten(z: ZakenResultaat, r: PlanRealisatie): NalevingUitResultaten | undefined {
  if (z.nalevingPerCode.length === 0) return undefined;
  const regel = new Map(r.regels.map((x) => [x.code.toUpperCase(), x]));
  const perProduct = z.nalevingPerCode.map((n) => {
    const x = regel.get(n.code.toUpperCase());
    return { code: n.code, product: x?.product ?? '', taakveld: x?.taakveld ?? ZONDER_TAAKVELD, gecontroleerd: n.gecontroleerd, overtredingen: n.overtredingen, naleving: n.naleving };
  });
  const tv = new Map<string, { gecontroleerd: number; overtredingen: number }>();
  for (const p of perProduct) {
    const t = tv.get(p.taakveld) ?? { gecontroleerd: 0, overtredingen: 0 };
    t.gecontroleerd += p.gecontroleerd;
    t.overtredingen += p.overtredingen;
    tv.set(p.taakveld, t);
  }
  return {
    perTaakveld: [...tv].map(([taakveld, t]) => ({ taakveld, ...t, naleving: Rational.ONE.sub(Rational.of(BigInt(t.overtredingen), BigInt(t.gecontroleerd))) })),
    perProduct,
  };
}
