import type { Analyse } from './controle.js';
import type { DoelResultaat } from './doelen.js';
import type { PlanRealisatie } from './realisatie.js';
import type { ZakenResultaat } from './zaken.js';
import { hogeZonderRegel } from './risico.js';
import { nlDatum } from '../model/datum.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';
import type { Werkmap } from '../model/types.js';

export type Status = 'voldoet' | 'voldoet deels' | 'voldoet niet' | 'niet te beoordelen';
/** grijs: the criterion cannot be judged (the case export is unusable, too little is covered). */
export type Kleur = 'groen' | 'oranje' | 'rood' | 'grijs';

export const KLEUR: Record<Status, Kleur> = { voldoet: 'groen', 'voldoet deels': 'oranje', 'voldoet niet': 'rood', 'niet te beoordelen': 'grijs' };

/** Thresholds of the IBT check: settings with documented defaults. */
export interface IbtInstellingen {
  /** The UVP for year N is in time when adopted before this day and month of year N (default 1 February). */
  uvpUiterlijk: { dag: number; maand: number };
  /** The jaarverslag over N is in time when adopted before this day and month of N+1 (default 1 May). */
  jaarverslagUiterlijk: { dag: number; maand: number };
  /** Realised hours as a share of planned hours: at least this is groen (default 90%)… */
  realisatieGroen: Rational;
  /** …and at least this oranje (default 75%). */
  realisatieOranje: Rational;
  /** Timeliness target when no goal sets one (default 95%). */
  tijdigheidNorm: Rational;
  /** Below the target by at most this many percentage points is oranje (default 5). */
  tijdigheidMarge: Rational;
}

export const STANDAARD_IBT: IbtInstellingen = {
  uvpUiterlijk: { dag: 1, maand: 2 },
  jaarverslagUiterlijk: { dag: 1, maand: 5 },
  realisatieGroen: Rational.of(90n),
  realisatieOranje: Rational.of(75n),
  tijdigheidNorm: Rational.of(95n),
  tijdigheidMarge: Rational.of(5n),
};

/** The thresholds' names, as command-line options in camel case (`--uvp-uiterlijk` → uvpUiterlijk). */
export const DREMPEL_SLEUTELS = ['uvpUiterlijk', 'jaarverslagUiterlijk', 'realisatieGroen', 'realisatieOranje', 'tijdigheidNorm', 'tijdigheidMarge'] as const;

/** The thresholds as written text (plain data: they cross worker threads), as the command line gives them. */
export type IbtDrempels = Partial<Record<(typeof DREMPEL_SLEUTELS)[number], string>>;

export function drempelsUit(opts: IbtDrempels): IbtDrempels {
  return Object.fromEntries(DREMPEL_SLEUTELS.flatMap((k) => (opts[k] === undefined ? [] : [[k, opts[k]]])));
}

/** Thresholds from their written form ("01-02", "90", "92,5"); throws a Dutch message on nonsense. */
export function ibtInstellingen(d: IbtDrempels = {}): IbtInstellingen {
  const dagMaand = (s: string | undefined, standaard: { dag: number; maand: number }, naam: string) => {
    if (s === undefined) return standaard;
    const m = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s.trim());
    const dag = Number(m?.[1]);
    const maand = Number(m?.[2]);
    if (!m || maand < 1 || maand > 12 || dag < 1 || dag > new Date(Date.UTC(2001, maand, 0)).getUTCDate()) {
      throw new RangeError(`${naam} "${s}" is geen dag en maand (schrijf bijvoorbeeld 01-02)`);
    }
    return { dag, maand };
  };
  const procent = (s: string | undefined, standaard: Rational, naam: string) => {
    if (s === undefined) return standaard;
    const r = Rational.fromDecimalString(s.trim().replace('%', '').replace(',', '.'));
    if (!r || r.isNegative() || r.gt(Rational.of(100n))) throw new RangeError(`${naam} "${s}" is geen percentage van 0 tot 100`);
    return r;
  };
  const i: IbtInstellingen = {
    uvpUiterlijk: dagMaand(d.uvpUiterlijk, STANDAARD_IBT.uvpUiterlijk, '--uvp-uiterlijk'),
    jaarverslagUiterlijk: dagMaand(d.jaarverslagUiterlijk, STANDAARD_IBT.jaarverslagUiterlijk, '--jaarverslag-uiterlijk'),
    realisatieGroen: procent(d.realisatieGroen, STANDAARD_IBT.realisatieGroen, '--realisatie-groen'),
    realisatieOranje: procent(d.realisatieOranje, STANDAARD_IBT.realisatieOranje, '--realisatie-oranje'),
    tijdigheidNorm: procent(d.tijdigheidNorm, STANDAARD_IBT.tijdigheidNorm, '--tijdigheid-norm'),
    tijdigheidMarge: procent(d.tijdigheidMarge, STANDAARD_IBT.tijdigheidMarge, '--tijdigheid-marge'),
  };
  if (i.realisatieOranje.gt(i.realisatieGroen)) throw new RangeError('--realisatie-oranje ligt boven --realisatie-groen');
  return i;
}

