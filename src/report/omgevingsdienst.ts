import { AFRONDINGSREGEL, type MatrixRij, type OmgevingsdienstAnalyse } from '../compute/omgevingsdienst.js';
import { Rational } from '../model/rational.js';

/** A deelnemer's row of the matrix, with its part's file (without extension) for the link in the Markdown. */
export type MatrixRijView = MatrixRij & { bestand?: string };

export interface OmgevingsdienstView {
  titel: string;
  naam: string;
  jaar: number | string;
  afrondingsregel: string;
  taakvelden: string[];
  deelnemers: { naam: string; verdeelsleutel?: Rational; uurtarief?: Rational; eigenTarief: boolean }[];
  /** Further key columns of Deelnemers, with each deelnemer's value. */
  sleutels: { kop: string; waarden: (Rational | undefined)[] }[];
  metGeld: boolean;
  matrix: MatrixRijView[];
  totaal: MatrixRijView;
  regionaal: {
    code: string;
    project: string;
    soort: string;
    sleutel: string;
    financiering: string;
    regionaal?: Rational;
    woord: string;
    /** Per deelnemer (in the order of `deelnemers`): whole hours and the exact share. */
    aandelen: { afgerond?: Rational; uren?: Rational; procent: Rational }[];
  }[];
  /** Per deelnemer its regional whole hours per kind and in all: what its own part prints. */
  regionaalPerSoort: { soort: string; regionaal: Rational; afgerond: Rational[] }[];
}

/** The omgevingsdienst's programme as a whole: the matrix of its parts and the regional lines with their keys. */
export function omgevingsdienstView(a: OmgevingsdienstAnalyse, bestanden: Map<string, string> = new Map()): OmgevingsdienstView {
  const jaar = a.jaar ?? '';
  const rij = (r: OmgevingsdienstAnalyse['matrix'][number]): MatrixRijView => ({ ...r, bestand: bestanden.get(r.deelnemer) });
  const dn = a.delen.map((d) => d.deelnemer);
  const sleutelKoppen = [...new Set(a.regionaal.map((r) => r.sleutel).filter((s) => s !== 'verdeelsleutel'))];
  const perSoort = (['project', 'dienst'] as const)
    .filter((soort) => a.regionaal.some((r) => r.project.soort === soort))
    .map((soort) => ({
      soort: soort === 'project' ? 'projecten' : 'diensten',
      regionaal: Rational.sum(a.regionaal.filter((r) => r.project.soort === soort && r.aandelen.some((x) => x.uren)).map((r) => (r.project.uren as { waarde: Rational }).waarde)),
      afgerond: a.delen.map((d) => d.werkmap.deel!.afgerondPerSoort.find((x) => x.soort === soort)?.uren ?? Rational.ZERO),
    }));
  return {
    titel: `Uitvoeringsprogramma VTH ${jaar} ${a.naam}: alle deelnemers`,
    naam: a.naam,
    jaar,
    afrondingsregel: AFRONDINGSREGEL,
    taakvelden: a.taakvelden,
    // The rate each deelnemer is charged: its own, else Instellingen' (the part's figure).
    deelnemers: dn.map((d, i) => ({ naam: d.naam, verdeelsleutel: d.verdeelsleutel, uurtarief: a.matrix[i]!.uurtarief, eigenTarief: d.uurtarief !== undefined })),
    sleutels: a.sleutels.filter((s) => sleutelKoppen.includes(s.kop)).map((s) => ({ kop: s.kop, waarden: dn.map((d) => d.sleutels.get(s.sleutel)) })),
    metGeld: a.metGeld,
    matrix: a.matrix.map(rij),
    totaal: rij(a.totaal),
    regionaal: a.regionaal.map((r) => ({
      code: r.project.code ?? '',
      project: r.project.project,
      soort: r.project.soort,
      sleutel: r.sleutel,
      financiering: r.project.financiering ?? '',
      regionaal: r.project.uren.soort === 'getal' ? r.project.uren.waarde : undefined,
      woord: r.project.uren.soort === 'geen' ? r.project.uren.woord : '',
      aandelen: r.aandelen.map((x) => ({ afgerond: x.afgerond, uren: x.uren, procent: x.procent })),
    })),
    regionaalPerSoort: perSoort,
  };
}
