import { normaliseerKop } from '../model/kolommen.js';
import type { Melding } from '../model/melding.js';
import { berekenVraag, type AfwijkendTotaal } from './vraag.js';
import { Rational } from '../model/rational.js';
import type { Deelnemer, Project, ProjectTotaal, Realisatie, Werkmap } from '../model/types.js';

const HONDERD = Rational.of(100n);

/**
 * The rule for whole hours, stated once for every document that prints shares: exact shares, rounded
 * per regional line by largest remainder so that the deelnemers' whole hours add up to the line's total.
 */
export const AFRONDINGSREGEL =
  'Elk aandeel is exact berekend (regionale uren × de sleutel van de deelnemer) en zo gebruikt in alle totalen. In hele uren is het afgerond met de methode van de grootste rest: iedere deelnemer krijgt eerst het aandeel naar beneden afgerond, en de uren die dan nog over zijn gaan één voor één naar de deelnemers met de grootste afgebroken rest (bij gelijke rest de deelnemer die het eerst in de lijst van deelnemers staat). Zo tellen de afgeronde aandelen van alle deelnemers per regel, en per totaal, precies op tot de regionale uren. De afgeronde regels van één deelnemer kunnen daardoor een uur van zijn afgeronde totaal verschillen.';

/**
 * Whole numbers that add up to `totaal` (rounded to a whole number first), each as close to its exact
 * value as largest remainder allows: floors first, the hours left over to the largest remainders,
 * ties to the earlier one. Exact values that sum to a whole `totaal` are never moved by more than one.
 */
export function grootsteRest(exact: readonly Rational[], totaal: Rational): Rational[] {
  const doel = totaal.round(0);
  const basis = exact.map((x) => Rational.of(x.floor()));
  let over = doel.sub(Rational.sum(basis));
  const volgorde = exact.map((x, i) => ({ i, rest: x.sub(basis[i]!) })).sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  const uit = [...basis];
  // With exact shares that add up to the total, `over` lies between 0 and the number of deelnemers.
  for (let k = 0; over.gt(Rational.ZERO) && volgorde.length; k = (k + 1) % volgorde.length) {
    const i = volgorde[k]!.i;
    uit[i] = uit[i]!.add(Rational.ONE);
    over = over.sub(Rational.ONE);
  }
  for (let k = volgorde.length - 1; over.isNegative() && volgorde.length; k = (k - 1 + volgorde.length) % volgorde.length) {
    const i = volgorde[k]!.i;
    uit[i] = uit[i]!.sub(Rational.ONE);
    over = over.add(Rational.ONE);
  }
  return uit;
}

/** A regional line divided over the deelnemers. */
export interface RegionaleRegel {
  project: Project;
  /** The key's name as the document shows it: `verdeelsleutel`, or the Deelnemers column (`inwoners`). */
  sleutel: string;
  /** Per deelnemer (in the order of Deelnemers): its key in percent, its exact hours and whole hours. */
  aandelen: { deelnemer: Deelnemer; procent: Rational; uren?: Rational; afgerond?: Rational }[];
}

/** Each deelnemer's key in percent for a line: its verdeelsleutel, or its part of a key column's sum. */
export function sleutelProcenten(p: Project, wm: Werkmap): { sleutel: string; procenten: Rational[] } | undefined {
  const dn = wm.deelnemers;
  if (!dn) return undefined;
  const s = p.sleutel ? normaliseerKop(p.sleutel) : 'verdeelsleutel';
  if (s === 'verdeelsleutel') {
    if (dn.deelnemers.some((d) => d.verdeelsleutel === undefined)) return undefined;
    return { sleutel: 'verdeelsleutel', procenten: dn.deelnemers.map((d) => d.verdeelsleutel!) };
  }
  const kop = dn.sleutels.find((x) => x.sleutel === s)?.kop;
  const waarden = dn.deelnemers.map((d) => d.sleutels.get(s));
  if (!kop || waarden.some((w) => w === undefined)) return undefined;
  const som = Rational.sum(waarden as Rational[]);
  if (som.isZero()) return undefined;
  return { sleutel: kop, procenten: (waarden as Rational[]).map((w) => w.mul(HONDERD).div(som)) };
}

