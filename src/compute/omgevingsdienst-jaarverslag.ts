import { Rational } from '../model/rational.js';
import type { JaarverslagAnalyse } from './jaarverslag.js';
import type { ZakenResultaat } from './zaken.js';

const HONDERD = Rational.of(100n);

export interface JaarverslagRij {
  deelnemer: string;
  /** Planned hours of all its lines. */
  planAlles: Rational;
  /** Planned hours of the lines whose realisation is known (a taakveld without any case is unknown). */
  planUren: Rational;
  /** Everything realised on its lines (the part's own total); undefined when nothing of it is known. */
  uren?: Rational;
  /** Realised on lines with planned hours, against `planUren`. */
  urenMetPlan: Rational;
  procentUren?: Rational;
  /** Cases of the year in its part (matched or not). */
  zaken: number;
  /** Share decided in time, from its own cases. */
  tijdig?: Rational;
}

export interface OmgevingsdienstJaarverslag {
  naam: string;
  jaar?: number;
  rijen: JaarverslagRij[];
  /** Cases whose deelnemer is not in Deelnemers: counted and named, in no deelnemer's row. */
  onbekend: { naam: string; zaken: number; uren: Rational }[];
  onbekendZaken: number;
  onbekendUren: Rational;
  /** The sum of the rows; the percentage recomputed from the sums, never an average of percentages. */
  totaal: JaarverslagRij;
  /** Deelnemers whose realisation is unknown (no case at all): the total realised is then the known part. */
  rijenOnbekend: number;
  /** Timeliness over every case of the year, those of unknown deelnemers included. */
  tijdigGeheel?: Rational;
}

/** The omgevingsdienst's jaarverslag as the sum of its deelnemers' parts, each part its own analysis. */
export function somJaarverslagen(
  naam: string,
  jaar: number | undefined,
  delen: { deelnemer: string; analyse: JaarverslagAnalyse; zaken: ZakenResultaat }[],
  onbekend: { naam: string; zaken: number; uren: Rational }[],
  geheel: ZakenResultaat,
): OmgevingsdienstJaarverslag {
  const rijen = delen.map(({ deelnemer, analyse, zaken }) => {
    const t = analyse.realisatie.totaal;
    const bekend = !t.planUren.isZero() || !t.uren.isZero();
    return {
      deelnemer,
      planAlles: Rational.sum(analyse.realisatie.regels.flatMap((r) => (r.planUren ? [r.planUren] : []))),
      planUren: t.planUren,
      uren: bekend ? t.uren : undefined,
      urenMetPlan: t.urenMetPlan,
      procentUren: t.procentUren,
      zaken: zaken.inJaar,
      // totaalTijdig is a fraction; the documents print percentages.
      tijdig: zaken.totaalTijdig?.mul(HONDERD),
    };
  });
  const planUren = Rational.sum(rijen.map((r) => r.planUren));
  const urenMetPlan = Rational.sum(rijen.map((r) => r.urenMetPlan));
  return {
    naam,
    jaar,
    rijen,
    onbekend,
    onbekendZaken: onbekend.reduce((t, o) => t + o.zaken, 0),
    onbekendUren: Rational.sum(onbekend.map((o) => o.uren)),
    totaal: {
      deelnemer: 'Totaal deelnemers',
      planAlles: Rational.sum(rijen.map((r) => r.planAlles)),
      planUren,
      uren: Rational.sum(rijen.map((r) => r.uren ?? Rational.ZERO)),
      urenMetPlan,
      procentUren: planUren.isZero() ? undefined : urenMetPlan.mul(HONDERD).div(planUren),
      zaken: rijen.reduce((t, r) => t + r.zaken, 0),
    },
    rijenOnbekend: rijen.filter((r) => r.uren === undefined).length,
    tijdigGeheel: geheel.totaalTijdig?.mul(HONDERD),
  };
}
