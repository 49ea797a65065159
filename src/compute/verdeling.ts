import { normaliseerKop } from '../model/kolommen.js';
import { Rational } from '../model/rational.js';
import type { Deelnemer, Project, Werkmap } from '../model/types.js';

const HONDERD = Rational.of(100n);

/**
 * The rule for whole hours, stated once for every document that prints shares: exact shares, rounded
 * per regional line by largest remainder so that the deelnemers' whole hours add up to the line's total.
 */
export const AFRONDINGSREGEL =
  'Elk aandeel is exact berekend (regionale uren × de sleutel van de deelnemer) en zo gebruikt in alle totalen. In hele uren is het afgerond met de methode van de grootste rest: iedere deelnemer krijgt eerst het aandeel naar beneden afgerond, en de uren die dan nog over zijn gaan één voor één naar de deelnemers met de grootste afgebroken rest (bij gelijke rest de eerste in het blad Deelnemers). Zo tellen de afgeronde aandelen van alle deelnemers per regel, en per totaal, precies op tot de regionale uren. De afgeronde regels van één deelnemer kunnen daardoor een uur van zijn afgeronde totaal verschillen.';

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

