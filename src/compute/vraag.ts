import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { groepPrefixen } from '../model/producten.js';
import { Rational } from '../model/rational.js';
import type { Project, ProjectTotaal, ProgrammaRegel, Subtotaal, Werkmap } from '../model/types.js';

/** Hours of one programme line, and where they came from. */
export interface RegelUren {
  regel: ProgrammaRegel;
  /** aantal × kental, or the fixed hours; undefined when the line has no value. */
  uren?: Rational;
  /**
   * `telling`: a counted line (an aantal, no kental and no hours), as many municipal tables are: its
   * count is known, its hours are not.
   */
  bron: 'berekend' | 'vast' | 'geen-waarde' | 'onvolledig' | 'telling';
  /** The no-value word (`PM`, `n.t.b.`, `8 tot 10`) for lines kept out of the sum. */
  woord?: string;
}

export interface ProjectUren {
  project: Project;
  /** Regional hours × verdeelsleutel / 100, exact. */
  uren?: Rational;
  woord?: string;
}

export interface Totaal {
  naam: string;
  /** The hours of the lines whose hours are known. */
  uren: Rational;
  /** Lines with hours. */
  regels: number;
  /** Lines whose hours are unknown (counted lines, PM, n.t.b., a range): `uren` is then a lower bound. */
  zonderUren: number;
  /** Σ aantal over the lines with a numeric aantal, and whether any line is a counted line (a table of counts). */
  aantal: Rational;
  telling: boolean;
}

/** No-value words that mean "no work" rather than "work of unknown size". */
const GEEN_WERK = new Set(['n.v.t.', '-']);

export interface AfwijkendTotaal {
  /** What the total is of, as the table says it ("Totaal benodigde capaciteit", "A1.05.00 Toets …"). */
  omschrijving: string;
  opgegeven: Rational;
  berekend: Rational;
}

/** True when a line is work whose hours nobody knows yet: it keeps every hours verdict open. */
export function urenOnbekend(r: RegelUren): boolean {
  if (r.uren) return false;
  if (r.bron === 'geen-waarde') return !GEEN_WERK.has((r.woord ?? '').toLowerCase());
  return true;
}

export interface Vraag {
  regels: RegelUren[];
  projecten: ProjectUren[];
  perTaakveld: Totaal[];
  perGroep: Totaal[];
  perAfdeling: Totaal[];
  /** Programme lines only. */
  totaalRegels: Rational;
  /** Member's share of regional projects and services. */
  totaalProjecten: Rational;
  /** The same per kind: projects and services apart (6150 × 12,02% and 11700 × 12,02% in the example). */
  projectenPerSoort: { soort: 'project' | 'dienst'; uren: Rational; regionaal: Rational }[];
  totaal: Rational;
  zonderWaarde: RegelUren[];
  /** Printed totals (a total row, a line's total) that differ from the computed figure, for the document. */
  afwijkendeTotalen: AfwijkendTotaal[];
  /** Every line whose hours are unknown (counted lines among them): `totaal` is then a lower bound. */
  zonderUren: RegelUren[];
  meldingen: Melding[];
}

export const ZONDER_AFDELING = '(geen afdeling)';
export const ZONDER_TAAKVELD = '(geen taakveld)';

