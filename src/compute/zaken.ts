import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import { dagnummer, type Procedure, type Zaak } from '../model/zaken.js';

/** Legal decision terms in days: regular 8 weeks (+6 when extended), extended procedure 26 (+6), handhavingsverzoek 8. */
export const TERMIJNEN: Record<Procedure, { dagen: number; verdaging: number }> = {
  regulier: { dagen: 8 * 7, verdaging: 6 * 7 },
  uitgebreid: { dagen: 26 * 7, verdaging: 6 * 7 },
  handhavingsverzoek: { dagen: 8 * 7, verdaging: 0 },
};

/** Inspection groups of the product catalogue that give the compliance figures (README section 2). */
export const NALEEF_GROEPEN: NaleefGroepen = { periodiek: ['A2.02'], hercontrole: ['A2.03'], handhavingscontrole: ['A2.12'] };

/** The groups a werkmap sets in Instellingen, the catalogue's codes otherwise. */
export function naleefGroepen(i: { codesPeriodiek?: string[]; codesHercontrole?: string[]; codesHandhavingscontrole?: string[] }): NaleefGroepen {
  return {
    periodiek: i.codesPeriodiek ?? NALEEF_GROEPEN.periodiek,
    hercontrole: i.codesHercontrole ?? NALEEF_GROEPEN.hercontrole,
    handhavingscontrole: i.codesHandhavingscontrole ?? NALEEF_GROEPEN.handhavingscontrole,
  };
}

/** Code prefixes per inspection group; a municipality with its own codes sets them in Instellingen. */
export interface NaleefGroepen {
  periodiek: string[];
  hercontrole: string[];
  handhavingscontrole: string[];
}

export interface ProcedureTelling {
  procedure: Procedure;
  besloten: number;
  binnenTermijn: number;
  teLaat: number;
  verdaagd: number;
  /** Decided, but the receipt date is missing: timeliness unknown. */
  onbekend: number;
  /** Still open at year end and already past the term. */
  openOverTermijn: number;
  open: number;
  /** binnenTermijn / (binnenTermijn + teLaat), exact; undefined without decisions. */
  aandeelTijdig?: Rational;
}

export interface ZakenResultaat {
  jaar: number;
  zaken: number;
  perCode: { code: string; aantal: number; uren: Rational }[];
  perProcedure: ProcedureTelling[];
  totaalTijdig?: Rational;
  naleving: {
    codes: NaleefGroepen;
    periodiek: number;
    hercontrole: number;
    handhavingscontrole: number;
    /** 1 − HC/PC */
    spontaan?: Rational;
    /** 1 − HHC/HC */
    naHercontrole?: Rational;
  };
  /** Figures that cannot be (more re-inspections than inspections): said, never printed as −1.300%. */
  meldingen: Melding[];
}

/** Aggregates a case export one case at a time; never holds the cases themselves. Pure. */
export class ZakenTelling {
  private perCode = new Map<string, { aantal: number; urenT: number }>();
  private perProcedure = new Map<Procedure, Omit<ProcedureTelling, 'aandeelTijdig' | 'procedure'>>();
  private aantal = 0;
  private groepVanCode = new Map<string, keyof NaleefGroepen | null>();
  private groepen = { periodiek: 0, hercontrole: 0, handhavingscontrole: 0 };
  private readonly begin: number;
  private readonly eind: number;

  constructor(
    readonly jaar: number,
    private readonly groepCodes: NaleefGroepen = NALEEF_GROEPEN,
  ) {
    this.begin = dagnummer(jaar, 1, 1)!;
    this.eind = dagnummer(jaar, 12, 31)!;
  }

