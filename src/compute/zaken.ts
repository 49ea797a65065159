import { melding, type Melding } from '../model/melding.js';
import { zichtbaar } from '../ingest/tabel.js';
import { Rational } from '../model/rational.js';
import { dagnummer, jaarVanDag, type Procedure, type Zaak } from '../model/zaken.js';
import type { CodeKoppeling, Koppelwijze } from './koppeling.js';


/** Legal decision terms in days: regular 8 weeks (+6 when extended), extended procedure 26 (+6), handhavingsverzoek 8. */
export const TERMIJNEN: Record<Procedure, { dagen: number; verdaging: number }> = {
  regulier: { dagen: 8 * 7, verdaging: 6 * 7 },
  uitgebreid: { dagen: 26 * 7, verdaging: 6 * 7 },
  handhavingsverzoek: { dagen: 8 * 7, verdaging: 0 },
};

/** Inspection groups of the product catalogue that give the compliance figures (README section 2). */
/** Whether a programme code belongs to an inspection group given by code prefixes ("A2.03" holds A2.03 and A2.03.00). */
export function inCodeGroep(code: string, prefixen: readonly string[]): boolean {
  return prefixen.some((prefix) => code === prefix || code.startsWith(prefix + '.'));
}

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
  /**
   * binnenTermijn / (binnenTermijn + teLaat + openOverTermijn): the cases still open past their term are
   * late whatever happens next, so a goal on timeliness is judged on this figure, not on the decisions alone.
   */
  aandeelTijdigMetOpen?: Rational;
}

export interface ZakenResultaat {
  jaar: number;
  zaken: number;
  perCode: { code: string; aantal: number; uren: Rational }[];
  perProcedure: ProcedureTelling[];
  totaalTijdig?: Rational;
  /** As totaalTijdig, with the cases open past their term at year end counted as late (see aandeelTijdigMetOpen). */
  totaalTijdigMetOpen?: Rational;
  /** Cases open at year end past their term, all procedures. */
  openOverTermijn: number;
  /** Decisions in the year and cases open at its end, all procedures: what the timeliness table counts. */
  besloten: number;
  open: number;
  naleving: {
    codes: NaleefGroepen;
    periodiek: number;
    hercontrole: number;
    handhavingscontrole: number;
    /**
     * The follow-up inspections' own recorded outcome (conform / overtreding): the codes of the group
     * that had results, how many, and the share without a violation. Undefined without such results.
     */
    uitHercontroles?: { codes: string[]; gecontroleerd: number; zonderOvertreding: Rational };
    /** 1 − HC/PC */
    spontaan?: Rational;
    /** 1 − HHC/HC */
    naHercontrole?: Rational;
  };
  /** How the cases were matched to the programme: the match rate and what did not match. */
  koppeling: {
    gekoppeld: { zaken: number; uren: Rational };
    perWijze: Partial<Record<Koppelwijze, number>>;
    ongekoppeld: { zaken: number; uren: Rational; meest: { waarde: string; zaken: number; uren: Rational; reden: string }[] };
    /** Matched share of the cases and of the booked hours of the year (fractions); undefined without any. */
    aandeelZaken?: Rational;
    aandeelUren?: Rational;
  };
  /** Cases of other years (by decision date, open ones by receipt): counted, never realised. */
  buitenJaar: { jaar: number; zaken: number; uren: Rational }[];
  /** Cases without any readable date: they cannot be placed in a year. */
  zonderDatum: number;
  /** Cases of the programme year. */
  inJaar: number;
  /** Inspections with a result, per programme code: compliance = 1 − violations / inspections. */
  nalevingPerCode: { code: string; gecontroleerd: number; overtredingen: number; naleving: Rational }[];
  /** Result values vth does not know (not conform, not a violation): counted apart, never guessed. */
  onbekendeResultaten: { waarde: string; zaken: number }[];
  /**
   * Per object (the export's `object` column), its last inspections with a result, latest first, of any
   * year: what its compliance can follow from. Empty without the column.
   */
  controlesPerObject: { object: string; controles: { dag: number; bevinding: 'conform' | 'overtreding' }[] }[];
  /**
   * Hours of the year's matched cases per person (the export's `medewerker` column) and programme code:
   * what the kwaliteitscriteria's hours per person per area follow from. Empty without the column.
   */
  urenPerMedewerker: { medewerker: string; code: string; uren: Rational }[];
  /** Why the export cannot give the realisation at all (no case in the year, no dates); undefined when it can. */
  onbruikbaar?: string;
  /** Figures that cannot be (more re-inspections than inspections): said, never printed as −1.300%. */
  meldingen: Melding[];
}