export function verdeelRegionaal(wm: Werkmap): RegionaleRegel[] {
  const dn = wm.deelnemers?.deelnemers ?? [];
  return (wm.projecten ?? []).map((project) => {
    const k = sleutelProcenten(project, wm);
    const totaal = project.uren.soort === 'getal' ? project.uren.waarde : undefined;
    const exact = k && totaal ? k.procenten.map((p) => totaal.mul(p).div(HONDERD)) : undefined;
    const afgerond = exact && totaal ? grootsteRest(exact, totaal) : undefined;
    return {
      project,
      sleutel: k?.sleutel ?? (project.sleutel || 'verdeelsleutel'),
      aandelen: dn.map((deelnemer, i) => ({ deelnemer, procent: k?.procenten[i] ?? Rational.ZERO, uren: exact?.[i], afgerond: afgerond?.[i] })),
    };
  });
}


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
 * The regional lines as deelnemer `i`'s part sees them: its key as the line's verdeelsleutel, its whole
 * hours as the share to print, and the share the sheet prints for it (a column of its own) to check;
 * the printed total rows with its printed share total (Enschede's 739). The regional totals are the
 * whole table's and are checked once, on the whole; here only the deelnemer's printed shares.
 */
export function deelProjecten(wm: Werkmap, i: number, regionaal: RegionaleRegel[]): { projecten: Project[]; totalen: ProjectTotaal[] } {
  const naam = wm.deelnemers!.deelnemers[i]!.naam.toLowerCase();
  const kopie = new Map<Project, Project>();
  const projecten = regionaal.map((rr) => {
    const a = rr.aandelen[i]!;
    const g = rr.project.aandelenGedrukt?.get(naam);
    const p: Project = { ...rr.project, verdeelsleutel: a.procent, aandeelGedrukt: g?.waarde, aandeelPlaats: g?.plaats, aandeelAfgerond: a.afgerond, sleutel: rr.sleutel, aandelenGedrukt: undefined };
    kopie.set(rr.project, p);
    return p;
  });
  const totalen = (wm.projectTotalen ?? []).flatMap((t): ProjectTotaal[] => {
    const g = t.aandelenGedrukt?.get(naam);
    return g ? [{ ...t, uren: { soort: 'leeg' }, aandeel: g.waarde, aandeelPlaats: g.plaats, aandelenGedrukt: undefined, regels: t.regels.map((p) => kopie.get(p) ?? p) }] : [];
  });
  return { projecten, totalen };
}

/**
 * Deelnemer `i`'s realisation: the rows that name it; and a row without a deelnemer for a regional line
 * (the region's hours on it) divided by that line's key, exactly as its plan, unless the deelnemer
 * reports its own hours on that line. Other rows without a deelnemer belong to no part
 * (`realisatieZonderDeelnemer` says them).
 */
export function deelRealisatie(realisatie: readonly Realisatie[], naam: string, i: number, regionaal: RegionaleRegel[]): Realisatie[] {
  const eigen = naam.toLowerCase();
  const regels = realisatie.filter((r) => r.deelnemer?.toLowerCase() === eigen);
  const eigenCodes = new Set(regels.map((r) => r.code.toUpperCase()));
  const perCode = new Map(regionaal.flatMap((rr) => (rr.project.code ? [[rr.project.code.toUpperCase(), rr] as const] : [])));
  for (const r of realisatie) {
    if (r.deelnemer) continue;
    const rr = perCode.get(r.code.toUpperCase());
    if (!rr || eigenCodes.has(r.code.toUpperCase())) continue;
    const procent = rr.aandelen[i]!.procent;
    regels.push({ ...r, uren: r.uren.soort === 'getal' ? { soort: 'getal', waarde: r.uren.waarde.mul(procent).div(HONDERD), procent: false } : r.uren, aantal: { soort: 'leeg' } });
  }
  return regels;
}

/**
 * The shares Projecten prints per deelnemer (a column per deelnemer, and their totals), checked for the
 * whole as each part checks its own: by the municipality's rule (`berekenVraag`), so that `vth
 * controleer`, `vth capaciteit` and the whole programme say what the parts say.
 */
export function controleerGedrukteAandelen(wm: Werkmap, regionaal: RegionaleRegel[] = verdeelRegionaal(wm)): { meldingen: Melding[]; afwijkend: AfwijkendTotaal[] } {
  const meldingen: Melding[] = [];
  const afwijkend: AfwijkendTotaal[] = [];
  const dn = wm.deelnemers?.deelnemers ?? [];
  if (!dn.length || !(wm.projecten ?? []).some((p) => p.aandelenGedrukt) && !(wm.projectTotalen ?? []).some((t) => t.aandelenGedrukt)) return { meldingen, afwijkend };
  dn.forEach((d, i) => {
    const { projecten, totalen } = deelProjecten(wm, i, regionaal);
    const v = berekenVraag({ projecten, projectTotalen: totalen }, d.naam);
    meldingen.push(...v.meldingen.filter((m) => m.code === 'aandeel-afwijkend' || m.code === 'subtotaal-afwijkend'));
    afwijkend.push(...v.afwijkendeTotalen);
  });
  return { meldingen, afwijkend };
}