export interface Criterium {
  nr: number;
  naam: string;
  status: Status;
  kleur: Kleur;
  /** The figures the judgement rests on. */
  bewijs: string[];
  /** One sentence, in Dutch. */
  reden: string;
}

export interface IbtOordeel {
  gemeente: string;
  jaar: number;
  criteria: Criterium[];
  totaal: Kleur;
  kerncijfers: {
    benodigd?: Rational;
    beschikbaar?: Rational;
    realisatieProcent?: Rational;
    tijdig?: Rational;
    doelenBehaald: number;
    doelenTotaal: number;
    openVerbeterpunten: number;
  };
  verbeterpunten: { nr: string; verbeterpunt: string; status: string; toelichting: string }[];
}

/** The eight criteria of documenten.md, in order. */
export const CRITERIA = [
  'Documenten actueel en op tijd vastgesteld',
  'Prioriteiten volgen uit een risicoanalyse',
  'Doelen zijn meetbaar',
  'Capaciteit in beeld en toereikend',
  'Jaarverslag op tijd en over realisatie en doelen',
  'Realisatie van het programma',
  'Tijdigheid volgens de streefwaarde',
  'Verbeterpunten van vorig jaar opgevolgd',
];

const HONDERD = Rational.of(100n);

function crit(nr: number, status: Status, reden: string, bewijs: string[]): Criterium {
  return { nr, naam: CRITERIA[nr - 1]!, status, kleur: KLEUR[status], bewijs, reden };
}

const datum = (d: { dag: number; maand: number }, jaar: number) => new Date(Date.UTC(jaar, d.maand - 1, d.dag));

/**
 * The overall colour: rood when any criterion is rood, else oranje when any is oranje or cannot be
 * judged (what is not known is never groen), else groen.
 */
export function totaalKleur(kleuren: Kleur[]): Kleur {
  return kleuren.includes('rood') ? 'rood' : kleuren.includes('oranje') || kleuren.includes('grijs') ? 'oranje' : 'groen';
}

