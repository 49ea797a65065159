/**
 * The kwaliteitscriteria's kritieke massa per deskundigheidsgebied: who is qualified against the
 * municipality's own adopted norms, and the verdict per area (comply or explain). Pure.
 *
 * A verdict comes only from known facts: an empty norm or an unknown education, experience or hours
 * is never counted as 0 nor as qualified. When the known qualified people already meet the norm the
 * area complies; when only the unknowns could make it comply, it is "niet te beoordelen" with what is
 * missing; otherwise it falls short, explained by a motivation or not.
 */
import { nlGetal } from '../model/getal.js';
import { normaliseerKop } from '../model/kolommen.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { KcNorm, KcOpleiding, KcWaarde, Medewerker, Werkmap } from '../model/types.js';

export const KC_OORDELEN = ['voldoet', 'voldoet niet', 'gemotiveerd afgeweken', 'elders belegd', 'niet te beoordelen'] as const;
export type KcOordeel = (typeof KC_OORDELEN)[number];

/** Why a person does not count as qualified: education, experience or hours in the area. */
export type KcReden = 'opleiding' | 'ervaring' | 'uren';

export interface KcPersoon {
  medewerker: string;
  afdeling?: string;
  opleiding?: KcOpleiding;
  werkervaring?: Rational;
  /** The hours that count: from the case export when it gives them, else as typed. */
  uren?: Rational;
  urenBron: 'export' | 'getypt' | 'onbekend';
  /** Typed hours, when the export's hours count instead. */
  urenGetypt?: Rational;
  status: 'gekwalificeerd' | 'tekort' | 'onbekend';
  /** Each known shortfall, in words. */
  tekort: { reden: KcReden; tekst: string }[];
  /** What is not known about this person (only when nothing known already disqualifies). */
  ontbreekt: string[];
}

export interface KcGebied {
  gebied: string;
  norm: KcNorm;
  /** The area is carried by the municipality itself (not by an omgevingsdienst or samenwerking). */
  eigen: boolean;
  /** The minimum number of qualified people, when known (a fraction rounded up). */
  nodig?: number;
  personen: KcPersoon[];
  gekwalificeerd: number;
  oordeel: KcOordeel;
  /** What is missing for a verdict (only with niet te beoordelen). */
  ontbreekt: string[];
  /** One sentence in plain Dutch, without sheet or column names. */
  reden: string;
  motivering?: string;
}

export interface KcResultaat {
  versie?: string;
  gebieden: KcGebied[];
  telling: Record<KcOordeel, number>;
  /** Findings from comparing the typed hours with the case export's. */
  meldingen: Melding[];
}

/** Hours per person per area from the case export, keyed by `kcSleutel`. */
export interface KcExportUren {
  uren: Map<string, Rational>;
  /** The export's file name, for findings. */
  bron: string;
}

export function kcSleutel(medewerker: string, gebied: string): string {
  return `${normaliseerKop(medewerker)}|${normaliseerKop(gebied)}`;
}

const EIGEN = new Set(['eigen organisatie', 'eigen', 'zelf', 'gemeente', 'eigen gemeente', 'intern']);

export function isEigen(belegdBij: string | undefined, gemeente?: string): boolean {
  if (!belegdBij) return true;
  const k = normaliseerKop(belegdBij);
  return EIGEN.has(k) || (gemeente !== undefined && (k === normaliseerKop(gemeente) || k === `gemeente ${normaliseerKop(gemeente)}`));
}

const HONDERD = Rational.of(100n);

function beoordeelPersoon(m: Medewerker, n: KcNorm, exportUren: KcExportUren | undefined): KcPersoon {
  const uitExport = exportUren?.uren.get(kcSleutel(m.medewerker, m.gebied));
  const uren = uitExport ?? m.uren;
  const urenBron = uitExport !== undefined ? 'export' : m.uren !== undefined ? 'getypt' : 'onbekend';
  const tekort: KcPersoon['tekort'] = [];
  const ontbreekt: string[] = [];
  if (m.opleiding === 'nee') tekort.push({ reden: 'opleiding', tekst: 'heeft de vereiste opleiding niet' });
  else if (m.opleiding === 'in opleiding') tekort.push({ reden: 'opleiding', tekst: 'is nog in opleiding' });
  else if (m.opleiding === undefined) ontbreekt.push('opleiding');
  const toets = (norm: KcWaarde, waarde: Rational | undefined, reden: KcReden, wat: string, eenheid: string) => {
    if (norm.soort === 'geen') return;
    if (norm.soort === 'onbekend') return void ontbreekt.push(`de norm voor ${wat}`);
    if (waarde === undefined) return void ontbreekt.push(wat);
    if (waarde.lt(norm.waarde)) tekort.push({ reden, tekst: `${nlGetal(waarde)} ${eenheid}, de norm is ${nlGetal(norm.waarde)}` });
  };
  toets(n.werkervaring, m.werkervaring, 'ervaring', 'werkervaring', 'jaar werkervaring');
  toets(n.frequentie, uren, 'uren', 'uren in het gebied', `uur in het gebied${urenBron === 'export' ? ' (zakenexport)' : ''}`);
  return {
    medewerker: m.medewerker,
    afdeling: m.afdeling,
    opleiding: m.opleiding,
    werkervaring: m.werkervaring,
    uren,
    urenBron,
    ...(uitExport !== undefined && m.uren !== undefined ? { urenGetypt: m.uren } : {}),
    status: tekort.length ? 'tekort' : ontbreekt.length ? 'onbekend' : 'gekwalificeerd',
    tekort,
    ontbreekt: tekort.length ? [] : ontbreekt,
  };
}