/** Inspections kept per object for its compliance: the rule reads at most this many. */
export const BEWAARDE_CONTROLES = 5;

/** Distinct unmatched values kept; beyond this they are counted together. */
const MAX_ONGEKOPPELD = 5_000;

/** Aggregates a case export one case at a time; never holds the cases themselves. Pure. */
export class ZakenTelling {
  /** Per programme code its tally, with its inspection group and its results' tally: one look-up per case. */
  private perCode = new Map<string, { aantal: number; urenT: number; groep: keyof NaleefGroepen | null; bevindingen?: { gecontroleerd: number; overtredingen: number } }>();
  private perProcedure = new Map<Procedure, Omit<ProcedureTelling, 'aandeelTijdig' | 'aandeelTijdigMetOpen' | 'procedure'>>();
  private aantal = 0;
  private groepen = { periodiek: 0, hercontrole: 0, handhavingscontrole: 0 };
  private readonly begin: number;
  private readonly eind: number;
  private inJaar = 0;
  private zonderDatum = 0;
  private buitenJaar = new Map<number, { zaken: number; urenT: number }>();
  private ongekoppeld = new Map<string, { zaken: number; urenT: number; reden: string }>();
  private ongekoppeldOverig = { zaken: 0, urenT: 0 };
  private gekoppeld = { zaken: 0, urenT: 0 };
  private perWijze: Partial<Record<Koppelwijze, number>> = {};
  private bevindingen = new Map<string, { gecontroleerd: number; overtredingen: number }>();
  private onbekendeResultaten = new Map<string, number>();
  private perObject = new Map<string, { object: string; controles: { dag: number; bevinding: 'conform' | 'overtreding' }[] }>();
  private perMedewerker = new Map<string, { medewerker: string; code: string; urenT: number }>();

  constructor(
    readonly jaar: number,
    private readonly groepCodes: NaleefGroepen = NALEEF_GROEPEN,
    /** Matches cases to programme lines; without it a case counts on its code as written. */
    private readonly koppeling?: CodeKoppeling,
  ) {
    this.begin = dagnummer(jaar, 1, 1)!;
    this.eind = dagnummer(jaar, 12, 31)!;
  }

  /** The year a case counts for: its decision date, or for an open case its receipt date. */
  private telJaar(z: Zaak): boolean {
    const dag = z.besluit ?? z.ontvangen;
    if (dag === undefined) {
      this.zonderDatum++;
      return false;
    }
    if (dag >= this.begin && dag <= this.eind) {
      this.inJaar++;
      return true;
    }
    const j = jaarVanDag(dag);
    const b = this.buitenJaar.get(j) ?? { zaken: 0, urenT: 0 };
    b.zaken++;
    b.urenT += z.urenTienduizendsten;
    this.buitenJaar.set(j, b);
    return false;
  }

  private koppel(z: Zaak): string | undefined {
    if (!this.koppeling) return z.productcode || undefined;
    const k = this.koppeling.zoek(z.productcode, z.productnaam);
    if (k.code !== undefined) {
      this.gekoppeld.zaken++;
      this.gekoppeld.urenT += z.urenTienduizendsten;
      this.perWijze[k.wijze] = (this.perWijze[k.wijze] ?? 0) + 1;
      return k.code;
    }
    const waarde = z.productcode || z.productnaam;
    const o = this.ongekoppeld.get(waarde);
    if (o) {
      o.zaken++;
      o.urenT += z.urenTienduizendsten;
    } else if (this.ongekoppeld.size < MAX_ONGEKOPPELD) {
      this.ongekoppeld.set(waarde, { zaken: 1, urenT: z.urenTienduizendsten, reden: k.reden });
    } else {
      this.ongekoppeldOverig.zaken++;
      this.ongekoppeldOverig.urenT += z.urenTienduizendsten;
    }
    return undefined;
  }

