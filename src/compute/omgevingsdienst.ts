import type { Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Deelnemer, Werkmap } from '../model/types.js';
import { berekenKosten } from './kosten.js';
import { analyseerUvp, type UvpAnalyse } from './uvp.js';
import { ZONDER_TAAKVELD } from './vraag.js';
import { AFRONDINGSREGEL, grootsteRest, verdeelRegionaal, type RegionaleRegel } from './verdeling.js';

export { AFRONDINGSREGEL, grootsteRest, sleutelProcenten, verdeelRegionaal, type RegionaleRegel } from './verdeling.js';

/**
 * Per deelnemer its regional hours per kind (projects, services) in whole hours: the exact sums rounded
 * by largest remainder over the deelnemers, so that each kind's column adds up to its regional total.
 * The deelnemer's whole regional share is the sum of its kinds.
 */
export function afgerondPerSoort(regionaal: RegionaleRegel[], aantal: number): { soort: 'project' | 'dienst'; uren: Rational }[][] {
  const uit: { soort: 'project' | 'dienst'; uren: Rational }[][] = Array.from({ length: aantal }, () => []);
  for (const soort of ['project', 'dienst'] as const) {
    const regels = regionaal.filter((r) => r.project.soort === soort && r.aandelen.some((a) => a.uren));
    if (!regionaal.some((r) => r.project.soort === soort)) continue;
    const exact = Array.from({ length: aantal }, (_, i) => Rational.sum(regels.map((r) => r.aandelen[i]!.uren!)));
    const totaal = Rational.sum(regels.map((r) => (r.project.uren as { waarde: Rational }).waarde));
    grootsteRest(exact, totaal).forEach((u, i) => uit[i]!.push({ soort, uren: u }));
  }
  return uit;
}

/**
 * One deelnemer's werkmap: its own lines, the regional lines with its key as verdeelsleutel (and its
 * whole hours by largest remainder as the share to print), its own hourly rate, no capacity (that is
 * the omgevingsdienst's and is judged for the whole). The same analysis and renderers as a single
 * municipality's UVP then make its part. Printed totals of Producten and Projecten are the whole
 * table's and are checked once, on the whole.
 */
export function deelWerkmap(wm: Werkmap, deelnemer: Deelnemer, regionaal: RegionaleRegel[], perSoort = afgerondPerSoort(regionaal, wm.deelnemers!.deelnemers.length)): Werkmap {
  const naam = deelnemer.naam.toLowerCase();
  const regels = (wm.producten?.regels ?? []).filter((r) => r.deelnemer?.toLowerCase() === naam).map((r, i) => ({ ...r, volgnummer: i }));
  const i = wm.deelnemers!.deelnemers.indexOf(deelnemer);
  const projecten = regionaal.map((rr) => {
    const a = rr.aandelen[i]!;
    return { ...rr.project, verdeelsleutel: a.procent, aandeelGedrukt: undefined, aandeelAfgerond: a.afgerond, sleutel: rr.sleutel };
  });
  return {
    ...wm,
    instellingen: { ...wm.instellingen, gemeente: deelnemer.naam, uurtarief: deelnemer.uurtarief ?? wm.instellingen.uurtarief },
    producten: wm.producten ? { regels, subtotalen: [] } : undefined,
    projecten: wm.projecten ? projecten : undefined,
    projectTotalen: [],
    capaciteit: undefined,
    reserveringen: undefined,
    // The object register is the whole region's: planned per code it would give one deelnemer everyone's controls.
    objecten: undefined,
    frequenties: undefined,
    deelnemers: undefined,
    deel: { omgevingsdienst: wm.instellingen.gemeente ?? 'de omgevingsdienst', afrondingsregel: AFRONDINGSREGEL, afgerondPerSoort: perSoort[i]!, afgerond: Rational.sum(perSoort[i]!.map((x) => x.uren)) },
    meldingen: [],
  };
}

export interface DeelnemerDeel {
  deelnemer: Deelnemer;
  werkmap: Werkmap;
  analyse: UvpAnalyse;
}

export interface MatrixRij {
  deelnemer: string;
  uurtarief?: Rational;
  /** Hours and euros per taakveld (in the order of `taakvelden`), of its own lines. */
  perTaakveld: { uren: Rational; zonderUren: number; bedrag?: Rational; zonderBedrag: number }[];
  /** Its exact share of the regional lines, and those in whole hours (largest remainder over the deelnemers). */
  regionaal: Rational;
  regionaalAfgerond: Rational;
  regionaalBedrag?: Rational;
  totaal: Rational;
  bedrag?: Rational;
  zonderUren: number;
  zonderBedrag: number;
}