export function regelUren(regel: ProgrammaRegel, meldingen: Melding[], afwijkend: AfwijkendTotaal[] = []): RegelUren {
  const { aantal, kental, uren } = regel;
  const naam = regel.code ? `${regel.code} ${regel.product}` : regel.product;
  if (aantal.soort === 'getal' && kental.soort === 'getal') {
    const berekend = aantal.waarde.mul(kental.waarde);
    if (uren.soort === 'getal' && !uren.waarde.eq(berekend)) {
      afwijkend.push({ omschrijving: naam, opgegeven: uren.waarde, berekend });
      meldingen.push(
        melding(
          'waarschuwing',
          'regeltotaal-afwijkend',
          `"${naam}": het opgegeven totaal ${nlGetal(uren.waarde)} uur wijkt af van aantal × kental = ${nlGetal(aantal.waarde)} × ${nlGetal(kental.waarde)} = ${nlGetal(berekend)} uur; gerekend wordt met ${nlGetal(berekend)}`,
          regel.kolomPlaatsen.uren ?? regel.plaats,
        ),
      );
    }
    return { regel, uren: berekend, bron: 'berekend' };
  }
  // No aantal × kental, but the uren column holds a number: that is the work (`12;n.v.t.;400` is 400 hours).
  if (uren.soort === 'getal' && aantal.soort !== 'fout' && kental.soort !== 'fout') return { regel, uren: uren.waarde, bron: 'vast' };
  const woord = [aantal, kental, uren].find((w) => w.soort === 'geen');
  if (aantal.soort === 'fout' || kental.soort === 'fout' || uren.soort === 'fout') return { regel, bron: 'onvolledig' };
  if (woord && woord.soort === 'geen') {
    const kolom = woord === aantal ? 'aantal' : woord === kental ? 'kental' : 'uren';
    meldingen.push(
      melding(
        'waarschuwing',
        'uren-geen-waarde',
        `"${naam}" heeft geen uren (${kolom} "${woord.woord}"${uren.soort === 'leeg' ? ', uren leeg' : ''}): de regel staat in het programma maar telt niet mee in de totalen`,
        regel.kolomPlaatsen[kolom] ?? regel.plaats,
      ),
    );
    return { regel, bron: 'geen-waarde', woord: woord.woord };
  }
  // A count without a kental or hours: a counted line, as municipal tables are ("Toezicht nieuwbouw 85").
  if (aantal.soort === 'getal' && kental.soort === 'leeg' && uren.soort === 'leeg') {
    meldingen.push(
      melding('melding', 'regel-telling', `"${naam}" heeft een aantal (${nlGetal(aantal.waarde)}) maar geen kental of uren: de regel telt mee als aantal, de uren zijn onbekend`, regel.kolomPlaatsen.kental ?? regel.plaats),
    );
    return { regel, bron: 'telling' };
  }
  const ontbreekt =
    aantal.soort === 'getal' ? 'kental' : kental.soort === 'getal' ? 'aantal' : 'aantal en kental (of vaste uren)';
  const plaats = ontbreekt === 'kental' ? regel.kolomPlaatsen.kental : ontbreekt === 'aantal' ? regel.kolomPlaatsen.aantal : undefined;
  meldingen.push(
    melding('fout', 'uren-onbekend', `"${naam}" heeft geen ${ontbreekt}: de uren van deze regel zijn onbekend`, plaats ?? regel.plaats),
  );
  return { regel, bron: 'onvolledig' };
}

export function projectUren(p: Project): ProjectUren {
  if (p.uren.soort === 'geen') return { project: p, woord: p.uren.woord };
  if (p.uren.soort !== 'getal' || !p.verdeelsleutel) return { project: p };
  return { project: p, uren: p.uren.waarde.mul(p.verdeelsleutel).div(Rational.of(100n)) };
}

/**
 * What every total row is checked against, built once: running sums over the lines in order and the
 * lines per code group, so that a list with a total under every group stays linear.
 */
interface SubtotaalIndex {
  /** som[i]: the hours of lines 0 … i−1; zonderUren[i]: how many of them have no hours. */
  som: Rational[];
  zonderUren: number[];
  perGroep: Map<string, RegelUren[]>;
}

function subtotaalIndex(regels: RegelUren[]): SubtotaalIndex {
  const som: Rational[] = [Rational.ZERO];
  const zonderUren: number[] = [0];
  const perGroep = new Map<string, RegelUren[]>();
  for (const r of regels) {
    som.push(r.uren ? som[som.length - 1]!.add(r.uren) : som[som.length - 1]!);
    zonderUren.push(zonderUren[zonderUren.length - 1]! + (r.uren ? 0 : 1));
    for (const p of r.regel.code ? groepPrefixen(r.regel.code) : []) {
      const lijst = perGroep.get(p) ?? [];
      lijst.push(r);
      perGroep.set(p, lijst);
    }
  }
  return { som, zonderUren, perGroep };
}