const mensen = (n: number) => `${n} ${n === 1 ? 'medewerker' : 'medewerkers'}`;
const voldoen = (n: number) => `${mensen(n)} ${n === 1 ? 'voldoet' : 'voldoen'}`;

function beoordeelGebied(n: KcNorm, personen: Medewerker[] | undefined, gemeente: string | undefined, exportUren: KcExportUren | undefined): KcGebied {
  const eigen = isEigen(n.belegdBij, gemeente);
  const basis = { gebied: n.gebied, norm: n, eigen, motivering: n.motivering };
  const beoordeeld = (personen ?? []).map((m) => beoordeelPersoon(m, n, exportUren));
  const gekwalificeerd = beoordeeld.filter((p) => p.status === 'gekwalificeerd').length;
  const nodig = n.aantal.soort === 'getal' ? Number(n.aantal.waarde.ceil()) : n.aantal.soort === 'geen' ? 0 : undefined;
  const uit = (oordeel: KcOordeel, reden: string, ontbreekt: string[] = []): KcGebied => ({ ...basis, nodig, personen: beoordeeld, gekwalificeerd, oordeel, ontbreekt, reden });
  if (!eigen) return uit('elders belegd', `Dit gebied is belegd bij ${n.belegdBij}; die organisatie borgt de kritieke massa.`);
  if (nodig === undefined) return uit('niet te beoordelen', 'Het minimum aantal gekwalificeerde medewerkers (de norm) is niet bekend.', ['het minimum aantal gekwalificeerde medewerkers']);
  if (personen === undefined) {
    return uit('niet te beoordelen', `Er zijn ${mensen(nodig)} nodig, maar niet bekend is wie in dit gebied werkt.`, ['de medewerkers in dit gebied met hun opleiding, werkervaring en uren']);
  }
  if (gekwalificeerd >= nodig) {
    return uit('voldoet', nodig === 0 ? 'Er is geen eis aan het aantal medewerkers.' : `${voldoen(gekwalificeerd)} aan de eisen; de norm is ${nodig}.`);
  }
  const onbekend = beoordeeld.filter((p) => p.status === 'onbekend');
  if (gekwalificeerd + onbekend.length >= nodig) {
    // Without names: these words go into the jaarverslag to the raad. Who lacks what is in `personen`.
    const telling = new Map<string, number>();
    for (const p of onbekend) for (const o of p.ontbreekt) telling.set(o, (telling.get(o) ?? 0) + 1);
    const ontbreekt = [...telling].map(([o, n]) => (o.startsWith('de norm') ? o : `${o} van ${mensen(n)}`));
    return uit(
      'niet te beoordelen',
      `${voldoen(gekwalificeerd)} zeker aan de eisen, de norm is ${nodig}; of ${onbekend.length === 1 ? 'de andere medewerker voldoet' : `${onbekend.length} anderen voldoen`}, is niet bekend.`,
      ontbreekt,
    );
  }
  const kort = nodig - gekwalificeerd;
  const tekst = `${beoordeeld.length === 0 ? 'Er werkt niemand in dit gebied' : `${voldoen(gekwalificeerd)} aan de eisen`}; de norm is ${nodig}, er ${kort === 1 ? 'ontbreekt 1' : `ontbreken ${kort}`}.`;
  return n.motivering ? uit('gemotiveerd afgeweken', tekst) : uit('voldoet niet', tekst);
}

/**
 * The verdict per area of sheet Kwaliteitscriteria against sheet Medewerkers; undefined without the
 * former. `export`: hours per person per area from the case export, which count instead of the typed
 * ones; a typed figure that differs by more than the afwijkingsdrempel is a warning at its cell.
 */