export interface OmgevingsdienstAnalyse {
  naam: string;
  jaar?: number;
  delen: DeelnemerDeel[];
  regionaal: RegionaleRegel[];
  /** The further key columns of Deelnemers (normalised name and header). */
  sleutels: { sleutel: string; kop: string }[];
  taakvelden: string[];
  matrix: MatrixRij[];
  /** Column totals: the sum of the parts, every one. */
  totaal: MatrixRij;
  /** Whether any money is known (a rate or a price somewhere). */
  metGeld: boolean;
  meldingen: Melding[];
}

/**
 * The omgevingsdienst's programme: every deelnemer's part analysed as a municipality's UVP, and the
 * matrix deelnemer × taakveld summed from those parts (one source of truth per figure: a part's
 * figure is the matrix's cell).
 */
export function analyseerOmgevingsdienst(wm: Werkmap): OmgevingsdienstAnalyse {
  const regionaal = verdeelRegionaal(wm);
  const perSoort = afgerondPerSoort(regionaal, wm.deelnemers?.deelnemers.length ?? 0);
  const delen = (wm.deelnemers?.deelnemers ?? []).map((deelnemer) => {
    const werkmap = deelWerkmap(wm, deelnemer, regionaal, perSoort);
    return { deelnemer, werkmap, analyse: analyseerUvp(werkmap) };
  });
  // Money in one part means money in all: a part without a rate then shows its amounts as unknown.
  const metGeld = delen.some((d) => d.analyse.kosten);
  if (metGeld) for (const d of delen) d.analyse.kosten ??= berekenKosten(d.analyse.vraag, d.werkmap.instellingen.uurtarief, true);
  const taakvelden: string[] = [];
  for (const r of wm.producten?.regels ?? []) {
    const tv = r.taakveld || ZONDER_TAAKVELD;
    if (!taakvelden.includes(tv)) taakvelden.push(tv);
  }
  const matrix: MatrixRij[] = delen.map((d) => {
    const a = d.analyse;
    const perTv = new Map(a.vraag.perTaakveld.map((t) => [t.naam, t]));
    const kosten = new Map((a.kosten?.perTaakveld ?? []).map((t) => [t.naam, t]));
    return {
      deelnemer: d.deelnemer.naam,
      uurtarief: a.kosten?.uurtarief,
      perTaakveld: taakvelden.map((tv) => {
        const k = kosten.get(tv);
        // A taakveld without lines of this deelnemer costs it nothing: € 0, not unknown.
        return { uren: perTv.get(tv)?.uren ?? Rational.ZERO, zonderUren: perTv.get(tv)?.zonderUren ?? 0, bedrag: a.kosten ? (k?.bedrag ?? Rational.ZERO) : undefined, zonderBedrag: k?.zonderBedrag ?? 0 };
      }),
      regionaal: a.vraag.totaalProjecten,
      regionaalAfgerond: d.werkmap.deel!.afgerond,
      regionaalBedrag: a.kosten ? a.kosten.projecten.bedrag : undefined,
      totaal: a.vraag.totaal,
      bedrag: a.kosten?.totaal.bedrag,
      zonderUren: a.vraag.zonderUren.length,
      zonderBedrag: a.kosten ? a.kosten.totaal.zonderBedrag : 0,
    };
  });
  const som = (f: (r: MatrixRij) => Rational | undefined) => Rational.sum(matrix.map((r) => f(r) ?? Rational.ZERO));
  const totaal: MatrixRij = {
    deelnemer: 'Totaal',
    perTaakveld: taakvelden.map((_, j) => ({
      uren: som((r) => r.perTaakveld[j]!.uren),
      zonderUren: matrix.reduce((n, r) => n + r.perTaakveld[j]!.zonderUren, 0),
      bedrag: metGeld ? som((r) => r.perTaakveld[j]!.bedrag) : undefined,
      zonderBedrag: matrix.reduce((n, r) => n + r.perTaakveld[j]!.zonderBedrag, 0),
    })),
    regionaal: som((r) => r.regionaal),
    regionaalAfgerond: som((r) => r.regionaalAfgerond),
    regionaalBedrag: metGeld ? som((r) => r.regionaalBedrag) : undefined,
    totaal: som((r) => r.totaal),
    bedrag: metGeld ? som((r) => r.bedrag) : undefined,
    zonderUren: matrix.reduce((n, r) => n + r.zonderUren, 0),
    zonderBedrag: matrix.reduce((n, r) => n + r.zonderBedrag, 0),
  };
  return {
    naam: wm.instellingen.gemeente ?? '',
    jaar: wm.instellingen.jaar,
    delen,
    regionaal,
    sleutels: wm.deelnemers?.sleutels ?? [],
    taakvelden,
    matrix,
    totaal,
    metGeld,
    meldingen: [],
  };
}
