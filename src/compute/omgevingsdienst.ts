import { melding, rijBereiken, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Deelnemer, Werkmap } from '../model/types.js';
import { berekenKosten } from './kosten.js';
import { analyseerUvp, type UvpAnalyse } from './uvp.js';
import { ZONDER_TAAKVELD } from './vraag.js';
import { AFRONDINGSREGEL, afgerondPerSoort, deelProjecten, deelRealisatie, verdeelRegionaal, type RegionaleRegel } from './verdeling.js';

export { AFRONDINGSREGEL, afgerondPerSoort, grootsteRest, sleutelProcenten, verdeelRegionaal, type RegionaleRegel } from './verdeling.js';

/**
 * One deelnemer's werkmap: its own lines, the regional lines with its key as verdeelsleutel (and its
 * whole hours by largest remainder as the share to print), its own hourly rate, no capacity (that is
 * the omgevingsdienst's and is judged for the whole). The same analysis and renderers as a single
 * municipality's UVP then make its part: its own objects and realisation (column deelnemer in
 * Objecten and Realisatie) included. Printed totals of Producten and the regional totals of Projecten
 * are the whole table's and are checked once, on the whole; the shares Projecten prints for this
 * deelnemer (a column of its own, and its total, Enschede's 739) are checked in its part.
 */
export function deelWerkmap(wm: Werkmap, deelnemer: Deelnemer, regionaal: RegionaleRegel[], perSoort = afgerondPerSoort(regionaal, wm.deelnemers!.deelnemers.length)): Werkmap {
  const naam = deelnemer.naam.toLowerCase();
  const regels = (wm.producten?.regels ?? []).filter((r) => r.deelnemer?.toLowerCase() === naam).map((r, i) => ({ ...r, volgnummer: i }));
  const i = wm.deelnemers!.deelnemers.indexOf(deelnemer);
  const { projecten, totalen } = deelProjecten(wm, i, regionaal);
  return {
    ...wm,
    instellingen: { ...wm.instellingen, gemeente: deelnemer.naam, uurtarief: deelnemer.uurtarief ?? wm.instellingen.uurtarief },
    producten: wm.producten ? { regels, subtotalen: [] } : undefined,
    projecten: wm.projecten ? projecten : undefined,
    projectTotalen: totalen,
    capaciteit: undefined,
    reserveringen: undefined,
    // Its own objects (column deelnemer in Objecten) planned on its own lines; a deelnemer with none in
    // the register has no register chapter, not an empty one.
    objecten: eigenObjecten(wm, naam),
    realisatie: wm.realisatie ? deelRealisatie(wm.realisatie, deelnemer.naam, i, regionaal) : undefined,
    deelnemers: undefined,
    deel: { omgevingsdienst: wm.instellingen.gemeente ?? 'de omgevingsdienst', afrondingsregel: AFRONDINGSREGEL, afgerondPerSoort: perSoort[i]!, afgerond: Rational.sum(perSoort[i]!.map((x) => x.uren)) },
    meldingen: [],
  };
}

function eigenObjecten(wm: Werkmap, naam: string) {
  const eigen = wm.objecten?.filter((o) => o.deelnemer?.toLowerCase() === naam);
  return eigen?.length ? eigen : undefined;
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

const rijSleutel = (p: Melding['plaats']) => `${p.bestand}|${p.blad}|${p.rij}`;

/**
 * Whose row it is: every row of Producten, Objecten and Realisatie by its place, to the deelnemer it
 * names (lower case; '' when it names none or an unknown one). A finding at such a row belongs to
 * that deelnemer: it costs that part, not another's. `van(m)` is undefined for a finding at no such row.
 */
export function deelnemerVanRij(wm: Werkmap): (m: Melding) => string | undefined {
  const namen = new Set((wm.deelnemers?.deelnemers ?? []).map((d) => d.naam.toLowerCase()));
  const rijVan = new Map<string, string>();
  const zet = (plaats: Melding['plaats'], deelnemer: string | undefined) => {
    const d = deelnemer?.toLowerCase() ?? '';
    rijVan.set(rijSleutel(plaats), namen.has(d) ? d : '');
  };
  for (const r of wm.producten?.regels ?? []) zet(r.plaats, r.deelnemer);
  for (const o of wm.objecten ?? []) zet(o.plaats, o.deelnemer);
  for (const r of wm.realisatie ?? []) zet(r.plaats, r.deelnemer);
  return (m) => (m.plaats.rij !== undefined ? rijVan.get(rijSleutel(m.plaats)) : undefined);
}

/**
 * Realisatie rows without a deelnemer, for the parts: a row on a regional line is the region's hours,
 * divided by the line's key (said); any other row belongs to no deelnemer's part. Those are counted and
 * named in one warning, never spread: the omgevingsdienst's own figures, which no part shows.
 */
export function realisatieZonderDeelnemer(wm: Werkmap): Melding[] {
  if (!wm.deelnemers || !wm.realisatie) return [];
  const regionaal = new Set((wm.projecten ?? []).flatMap((p) => (p.code ? [p.code.toUpperCase()] : [])));
  const zonder = wm.realisatie.filter((r) => !r.deelnemer);
  const gedeeld = zonder.filter((r) => regionaal.has(r.code.toUpperCase()));
  const los = zonder.filter((r) => !regionaal.has(r.code.toUpperCase()));
  const blad = wm.bladen.Realisatie ?? { bestand: wm.pad };
  const rijen = (lijst: typeof zonder) => rijBereiken(lijst.flatMap((r) => (r.plaats.rij !== undefined ? [r.plaats.rij] : [])));
  const uit: Melding[] = [];
  if (los.length) {
    uit.push(
      melding(
        'waarschuwing',
        'realisatie-zonder-deelnemer',
        `${los.length} ${los.length === 1 ? 'regel' : 'regels'} in Realisatie ${los.length === 1 ? 'noemt' : 'noemen'} geen deelnemer (${los.length === 1 ? 'rij' : 'rijen'} ${rijen(los)}: ${los.slice(0, 10).map((r) => r.code).join(', ')}${los.length > 10 ? ', …' : ''}); die realisatie telt in het deel van geen enkele deelnemer en wordt niet over de deelnemers verdeeld. Vul de kolom deelnemer in`,
        { ...blad, rij: los[0]!.plaats.rij, kolom: los[0]!.deelnemerPlaats?.kolom },
      ),
    );
  }
  if (gedeeld.length) {
    uit.push(
      melding(
        'melding',
        'realisatie-regionaal-verdeeld',
        `${gedeeld.length} ${gedeeld.length === 1 ? 'regel' : 'regels'} in Realisatie zonder deelnemer ${gedeeld.length === 1 ? 'is' : 'zijn'} van een regionaal project of regionale dienst (${gedeeld.map((r) => r.code).join(', ')}): de gerealiseerde uren zijn, net als de geplande, naar de sleutel van die regel over de deelnemers verdeeld, behalve voor een deelnemer die op die regel eigen uren opgeeft`,
        { ...blad, rij: gedeeld[0]!.plaats.rij },
      ),
    );
  }
  return uit;
}
