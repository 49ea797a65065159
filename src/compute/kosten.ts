import { Rational } from '../model/rational.js';
import { urenOnbekend, ZONDER_TAAKVELD, type ProjectUren, type RegelUren, type Vraag } from './vraag.js';

/**
 * Money, PxQ: a line costs aantal × its `prijs` where Producten gives one (a fixed price per product),
 * else its hours × the hourly rate (`uurtarief`: the deelnemer's own, else Instellingen'). A regional
 * share costs its exact hours × the rate. Exact amounts; rounded to cents only when printed. A line
 * whose amount cannot be known (no rate, unknown hours, a price without a count) is counted apart and
 * keeps every total it belongs to a lower bound, never a 0.
 */
export interface RegelKosten {
  bedrag?: Rational;
  bron: 'prijs' | 'tarief' | 'onbekend' | 'geen werk';
}

export interface KostenTotaal {
  naam: string;
  uren: Rational;
  bedrag: Rational;
  /** Lines whose amount is unknown: `bedrag` is then the known part. */
  zonderBedrag: number;
}

export interface Kosten {
  uurtarief?: Rational;
  perRegel: Map<RegelUren, RegelKosten>;
  perProject: Map<ProjectUren, RegelKosten>;
  perTaakveld: KostenTotaal[];
  /** The regional shares (hours × rate). */
  projecten: KostenTotaal;
  totaal: KostenTotaal;
  /** Lines with a fixed price. */
  metPrijs: number;
}

export function regelKosten(r: RegelUren, uurtarief: Rational | undefined): RegelKosten {
  const prijs = r.regel.prijs;
  if (prijs?.soort === 'getal') {
    return r.regel.aantal.soort === 'getal' ? { bedrag: r.regel.aantal.waarde.mul(prijs.waarde), bron: 'prijs' } : { bron: urenOnbekend(r) || r.regel.aantal.soort !== 'geen' ? 'onbekend' : 'geen werk' };
  }
  if (r.uren && uurtarief) return { bedrag: r.uren.mul(uurtarief), bron: 'tarief' };
  if (!r.uren && !urenOnbekend(r)) return { bron: 'geen werk' };
  return { bron: 'onbekend' };
}

function leeg(naam: string): KostenTotaal {
  return { naam, uren: Rational.ZERO, bedrag: Rational.ZERO, zonderBedrag: 0 };
}

function tel(t: KostenTotaal, uren: Rational | undefined, k: RegelKosten): void {
  if (uren) t.uren = t.uren.add(uren);
  if (k.bedrag) t.bedrag = t.bedrag.add(k.bedrag);
  else if (k.bron === 'onbekend') t.zonderBedrag++;
}

/** Undefined when nothing in the werkmap has a price or a rate: the documents then show no money. */
/**
 * Rates that differ per line: an omgevingsdienst's werkmap as a whole charges each line at its
 * deelnemer's rate, and a regional line at the rates of all deelnemers weighted by their keys.
 */
export interface Tarieven {
  regel: (r: RegelUren) => Rational | undefined;
  project: (p: ProjectUren) => Rational | undefined;
  /** Whether any rate is known at all. */
  bekend: boolean;
}

export function berekenKosten(vraag: Vraag, uurtarief: Rational | undefined, altijd = false, tarieven?: Tarieven): Kosten | undefined {
  const metPrijs = vraag.regels.filter((r) => r.regel.prijs?.soort === 'getal').length;
  if (!uurtarief && !tarieven?.bekend && metPrijs === 0 && !altijd) return undefined;
  const perRegel = new Map<RegelUren, RegelKosten>();
  const perTaakveld = new Map<string, KostenTotaal>();
  const totaal = leeg('totaal');
  for (const r of vraag.regels) {
    const k = regelKosten(r, tarieven ? tarieven.regel(r) : uurtarief);
    perRegel.set(r, k);
    const tv = r.regel.taakveld || ZONDER_TAAKVELD;
    const t = perTaakveld.get(tv) ?? leeg(tv);
    tel(t, r.uren, k);
    perTaakveld.set(tv, t);
    tel(totaal, r.uren, k);
  }
  const projecten = leeg('regionale projecten en diensten');
  const perProject = new Map<ProjectUren, RegelKosten>();
  for (const p of vraag.projecten) {
    const k = projectKosten(p, tarieven ? tarieven.project(p) : uurtarief);
    perProject.set(p, k);
    tel(projecten, p.uren, k);
    tel(totaal, p.uren, k);
  }
  return { uurtarief, perRegel, perProject, perTaakveld: [...perTaakveld.values()], projecten, totaal, metPrijs };
}

export function projectKosten(p: ProjectUren, uurtarief: Rational | undefined): RegelKosten {
  if (p.uren && uurtarief) return { bedrag: p.uren.mul(uurtarief), bron: 'tarief' };
  if (!p.uren && p.woord && ['n.v.t.', '-'].includes(p.woord.toLowerCase())) return { bron: 'geen werk' };
  return { bron: p.uren || p.woord ? 'onbekend' : 'geen werk' };
}