  voegToe(z: Zaak): void {
    this.aantal++;
    const dag = z.besluit ?? z.ontvangen;
    if (z.object && dag !== undefined && (z.bevinding === 'conform' || z.bevinding === 'overtreding')) {
      const k = z.object.toLowerCase();
      let o = this.perObject.get(k);
      if (!o) {
        o = { object: z.object, controles: [] };
        this.perObject.set(k, o);
      }
      // The last few only, latest first: a million cases keep a handful per object.
      o.controles.push({ dag, bevinding: z.bevinding });
      o.controles.sort((a, b) => b.dag - a.dag);
      if (o.controles.length > BEWAARDE_CONTROLES) o.controles.length = BEWAARDE_CONTROLES;
    }
    if (this.telJaar(z)) {
      const code = this.koppel(z);
      if (code !== undefined) {
        let c = this.perCode.get(code);
        if (!c) {
          let groep: keyof NaleefGroepen | null = null;
          for (const [g, prefixen] of Object.entries(this.groepCodes) as [keyof NaleefGroepen, string[]][]) {
            if (inCodeGroep(code, prefixen)) groep = g;
          }
          c = { aantal: 0, urenT: 0, groep };
          this.perCode.set(code, c);
        }
        c.aantal++;
        c.urenT += z.urenTienduizendsten;
        if (z.medewerker) {
          const k = `${z.medewerker.toLowerCase()}|${code}`;
          let m = this.perMedewerker.get(k);
          if (!m) {
            m = { medewerker: z.medewerker, code, urenT: 0 };
            this.perMedewerker.set(k, m);
          }
          m.urenT += z.urenTienduizendsten;
        }
        if (c.groep) this.groepen[c.groep]++;
        if (z.bevinding === 'conform' || z.bevinding === 'overtreding') {
          let b = c.bevindingen;
          if (!b) {
            b = { gecontroleerd: 0, overtredingen: 0 };
            this.bevindingen.set(code, b);
            c.bevindingen = b;
          }
          b.gecontroleerd++;
          if (z.bevinding === 'overtreding') b.overtredingen++;
        } else if (z.bevinding === 'onbekend' && (this.onbekendeResultaten.size < 1000 || this.onbekendeResultaten.has(z.resultaat))) {
          this.onbekendeResultaten.set(z.resultaat, (this.onbekendeResultaten.get(z.resultaat) ?? 0) + 1);
        }
      }
    }
    if (!z.procedure) return;
    let p = this.perProcedure.get(z.procedure);
    if (!p) {
      p = { besloten: 0, binnenTermijn: 0, teLaat: 0, verdaagd: 0, onbekend: 0, openOverTermijn: 0, open: 0 };
      this.perProcedure.set(z.procedure, p);
    }
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

  /** The follow-up inspections' outcome from their results, over the codes of the hercontrole group. */
  private uitHercontroles(): ZakenResultaat['naleving']['uitHercontroles'] {
    const rijen = [...this.bevindingen].filter(([code]) => inCodeGroep(code, this.groepCodes.hercontrole)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const gecontroleerd = rijen.reduce((s, [, b]) => s + b.gecontroleerd, 0);
    if (!gecontroleerd) return undefined;
    const overtredingen = rijen.reduce((s, [, b]) => s + b.overtredingen, 0);
    return { codes: rijen.map(([code]) => code), gecontroleerd, zonderOvertreding: Rational.ONE.sub(Rational.of(BigInt(overtredingen), BigInt(gecontroleerd))) };
  }

  resultaat(): ZakenResultaat {
    const aandeel = (a: number, b: number) => (b > 0 ? Rational.of(BigInt(a), BigInt(b)) : undefined);
    const perProcedure = (['regulier', 'uitgebreid', 'handhavingsverzoek'] as Procedure[])
      .filter((p) => this.perProcedure.has(p))
      .map((procedure) => {
        const p = this.perProcedure.get(procedure)!;
        return { procedure, ...p, aandeelTijdig: aandeel(p.binnenTermijn, p.binnenTermijn + p.teLaat), aandeelTijdigMetOpen: aandeel(p.binnenTermijn, p.binnenTermijn + p.teLaat + p.openOverTermijn) };
      });
    const tijdig = perProcedure.reduce((s, p) => s + p.binnenTermijn, 0);
    const beoordeeld = perProcedure.reduce((s, p) => s + p.binnenTermijn + p.teLaat, 0);
    const openOverTermijn = perProcedure.reduce((s, p) => s + p.openOverTermijn, 0);
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
    const uren = (t: number) => Rational.of(BigInt(t), 10_000n);
    const meest = [...this.ongekoppeld]
      .sort(([a, x], [b, y]) => y.zaken - x.zaken || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 10)
      .map(([waarde, o]) => ({ waarde: zichtbaar(waarde), zaken: o.zaken, uren: uren(o.urenT), reden: o.reden }));
    const ongekoppeldZaken = [...this.ongekoppeld.values()].reduce((n, o) => n + o.zaken, this.ongekoppeldOverig.zaken);
    const ongekoppeldUren = [...this.ongekoppeld.values()].reduce((n, o) => n + o.urenT, this.ongekoppeldOverig.urenT);
    let onbruikbaar: string | undefined;
    if (this.aantal > 0 && this.zonderDatum === this.aantal) {
      onbruikbaar = 'geen enkele zaak heeft een leesbare datum (ontvangst of besluit): zonder datum is geen zaak aan het jaar toe te wijzen';
    } else if (this.aantal > 0 && this.inJaar === 0) {
      const jaren = [...this.buitenJaar.keys()].sort((a, b) => a - b);
      onbruikbaar = `geen enkele zaak valt in ${this.jaar}: de zaken zijn van ${jaren.length === 1 ? jaren[0] : `${jaren[0]} tot en met ${jaren[jaren.length - 1]}`}. Is dit de export van het goede jaar?`;
    }
    if (onbruikbaar) meldingen.push(melding('fout', 'zaken-onbruikbaar', onbruikbaar, plaats));
    const onbekendeResultaten = [...this.onbekendeResultaten]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .map(([waarde, zaken]) => ({ waarde: zichtbaar(waarde), zaken }));
    if (onbekendeResultaten.length) {
      const n = onbekendeResultaten.reduce((s, r) => s + r.zaken, 0);
      meldingen.push(
        melding(
          'waarschuwing',
          'resultaat-onbekend',
          `${n} ${n === 1 ? 'zaak heeft' : 'zaken hebben'} een resultaat dat geen conform of overtreding is (${onbekendeResultaten
            .slice(0, 5)
            .map((r) => `"${r.waarde}" ${r.zaken}×`)
            .join(', ')}); ze tellen niet mee in het naleefgedrag per product`,
          plaats,
        ),
      );
    }
    return {
      jaar: this.jaar,
      zaken: this.aantal,
      koppeling: {
        gekoppeld: { zaken: this.gekoppeld.zaken, uren: uren(this.gekoppeld.urenT) },
        perWijze: { ...this.perWijze },
        ongekoppeld: { zaken: ongekoppeldZaken, uren: uren(ongekoppeldUren), meest },
        aandeelZaken: aandeel(this.gekoppeld.zaken, this.gekoppeld.zaken + ongekoppeldZaken),
        aandeelUren: aandeel(this.gekoppeld.urenT, this.gekoppeld.urenT + ongekoppeldUren),
      },
      buitenJaar: [...this.buitenJaar]
        .sort(([a], [b]) => a - b)
        .map(([jaar, b]) => ({ jaar, zaken: b.zaken, uren: uren(b.urenT) })),
      zonderDatum: this.zonderDatum,
      inJaar: this.inJaar,
      nalevingPerCode: [...this.bevindingen]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([code, b]) => ({ code, ...b, naleving: Rational.ONE.sub(Rational.of(BigInt(b.overtredingen), BigInt(b.gecontroleerd))) })),
      onbekendeResultaten,
      controlesPerObject: [...this.perObject.values()],
      urenPerMedewerker: [...this.perMedewerker.values()].map((m) => ({ medewerker: m.medewerker, code: m.code, uren: Rational.of(BigInt(m.urenT), 10_000n) })),
      onbruikbaar,
      perCode: [...this.perCode]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([code, c]) => ({ code, aantal: c.aantal, uren: Rational.of(BigInt(c.urenT), 10_000n) })),
      perProcedure,
      totaalTijdig: aandeel(tijdig, beoordeeld),
      totaalTijdigMetOpen: aandeel(tijdig, beoordeeld + openOverTermijn),
      openOverTermijn,
      besloten: perProcedure.reduce((s, p) => s + p.besloten, 0),
      open: perProcedure.reduce((s, p) => s + p.open, 0),
      naleving: {
        codes: this.groepCodes,
        periodiek,
        hercontrole,
        handhavingscontrole,
        spontaan,
        naHercontrole,
        uitHercontroles: this.uitHercontroles(),
      },
      meldingen,
    };
  }
}