interface Dekking {
  som: Rational;
  eerste?: RegelUren;
  laatste?: RegelUren;
  onvolledig: boolean;
}

function controleerSubtotaal(s: Subtotaal, regels: RegelUren[], index: SubtotaalIndex, meldingen: Melding[], afwijkend: AfwijkendTotaal[]): void {
  // A total row without a number (or with `n.v.t.`) has nothing to check; a misread number was reported.
  if (s.uren.soort !== 'getal') return;
  const opgegeven = s.uren.waarde;
  const lijst = (rs: RegelUren[]): Dekking => ({
    som: Rational.sum(rs.filter((r) => r.uren).map((r) => r.uren!)),
    eerste: rs[0],
    laatste: rs[rs.length - 1],
    onvolledig: rs.some((r) => !r.uren),
  });
  const groep = s.groep ? lijst((index.perGroep.get(s.groep) ?? []).filter((r) => r.regel.volgnummer < s.regelsVoor)) : undefined;
  const sinds = s.regels.length ? lijst(s.regels.map((v) => regels[v]!)) : undefined;
  const b = s.regelsVoor;
  const alles: Dekking = { som: index.som[b]!, eerste: regels[0], laatste: b > 0 ? regels[b - 1] : undefined, onvolledig: index.zonderUren[b]! > 0 };
  // A total closes its group, the lines since the previous total, or (after another total) the whole table.
  const kandidaten = [groep, sinds, alles].filter((k): k is Dekking => k !== undefined);
  if (kandidaten.some((k) => k.som.eq(opgegeven))) return;
  const gedekt = kandidaten[0]!;
  const totaal = gedekt.som;
  const eerste = gedekt.eerste?.regel.plaats.rij;
  const laatste = gedekt.laatste?.regel.plaats.rij;
  const bereik = s.groep ? ` met code ${s.groep}.…` : eerste !== undefined ? ` (rijen ${eerste} t/m ${laatste})` : '';
  const onvolledig = gedekt.onvolledig;
  afwijkend.push({ omschrijving: s.tekst, opgegeven, berekend: totaal });
  meldingen.push(
    melding(
      'waarschuwing',
      'subtotaal-afwijkend',
      `"${s.tekst}": het opgegeven totaal ${nlGetal(opgegeven)} uur wijkt af van de som van de regels${bereik}, ${nlGetal(totaal)} uur (verschil ${nlGetal(opgegeven.sub(totaal))})${onvolledig ? '; niet alle regels hebben uren' : ''}; het opgegeven totaal wordt niet gebruikt`,
      s.plaats,
    ),
  );
}

interface TeGroeperen {
  naam: string;
  uren?: Rational;
  /** The line's hours are unknown (urenOnbekend). */
  onbekend?: boolean;
  aantal?: Rational;
  telling?: boolean;
}

function groepeer(items: TeGroeperen[]): Totaal[] {
  const m = new Map<string, Totaal>();
  for (const i of items) {
    if (!i.uren && !i.onbekend && !i.aantal) continue;
    const t = m.get(i.naam) ?? { naam: i.naam, uren: Rational.ZERO, regels: 0, zonderUren: 0, aantal: Rational.ZERO, telling: false };
    if (i.uren) {
      t.uren = t.uren.add(i.uren);
      t.regels++;
    }
    if (i.onbekend) t.zonderUren++;
    if (i.aantal) t.aantal = t.aantal.add(i.aantal);
    if (i.telling) t.telling = true;
    m.set(i.naam, t);
  }
  return [...m.values()];
}

function teGroeperen(r: RegelUren, naam: string): TeGroeperen {
  return { naam, uren: r.uren, onbekend: urenOnbekend(r), aantal: r.regel.aantal.soort === 'getal' ? r.regel.aantal.waarde : undefined, telling: r.bron === 'telling' };
}