export function beoordeelKwaliteit(wm: Werkmap, exportUren?: KcExportUren): KcResultaat | undefined {
  if (!wm.kwaliteitscriteria) return undefined;
  const perGebied = new Map<string, Medewerker[]>();
  for (const m of wm.medewerkers ?? []) {
    const k = normaliseerKop(m.gebied);
    const lijst = perGebied.get(k);
    if (lijst) lijst.push(m);
    else perGebied.set(k, [m]);
  }
  const gebieden = wm.kwaliteitscriteria.map((n) =>
    beoordeelGebied(n, wm.medewerkers ? (perGebied.get(normaliseerKop(n.gebied)) ?? []) : undefined, wm.instellingen.gemeente, exportUren),
  );
  const telling = Object.fromEntries(KC_OORDELEN.map((o) => [o, gebieden.filter((g) => g.oordeel === o).length])) as Record<KcOordeel, number>;
  const meldingen: Melding[] = [];
  if (exportUren) {
    const drempel = wm.instellingen.afwijkingsdrempel;
    for (const m of wm.medewerkers ?? []) {
      const e = exportUren.uren.get(kcSleutel(m.medewerker, m.gebied));
      if (m.uren === undefined) continue;
      const plaats = m.kolomPlaatsen.uren ?? m.plaats;
      if (e === undefined) {
        meldingen.push(melding('melding', 'uren-niet-in-export', `medewerker "${m.medewerker}", gebied "${m.gebied}": de zakenexport ${exportUren.bron} heeft geen uren voor deze persoon in dit gebied; de opgegeven ${nlGetal(m.uren)} uur tellen`, plaats));
        continue;
      }
      const verschil = e.sub(m.uren);
      const abs = verschil.isNegative() ? verschil.neg() : verschil;
      const procent = e.isZero() ? undefined : abs.mul(HONDERD).div(e);
      if (procent === undefined ? !abs.isZero() : procent.gt(drempel)) {
        meldingen.push(
          melding(
            'waarschuwing',
            'uren-wijkt-af-van-export',
            `medewerker "${m.medewerker}", gebied "${m.gebied}": opgegeven ${nlGetal(m.uren)} uur, de zakenexport geeft ${nlGetal(e)} uur${procent ? ` (${nlGetal(procent, 1)}% verschil, drempel ${nlGetal(drempel)}%)` : ''}; de uren uit de export tellen`,
            plaats,
          ),
        );
      }
    }
  }
  return { versie: wm.instellingen.kwaliteitscriteriaVersie, gebieden, telling, meldingen };
}

/**
 * For the verantwoording beside a document: an area short without a motivation, or one that cannot be
 * judged, is said at its row with what to fill in. The document itself names no sheet or column.
 */
export function kcBevindingen(r: KcResultaat): Melding[] {
  return r.gebieden.flatMap((g) =>
    g.oordeel === 'voldoet niet'
      ? [melding('waarschuwing', 'kc-zonder-motivering', `gebied "${g.gebied}" voldoet niet aan de kritieke massa (${g.gekwalificeerd} van ${g.nodig} gekwalificeerd) en heeft geen motivering: vul de kolom motivering (waarom, en wat eraan wordt gedaan)`, g.norm.plaats)]
      : g.oordeel === 'niet te beoordelen'
        ? [melding('waarschuwing', 'kc-niet-te-beoordelen', `gebied "${g.gebied}" is niet te beoordelen; nog onbekend: ${g.ontbreekt.join('; ')}`, g.norm.plaats)]
        : [],
  );
}

/**
 * The case export's hours per person per programme code, turned into hours per person per area by the
 * werkmap's mapping (column `gebied` in Producten, or in Zaaktypen for the code its zaaktype counts on).
 * Hours on codes without an area count for no area; they are totalled, not guessed.
 */
export function kcUrenUitExport(
  perMedewerker: readonly { medewerker: string; code: string; uren: Rational }[],
  wm: Werkmap,
  bron: string,
): { exportUren: KcExportUren; zonderGebied: Rational; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const gebiedVan = new Map<string, { gebied: string; plaats: Melding['plaats'] }>();
  const zet = (code: string, gebied: string | undefined, plaats: Melding['plaats']) => {
    if (!gebied) return;
    const k = code.toUpperCase();
    const eerder = gebiedVan.get(k);
    if (eerder && normaliseerKop(eerder.gebied) !== normaliseerKop(gebied)) {
      meldingen.push(melding('waarschuwing', 'gebied-dubbelzinnig', `code ${code} hoort bij gebied "${eerder.gebied}" en bij "${gebied}"; de uren van de zaken tellen bij "${eerder.gebied}"`, plaats));
      return;
    }
    if (!eerder) gebiedVan.set(k, { gebied, plaats });
  };
  for (const r of wm.producten?.regels ?? []) if (r.code) zet(r.code, r.gebied, r.plaats);
  for (const z of wm.zaaktypen ?? []) zet(z.code, z.gebied, z.plaats);
  const uren = new Map<string, Rational>();
  let zonderGebied = Rational.ZERO;
  for (const m of perMedewerker) {
    const g = gebiedVan.get(m.code.toUpperCase());
    if (!g) {
      zonderGebied = zonderGebied.add(m.uren);
      continue;
    }
    const k = kcSleutel(m.medewerker, g.gebied);
    uren.set(k, (uren.get(k) ?? Rational.ZERO).add(m.uren));
  }
  return { exportUren: { uren, bron }, zonderGebied, meldingen };
}

/** Whether the werkmap maps any code to an area: without it the export's hours say nothing per area. */
export function heeftGebiedKoppeling(wm: Werkmap): boolean {
  return (wm.producten?.regels ?? []).some((r) => r.gebied) || (wm.zaaktypen ?? []).some((z) => z.gebied);
}