  voegToe(z: Zaak): void {
    this.aantal++;
    const c = this.perCode.get(z.productcode) ?? { aantal: 0, urenT: 0 };
    c.aantal++;
    c.urenT += z.urenTienduizendsten;
    this.perCode.set(z.productcode, c);
    let groep = this.groepVanCode.get(z.productcode);
    if (groep === undefined) {
      groep = null;
      for (const [g, prefixen] of Object.entries(this.groepCodes) as [keyof NaleefGroepen, string[]][]) {
        for (const prefix of prefixen) if (z.productcode === prefix || z.productcode.startsWith(prefix + '.')) groep = g;
      }
      this.groepVanCode.set(z.productcode, groep);
    }
    if (groep) this.groepen[groep]++;
    if (!z.procedure) return;
    const p = this.perProcedure.get(z.procedure) ?? { besloten: 0, binnenTermijn: 0, teLaat: 0, verdaagd: 0, onbekend: 0, openOverTermijn: 0, open: 0 };
    this.perProcedure.set(z.procedure, p);
    const t = TERMIJNEN[z.procedure];
    const termijn = t.dagen + (z.verdaagd ? t.verdaging : 0);
    if (z.besluit !== undefined) {
      if (z.besluit < this.begin || z.besluit > this.eind) return;
      p.besloten++;
      if (z.verdaagd) p.verdaagd++;
      if (z.ontvangen === undefined) p.onbekend++;
      else if (z.besluit <= z.ontvangen + termijn) p.binnenTermijn++;
      else p.teLaat++;
    } else if (z.ontvangen !== undefined && z.ontvangen <= this.eind) {
      p.open++;
      if (z.ontvangen + termijn < this.eind) p.openOverTermijn++;
    }
  }

  resultaat(): ZakenResultaat {
    const aandeel = (a: number, b: number) => (b > 0 ? Rational.of(BigInt(a), BigInt(b)) : undefined);
    const perProcedure = (['regulier', 'uitgebreid', 'handhavingsverzoek'] as Procedure[])
      .filter((p) => this.perProcedure.has(p))
      .map((procedure) => {
        const p = this.perProcedure.get(procedure)!;
        return { procedure, ...p, aandeelTijdig: aandeel(p.binnenTermijn, p.binnenTermijn + p.teLaat) };
      });
    const tijdig = perProcedure.reduce((s, p) => s + p.binnenTermijn, 0);
    const beoordeeld = perProcedure.reduce((s, p) => s + p.binnenTermijn + p.teLaat, 0);
    const { periodiek, hercontrole, handhavingscontrole } = this.groepen;
    const meldingen: Melding[] = [];
    const plaats = { bestand: 'zakenexport' };
    const onmogelijk = (wat: string, deel: number, deelNaam: string, geheel: number, geheelNaam: string) =>
      meldingen.push(
        melding(
          'waarschuwing',
          'naleving-onmogelijk',
          `${wat} is niet te berekenen: er zijn meer ${deelNaam} (${deel}) dan ${geheelNaam} (${geheel}), dus 1 − ${deel}/${geheel} zou negatief zijn; kloppen de codes van de controles (Instellingen "codes …")?`,
          plaats,
        ),
      );
    const spontaan = periodiek > 0 && hercontrole <= periodiek ? Rational.ONE.sub(Rational.of(BigInt(hercontrole), BigInt(periodiek))) : undefined;
    if (periodiek > 0 && hercontrole > periodiek) onmogelijk('Het spontane naleefgedrag', hercontrole, 'hercontroles', periodiek, 'periodieke controles');
    const naHercontrole =
      hercontrole > 0 && handhavingscontrole <= hercontrole ? Rational.ONE.sub(Rational.of(BigInt(handhavingscontrole), BigInt(hercontrole))) : undefined;
    if (hercontrole > 0 && handhavingscontrole > hercontrole) {
      onmogelijk('Het naleefgedrag na hercontrole', handhavingscontrole, 'handhavingscontroles', hercontrole, 'hercontroles');
    }
    return {
      jaar: this.jaar,
      zaken: this.aantal,
      perCode: [...this.perCode]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([code, c]) => ({ code, aantal: c.aantal, uren: Rational.of(BigInt(c.urenT), 10_000n) })),
      perProcedure,
      totaalTijdig: aandeel(tijdig, beoordeeld),
      naleving: {
        codes: this.groepCodes,
        periodiek,
        hercontrole,
        handhavingscontrole,
        spontaan,
        naHercontrole,
      },
      meldingen,
    };
  }
}