/** Demand: hours per line, per taakveld, group and afdeling; printed totals checked, never added. */
export function berekenVraag(wm: Pick<Werkmap, 'producten' | 'projecten' | 'projectTotalen'>, wie = 'de gemeente'): Vraag {
  const meldingen: Melding[] = [];
  const afwijkendeTotalen: AfwijkendTotaal[] = [];
  const regels = (wm.producten?.regels ?? []).map((r) => regelUren(r, meldingen, afwijkendeTotalen));
  const subtotalen = wm.producten?.subtotalen ?? [];
  // Lines are numbered in order: regels[v] has volgnummer v.
  if (subtotalen.length) {
    if (!regels.every((r, i) => r.regel.volgnummer === i)) throw new Error('programmaregels niet op volgorde genummerd');
    const index = subtotaalIndex(regels);
    for (const s of subtotalen) controleerSubtotaal(s, regels, index, meldingen, afwijkendeTotalen);
  }
  const projecten = (wm.projecten ?? []).map(projectUren);
  controleerProjectAandelen(projecten, wm.projectTotalen ?? [], meldingen, afwijkendeTotalen, wie);
  const zonderWaarde = regels.filter((r) => r.bron === 'geen-waarde');
  const totaalRegels = Rational.sum(regels.filter((r) => r.uren).map((r) => r.uren!));
  const totaalProjecten = Rational.sum(projecten.filter((p) => p.uren).map((p) => p.uren!));
  return {
    regels,
    projecten,
    perTaakveld: groepeer(regels.map((r) => teGroeperen(r, r.regel.taakveld || ZONDER_TAAKVELD))),
    perGroep: groepeer(regels.map((r) => teGroeperen(r, r.regel.productcode?.groep ?? (r.regel.taakveld || ZONDER_TAAKVELD)))),
    perAfdeling: groepeer([
      ...regels.map((r) => teGroeperen(r, r.regel.afdeling ?? ZONDER_AFDELING)),
      ...projecten.map((p) => ({ naam: p.project.afdeling ?? ZONDER_AFDELING, uren: p.uren })),
    ]),
    zonderUren: regels.filter(urenOnbekend),
    totaalRegels,
    totaalProjecten,
    projectenPerSoort: (['project', 'dienst'] as const)
      .filter((soort) => projecten.some((p) => p.project.soort === soort))
      .map((soort) => {
        const van = projecten.filter((p) => p.project.soort === soort);
        return {
          soort,
          uren: Rational.sum(van.filter((p) => p.uren).map((p) => p.uren!)),
          regionaal: Rational.sum(van.flatMap((p) => (p.project.uren.soort === 'getal' ? [p.project.uren.waarde] : []))),
        };
      }),
    totaal: totaalRegels.add(totaalProjecten),
    zonderWaarde,
    afwijkendeTotalen,
    meldingen,
  };
}

export interface AantalVerschillen {
  /** Lines whose aantal differs, with controls and hours in both. */
  regels: { code: string; aantal: Rational; scenarioAantal: Rational; uren: Rational; scenarioUren: Rational }[];
  /** All lines' hours in the scenario less the basis. */
  urenVerschil: Rational;
}

/** Between two demands of the same programme (a scenario against the werkmap): the lines whose aantal changed. */
export function aantalVerschillen(basis: Vraag, scenario: Vraag): AantalVerschillen {
  const voor = new Map(basis.regels.map((r) => [r.regel.volgnummer, r]));
  const regels: AantalVerschillen['regels'] = [];
  for (const r of scenario.regels) {
    const b = voor.get(r.regel.volgnummer);
    if (!b || b.regel.aantal.soort !== 'getal' || r.regel.aantal.soort !== 'getal' || b.regel.aantal.waarde.eq(r.regel.aantal.waarde)) continue;
    regels.push({ code: r.regel.code ?? r.regel.product, aantal: b.regel.aantal.waarde, scenarioAantal: r.regel.aantal.waarde, uren: b.uren ?? Rational.ZERO, scenarioUren: r.uren ?? Rational.ZERO });
  }
  const som = (v: Vraag) => Rational.sum(v.regels.map((r) => r.uren ?? Rational.ZERO));
  return { regels, urenVerschil: som(scenario).sub(som(basis)) };
}