/** The eight criteria of the province's check for one municipality. Pure. */
export function beoordeelIbt(
  wm: Werkmap,
  a: Analyse,
  r: PlanRealisatie,
  doelen: DoelResultaat[],
  zaken: ZakenResultaat | undefined,
  inst: IbtInstellingen = STANDAARD_IBT,
  /** Why the municipality's case export could not be used: the criteria that need it are not judged. */
  zakenOnbruikbaar?: string,
): IbtOordeel {
  const jaar = wm.instellingen.jaar!;
  const i = wm.instellingen;
  const criteria: Criterium[] = [];

  // 1. Documents current and adopted in time.
  {
    const grens = datum(inst.uvpUiterlijk, jaar);
    const planOk = i.beleidsplanGeldigTot !== undefined && i.beleidsplanGeldigTot >= jaar;
    const uvpOk = i.uvpVastgesteldOp !== undefined && i.uvpVastgesteldOp < grens;
    const bewijs = [
      i.beleidsplanGeldigTot !== undefined ? `beleidsplan geldig tot en met ${i.beleidsplanGeldigTot}` : 'geldigheid beleidsplan onbekend',
      i.uvpVastgesteldOp ? `UVP vastgesteld op ${nlDatum(i.uvpVastgesteldOp)} (uiterlijk vóór ${nlDatum(grens)})` : 'vaststellingsdatum UVP onbekend',
    ];
    criteria.push(
      planOk && uvpOk
        ? crit(1, 'voldoet', `Het beleidsplan dekt ${jaar} en het UVP is vóór ${nlDatum(grens)} vastgesteld.`, bewijs)
        : planOk || uvpOk
          ? crit(1, 'voldoet deels', planOk ? `Het beleidsplan dekt ${jaar}, maar het UVP is niet vóór ${nlDatum(grens)} vastgesteld.` : `Het UVP is op tijd vastgesteld, maar het beleidsplan dekt ${jaar} niet.`, bewijs)
          : crit(1, 'voldoet niet', `Het beleidsplan dekt ${jaar} niet en het UVP is niet op tijd vastgesteld.`, bewijs),
    );
  }

  // 2. Priorities follow from a risk analysis.
  {
    const regels = a.vraag.regels.filter((x) => !x.regel.wettelijk);
    const gekoppeld = regels.filter((x) => x.regel.prioriteit).length;
    if (!a.risico) {
      criteria.push(crit(2, 'voldoet niet', 'Er is geen bruikbare risicoanalyse met risicomodel.', ['geen risicoanalyse']));
    } else {
      const zonderRegel = hogeZonderRegel(a.risico, a.vraag.regels.map((x) => x.regel.prioriteit));
      const bewijs = [
        `${a.risico.activiteiten.length} activiteiten ingedeeld (${a.risico.perKlasse.map((p) => `${p.klasse} ${p.aantal}`).join(', ')})`,
        `${a.risico.zonderScore.length} activiteiten zonder volledige score`,
        `${gekoppeld} van ${regels.length} niet-wettelijke programmaregels aan een prioriteit gekoppeld`,
        zonderRegel.length
          ? `${zonderRegel.length} ${zonderRegel.length === 1 ? 'activiteit' : 'activiteiten'} met een hoge prioriteit zonder programmaregel: ${zonderRegel
              .slice(0, 5)
              .map((u) => `${u.activiteit.activiteit} (${u.klasse})`)
              .join('; ')}${zonderRegel.length > 5 ? `; en ${zonderRegel.length - 5} meer` : ''}`
          : 'elke activiteit met een hoge prioriteit heeft een programmaregel',
      ];
      criteria.push(
        a.risico.zonderScore.length === 0 && gekoppeld > 0 && zonderRegel.length === 0
          ? crit(2, 'voldoet', 'De prioriteiten volgen uit een volledige risicoanalyse en zijn aan het programma gekoppeld.', bewijs)
          : crit(
              2,
              'voldoet deels',
              gekoppeld === 0
                ? 'Er is een risicoanalyse, maar geen programmaregel is aan een prioriteit gekoppeld.'
                : a.risico.zonderScore.length
                  ? 'De risicoanalyse is niet volledig: niet elke activiteit heeft een score.'
                  : `${zonderRegel.length} ${zonderRegel.length === 1 ? 'activiteit' : 'activiteiten'} met een hoge prioriteit ${zonderRegel.length === 1 ? 'heeft' : 'hebben'} geen programmaregel.`,
              bewijs,
            ),
      );
    }
  }

  // 3. Goals measurable.
  {
    const alle = wm.doelen ?? [];
    const volledig = alle.filter((d) => d.indicator && d.streefwaarde).length;
    const bewijs = [`${volledig} van ${alle.length} doelen met indicator en streefwaarde`];
    criteria.push(
      alle.length > 0 && volledig === alle.length
        ? crit(3, 'voldoet', 'Elk doel heeft een indicator en een streefwaarde.', bewijs)
        : volledig > 0
          ? crit(3, 'voldoet deels', `${alle.length - volledig} van de ${alle.length} doelen missen een indicator of streefwaarde.`, bewijs)
          : crit(3, 'voldoet niet', alle.length ? 'Geen enkel doel heeft zowel een indicator als een streefwaarde.' : 'Er zijn geen doelen vastgelegd.', bewijs),
    );
  }

  // 4. Capacity shown and sufficient.
  {
    const c = a.capaciteit;
    if (!c || c.afdelingen.length + c.extern.length === 0) {
      criteria.push(crit(4, 'voldoet niet', 'De capaciteit is niet in beeld gebracht.', ['geen blad Capaciteit']));
    } else {
      const bewijs = [
        `benodigd ${nlGetal(c.totaal.benodigd, 0)} uur, beschikbaar ${nlGetal(c.totaal.beschikbaar, 0)} uur`,
        ...c.tekorten.map((t) => `${t.afdeling}: tekort ${nlGetal(t.tekort, 0)} uur, ${t.uitgesteld.length} regels voor uitstel${t.rest.gt(Rational.ZERO) ? `, ${nlGetal(t.rest, 0)} uur raakt wettelijk werk` : ''}`),
      ];
      const raaktWettelijk = c.tekorten.some((t) => t.rest.gt(Rational.ZERO));
      criteria.push(
        c.toereikend
          ? crit(4, 'voldoet', 'De beschikbare capaciteit is toereikend voor het geplande werk.', bewijs)
          : raaktWettelijk
            ? crit(4, 'voldoet niet', 'Het tekort aan capaciteit raakt wettelijk verplicht werk.', bewijs)
            : crit(4, 'voldoet deels', 'Er is een tekort aan capaciteit; het programma zegt welk werk wordt uitgesteld.', bewijs),
      );
    }
  }

  // 5. Jaarverslag adopted in time and reporting realisation and goals.
  {
    const grens = datum(inst.jaarverslagUiterlijk, jaar + 1);
    const d = i.jaarverslagVastgesteldOp;
    const heeftRealisatie = r.regels.some((x) => x.bron !== 'geen');
    const heeftDoelen = doelen.some((x) => x.uitkomst !== 'onbekend');
    const bewijs = [
      d ? `jaarverslag vastgesteld op ${nlDatum(d)} (uiterlijk vóór ${nlDatum(grens)})` : 'vaststellingsdatum jaarverslag onbekend',
      heeftRealisatie ? 'realisatie per product gerapporteerd' : 'geen realisatie per product',
      heeftDoelen ? 'doelen beoordeeld' : 'geen doel beoordeeld',
    ];
    const opTijd = d !== undefined && d < grens;
    criteria.push(
      !d
        ? crit(5, 'voldoet niet', 'Er is geen vastgesteld jaarverslag.', bewijs)
        : opTijd && heeftRealisatie && heeftDoelen
          ? crit(5, 'voldoet', `Het jaarverslag is vóór ${nlDatum(grens)} vastgesteld en rapporteert over realisatie en doelen.`, bewijs)
          : crit(5, 'voldoet deels', !opTijd ? `Het jaarverslag is pas na ${nlDatum(grens)} vastgesteld.` : 'Het jaarverslag rapporteert niet over zowel realisatie als doelen.', bewijs),
    );
  }

  // 6. Realisation of the programme, judged on the hours whose realisation is known, with that coverage.
  {
    const p = r.totaal.procentUren;
    const gepland = a.vraag.totaalRegels;
    const dekking = gepland.isZero() ? undefined : r.totaal.planUren.mul(HONDERD).div(gepland);
    const dekkingTekst = dekking ? `realisatie bekend voor ${nlGetal(r.totaal.planUren, 0)} van ${nlGetal(gepland, 0)} geplande uren (${nlGetal(dekking, 1)}%)` : '';
    const ongedekt = r.dekking.filter((d) => !d.gedekt).map((d) => d.taakveld);
    if (zakenOnbruikbaar && !wm.realisatie) {
      criteria.push(crit(6, 'niet te beoordelen', `De zakenexport is niet bruikbaar: ${zakenOnbruikbaar}.`, ['geen bruikbare zakenexport en geen blad Realisatie']));
    } else if (!p) {
      criteria.push(crit(6, 'voldoet niet', 'De realisatie van het programma is niet bekend.', ['geen gerealiseerde uren']));
    } else if (dekking && dekking.lt(inst.realisatieOranje)) {
      criteria.push(
        crit(6, 'niet te beoordelen', `De realisatie is maar voor ${nlGetal(dekking, 1)}% van de geplande uren bekend; daarop is het programma niet te beoordelen.`, [
          dekkingTekst,
          ...(ongedekt.length ? [`geen zaken van ${ongedekt.join(', ')} in de export`] : []),
        ]),
      );
    } else {
      const bewijs = [
        `${nlGetal(r.totaal.uren, 0)} van ${nlGetal(r.totaal.planUren, 0)} geplande uren gerealiseerd (${nlGetal(p, 1)}%)`,
        ...(dekkingTekst ? [dekkingTekst] : []),
        `${r.afwijkingen.length} regels wijken meer dan de drempel af`,
      ];
      const groenMag = !dekking || dekking.gte(inst.realisatieGroen);
      criteria.push(
        !groenMag && p.gte(inst.realisatieGroen)
          ? crit(6, 'voldoet deels', `Het programma is voor ${nlGetal(p, 1)}% gerealiseerd, maar de realisatie is maar voor ${nlGetal(dekking!, 1)}% van de geplande uren bekend.`, bewijs)
          : p.gte(inst.realisatieGroen)
          ? crit(6, 'voldoet', `Het programma is voor ${nlGetal(p, 1)}% gerealiseerd.`, bewijs)
          : p.gte(inst.realisatieOranje)
            ? crit(6, 'voldoet deels', `Het programma is voor ${nlGetal(p, 1)}% gerealiseerd, minder dan ${nlGetal(inst.realisatieGroen)}%.`, bewijs)
            : crit(6, 'voldoet niet', `Het programma is maar voor ${nlGetal(p, 1)}% gerealiseerd.`, bewijs),
      );
    }
  }

  // 7. Timeliness against the target value.
  {
    const tijdig = zaken?.totaalTijdig?.mul(HONDERD);
    const doel = doelen.find((x) => x.bron?.startsWith('tijdigheid') && x.doel.streefwaarde);
    const norm = doel?.doel.streefwaarde?.waarde ?? inst.tijdigheidNorm;
    const normTekst = doel ? `streefwaarde ${doel.doel.streefwaarde!.tekst} (doel ${doel.doel.id})` : `norm ${nlGetal(norm)}% (standaard)`;
    if (zakenOnbruikbaar) {
      criteria.push(crit(7, 'niet te beoordelen', `De zakenexport is niet bruikbaar: ${zakenOnbruikbaar}.`, [normTekst]));
    } else if (!tijdig) {
      criteria.push(crit(7, 'voldoet niet', 'De tijdigheid is niet bekend: er is geen zakenexport met besluiten.', [normTekst]));
    } else {
      const bewijs = [`${nlGetal(tijdig, 1)}% van de besluiten binnen de wettelijke termijn`, normTekst];
      criteria.push(
        tijdig.gte(norm)
          ? crit(7, 'voldoet', `${nlGetal(tijdig, 1)}% van de besluiten is op tijd genomen; de norm is ${nlGetal(norm)}%.`, bewijs)
          : tijdig.gte(norm.sub(inst.tijdigheidMarge))
            ? crit(7, 'voldoet deels', `${nlGetal(tijdig, 1)}% van de besluiten is op tijd genomen, net onder de norm van ${nlGetal(norm)}%.`, bewijs)
            : crit(7, 'voldoet niet', `Maar ${nlGetal(tijdig, 1)}% van de besluiten is op tijd genomen; de norm is ${nlGetal(norm)}%.`, bewijs),
      );
    }
  }

  // 8. Last year's improvement points followed up.
  const punten = wm.verbeterpunten ?? [];
  {
    const open = punten.filter((p) => p.status === 'open').length;
    const bezig = punten.filter((p) => p.status === 'in uitvoering').length;
    const bewijs = [`${punten.length} ${punten.length === 1 ? 'verbeterpunt' : 'verbeterpunten'}: ${punten.length - open - bezig} afgerond, ${bezig} in uitvoering, ${open} open`];
    criteria.push(
      open === 0 && bezig === 0
        ? crit(8, 'voldoet', punten.length ? 'Alle verbeterpunten van vorig jaar zijn afgerond.' : 'Er waren geen verbeterpunten.', bewijs)
        : open === 0
          ? crit(8, 'voldoet deels', `${bezig} ${bezig === 1 ? 'verbeterpunt is' : 'verbeterpunten zijn'} nog in uitvoering.`, bewijs)
          : crit(8, 'voldoet niet', `${open} ${open === 1 ? 'verbeterpunt is' : 'verbeterpunten zijn'} nog niet opgepakt.`, bewijs),
    );
  }

  return {
    gemeente: i.gemeente ?? '',
    jaar,
    criteria,
    totaal: totaalKleur(criteria.map((c) => c.kleur)),
    kerncijfers: {
      benodigd: a.vraag.totaal,
      beschikbaar: a.capaciteit?.totaal.beschikbaar,
      realisatieProcent: r.totaal.procentUren,
      tijdig: zaken?.totaalTijdig?.mul(HONDERD),
      doelenBehaald: doelen.filter((d) => d.uitkomst === 'behaald').length,
      doelenTotaal: doelen.length,
      openVerbeterpunten: punten.filter((p) => p.status !== 'afgerond').length,
    },
    verbeterpunten: punten.map((p) => ({ nr: p.nr, verbeterpunt: p.verbeterpunt, status: p.status, toelichting: p.toelichting ?? '' })),
  };
}