/**
 * A printed share may be rounded to whole hours, line by line or as a total (Enschede prints 739 for
 * 739,23 while its rounded lines add up to 738): either reading passes, anything further off is a
 * warning at the cell. The exact share is what every total uses.
 */
function aandeelKlopt(gedrukt: Rational, exact: Rational, somAfgerond?: Rational): boolean {
  const verschil = gedrukt.sub(exact);
  return (verschil.isNegative() ? verschil.neg() : verschil).lt(Rational.ONE) || (somAfgerond !== undefined && gedrukt.eq(somAfgerond));
}

function controleerProjectAandelen(projecten: ProjectUren[], totalen: ProjectTotaal[], meldingen: Melding[], afwijkend: AfwijkendTotaal[], wie: string): void {
  const perProject = new Map(projecten.map((p) => [p.project, p]));
  for (const p of projecten) {
    const g = p.project.aandeelGedrukt;
    if (g?.soort !== 'getal' || !p.uren || aandeelKlopt(g.waarde, p.uren)) continue;
    meldingen.push(
      melding('waarschuwing', 'aandeel-afwijkend', `"${p.project.project}": het opgegeven aandeel${wie === 'de gemeente' ? '' : ` van ${wie}`} ${nlGetal(g.waarde)} uur wijkt af van ${nlGetal(p.uren)} uur (regionaal ${nlGetal(p.project.uren.soort === 'getal' ? p.project.uren.waarde : Rational.ZERO)} × ${nlGetal(p.project.verdeelsleutel ?? Rational.ZERO)}%); gerekend wordt met ${nlGetal(p.uren)}`, p.project.aandeelPlaats ?? p.project.plaats),
    );
  }
  let gehad: Project[] = [];
  for (const t of totalen) {
    // A total right after another closes everything above it.
    const regels = (t.regels.length ? t.regels : gehad).map((p) => perProject.get(p)).filter((p): p is ProjectUren => p !== undefined);
    gehad = [...gehad, ...t.regels];
    if (t.uren.soort === 'getal') {
      const som = Rational.sum(regels.flatMap((p) => (p.project.uren.soort === 'getal' ? [p.project.uren.waarde] : [])));
      if (!som.eq(t.uren.waarde)) {
        afwijkend.push({ omschrijving: `${t.tekst} (regionaal)`, opgegeven: t.uren.waarde, berekend: som });
        meldingen.push(melding('waarschuwing', 'subtotaal-afwijkend', `"${t.tekst}": het opgegeven regionale totaal ${nlGetal(t.uren.waarde)} uur wijkt af van de som van de regels, ${nlGetal(som)} uur (verschil ${nlGetal(t.uren.waarde.sub(som))}); het opgegeven totaal wordt niet gebruikt`, t.urenPlaats));
      }
    }
    if (t.aandeel.soort === 'getal') {
      const metUren = regels.filter((p) => p.uren);
      const som = Rational.sum(metUren.map((p) => p.uren!));
      // Rounded per line: to whole hours, or an omgevingsdienst's whole hours by largest remainder.
      const somAfgerond = Rational.sum(metUren.map((p) => p.project.aandeelAfgerond ?? p.uren!.round(0)));
      if (!aandeelKlopt(t.aandeel.waarde, som, somAfgerond)) {
        afwijkend.push({ omschrijving: `${t.tekst} (aandeel van ${wie})`, opgegeven: t.aandeel.waarde, berekend: som });
        meldingen.push(melding('waarschuwing', 'subtotaal-afwijkend', `"${t.tekst}": het opgegeven aandeel${wie === 'de gemeente' ? '' : ` van ${wie}`} ${nlGetal(t.aandeel.waarde)} uur wijkt af van de som van de aandelen, ${nlGetal(som)} uur (verschil ${nlGetal(t.aandeel.waarde.sub(som))}); het opgegeven totaal wordt niet gebruikt`, t.aandeelPlaats));
      }
    }
  }
}
