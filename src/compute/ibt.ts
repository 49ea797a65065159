import type { Analyse } from './controle.js';
import type { DoelResultaat } from './doelen.js';
import type { PlanRealisatie } from './realisatie.js';
import type { ZakenResultaat } from './zaken.js';
import { beoordeelKwaliteit } from './kwaliteit.js';
import { leesDatumTekst, nlDatum } from '../model/datum.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';
import type { Werkmap } from '../model/types.js';

import { ingebouwdProfiel, leesDagMaand, PROFIELEN, type DagMaand, type ProvincieProfiel, type Status } from './provincie.js';

export type { Status } from './provincie.js';
/** grijs: the criterion cannot be judged (the case export is unusable, too little is covered). */
export type Kleur = 'groen' | 'oranje' | 'rood' | 'grijs';

export const KLEUR: Record<Status, Kleur> = { voldoet: 'groen', 'voldoet deels': 'oranje', 'voldoet niet': 'rood', 'niet te beoordelen': 'grijs' };

/** Thresholds of the IBT check: the province's profile, with the command line's overrides applied. */
export interface IbtInstellingen {
  /** Deadlines, pairing of documents and the words of the verdict scale. */
  profiel: ProvincieProfiel;
  /** Why this profile, when the werkmap named a province without one. */
  profielOpmerking?: string;
  /** `--peildatum`: the day the province takes stock; overrides the profile's. */
  peildatum?: Date;
  /** The day of the run: an adoption date after it cannot be true (tests fix it). */
  vandaag?: Date;
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
  profiel: PROFIELEN.standaard!,
  realisatieGroen: Rational.of(90n),
  realisatieOranje: Rational.of(75n),
  tijdigheidNorm: Rational.of(95n),
  tijdigheidMarge: Rational.of(5n),
};

/** The thresholds' names, as command-line options in camel case (`--uvp-uiterlijk` → uvpUiterlijk). */
export const DREMPEL_SLEUTELS = ['peildatum', 'uvpUiterlijk', 'jaarverslagUiterlijk', 'realisatieGroen', 'realisatieOranje', 'tijdigheidNorm', 'tijdigheidMarge'] as const;

/** The thresholds as written text (plain data: they cross worker threads), as the command line gives them. */
export type IbtDrempels = Partial<Record<(typeof DREMPEL_SLEUTELS)[number], string>>;

export function drempelsUit(opts: IbtDrempels): IbtDrempels {
  return Object.fromEntries(DREMPEL_SLEUTELS.flatMap((k) => (opts[k] === undefined ? [] : [[k, opts[k]]])));
}

/**
 * Thresholds from their written form ("01-02", "90", "92,5"); throws a Dutch message on nonsense.
 * The profile is the one chosen (`--provincie`), else the werkmap's `provincie` when vth has a
 * profile for it, else the standard one (and the report says so).
 */
export function ibtInstellingen(d: IbtDrempels = {}, gekozen?: ProvincieProfiel, werkmapProvincie?: string): IbtInstellingen {
  const dagMaand = (s: string | undefined, standaard: DagMaand | undefined, naam: string) => (s === undefined ? standaard : leesDagMaand(s, naam));
  const procent = (s: string | undefined, standaard: Rational, naam: string) => {
    if (s === undefined) return standaard;
    const r = Rational.fromDecimalString(s.trim().replace('%', '').replace(',', '.'));
    if (!r || r.isNegative() || r.gt(Rational.of(100n))) throw new RangeError(`${naam} "${s}" is geen percentage van 0 tot 100`);
    return r;
  };
  let basis = PROFIELEN.standaard!;
  let profielOpmerking: string | undefined;
  if (gekozen) basis = gekozen;
  else if (werkmapProvincie) {
    const p = ingebouwdProfiel(werkmapProvincie);
    if (p) basis = p;
    else profielOpmerking = `vth heeft geen profiel voor provincie "${werkmapProvincie}" (blad Instellingen); het standaardprofiel geldt. Kies een profiel met --provincie.`;
  }
  const profiel: ProvincieProfiel = {
    ...basis,
    uvpUiterlijk: dagMaand(d.uvpUiterlijk, basis.uvpUiterlijk, '--uvp-uiterlijk'),
    jaarverslagUiterlijk: dagMaand(d.jaarverslagUiterlijk, basis.jaarverslagUiterlijk, '--jaarverslag-uiterlijk'),
  };
  // The project's one date reader: 1-7-2026, 01/07/2026 and 2026-07-01 all mean the same day.
  const peildatum = d.peildatum === undefined ? undefined : leesDatumTekst(d.peildatum);
  if (peildatum === null) throw new RangeError(`--peildatum "${d.peildatum}" is geen datum (schrijf dd-mm-jjjj, bijvoorbeeld 01-07-2026)`);
  const i: IbtInstellingen = {
    profiel,
    ...(profielOpmerking ? { profielOpmerking } : {}),
    ...(peildatum ? { peildatum } : {}),
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
  /** The status in the words of the province's scale ("redelijk adequaat"). */
  oordeel: string;
  kleur: Kleur;
  /** The figures the judgement rests on. */
  bewijs: string[];
  /** One sentence, in Dutch. */
  reden: string;
}

export interface IbtOordeel {
  gemeente: string;
  jaar: number;
  /** The province profile judged by, with its source. */
  profiel: { naam: string; bron: string; opmerking?: string };
  /** The day the province takes stock, when one is set. */
  peildatum?: Date;
  criteria: Criterium[];
  totaal: Kleur;
  /** The overall colour in the words of the scale. */
  totaalOordeel: string;
  /** Facts that do not fit: an adoption date after the peildatum or in the future. */
  bevindingen: string[];
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

/** The eight criteria of documenten.md, in order, and the kwaliteitscriteria (issue 29). */
export const CRITERIA = [
  'Documenten actueel en op tijd vastgesteld',
  'Prioriteiten volgen uit een risicoanalyse',
  'Doelen zijn meetbaar',
  'Capaciteit in beeld en toereikend',
  'Jaarverslag op tijd en over realisatie en doelen',
  'Realisatie van het programma',
  'Tijdigheid volgens de streefwaarde',
  'Verbeterpunten van vorig jaar opgevolgd',
  'Kwaliteitscriteria in beeld',
];

const HONDERD = Rational.of(100n);

const maakCrit =
  (schaal: ProvincieProfiel['schaal']) =>
  (nr: number, status: Status, reden: string, bewijs: string[]): Criterium => ({
    nr,
    naam: CRITERIA[nr - 1]!,
    status,
    oordeel: status === 'niet te beoordelen' ? status : schaal[status],
    kleur: KLEUR[status],
    bewijs,
    reden,
  });

const datum = (d: DagMaand, jaar: number) => new Date(Date.UTC(jaar, d.maand - 1, d.dag));

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
  const p = inst.profiel;
  const crit = maakCrit(p.schaal);
  const peil = inst.peildatum ?? (p.peildatum ? datum(p.peildatum, jaar + p.peildatum.jaar) : undefined);
  const vandaag = inst.vandaag ?? new Date();
  const bevindingen: string[] = [];
  /** An adoption date counts only when it lies on or before the peildatum, and never in the future. */
  const telt = (d: Date | undefined, wat: string): Date | undefined => {
    if (!d) return undefined;
    if (peil && d > peil) {
      bevindingen.push(`${wat} is volgens de werkmap vastgesteld op ${nlDatum(d)}, na de peildatum ${nlDatum(peil)}: telt niet als vastgesteld.`);
      return undefined;
    }
    if (d > vandaag) {
      bevindingen.push(`${wat} is volgens de werkmap vastgesteld op ${nlDatum(d)}, een datum die nog moet komen: telt niet als vastgesteld (tikfout?).`);
      return undefined;
    }
    return d;
  };

  // 1. Documents current and adopted in time.
  {
    const grens = p.uvpUiterlijk && datum(p.uvpUiterlijk, jaar);
    const planOk = i.beleidsplanGeldigTot !== undefined && i.beleidsplanGeldigTot >= jaar;
    const uvp = telt(i.uvpVastgesteldOp, `het UVP ${jaar}`);
    const uvpOk = uvp !== undefined && (!grens || uvp < grens);
    const tijdig = grens ? `vóór ${nlDatum(grens)}` : 'op tijd';
    const bewijs = [
      i.beleidsplanGeldigTot !== undefined ? `beleidsplan geldig tot en met ${i.beleidsplanGeldigTot}` : 'geldigheid beleidsplan onbekend',
      uvp ? `UVP vastgesteld op ${nlDatum(uvp)} (${grens ? `uiterlijk vóór ${nlDatum(grens)}` : `profiel ${p.naam} noemt geen termijn`})` : 'vaststellingsdatum UVP onbekend',
    ];
    criteria.push(
      planOk && uvpOk
        ? crit(1, 'voldoet', `Het beleidsplan dekt ${jaar} en het UVP is ${grens ? tijdig + ' ' : ''}vastgesteld.`, bewijs)
        : planOk || uvpOk
          ? crit(1, 'voldoet deels', planOk ? (uvp ? `Het beleidsplan dekt ${jaar}, maar het UVP is niet ${tijdig} vastgesteld.` : `Het beleidsplan dekt ${jaar}, maar het UVP is niet vastgesteld.`) : `Het UVP is ${grens ? tijdig + ' ' : ''}vastgesteld, maar het beleidsplan dekt ${jaar} niet.`, bewijs)
          : crit(1, 'voldoet niet', `Het beleidsplan dekt ${jaar} niet en het UVP is niet ${grens ? tijdig + ' ' : ''}vastgesteld.`, bewijs),
    );
  }

  // 2. Priorities follow from a risk analysis.
  {
    const regels = a.vraag.regels.filter((x) => !x.regel.wettelijk);
    const gekoppeld = regels.filter((x) => x.regel.prioriteit).length;
    if (!a.risico) {
      criteria.push(crit(2, 'voldoet niet', 'Er is geen bruikbare risicoanalyse met risicomodel.', ['geen risicoanalyse']));
    } else {
      const zonderRegel = a.prioriteitGaten;
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
    const volledig = alle.filter((d) => d.indicatoren.every((x) => x.indicator && x.streefwaarde)).length;
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
        `benodigd ${nlGetal(c.totaal.benodigd, 0)} uur${c.totaal.zonderUren ? ` (bekend; ${c.totaal.zonderUren} ${c.totaal.zonderUren === 1 ? 'product' : 'producten'} zonder uren)` : ''}, beschikbaar ${c.totaal.beschikbaar ? `${nlGetal(c.totaal.beschikbaar, 0)} uur` : 'onbekend'}`,
        ...c.tekorten.map((t) => `${t.afdeling}: tekort ${nlGetal(t.tekort, 0)} uur, ${t.uitgesteld.length} ${t.uitgesteld.length === 1 ? 'product' : 'producten'} voor uitstel${t.rest.gt(Rational.ZERO) ? `, ${nlGetal(t.rest, 0)} uur raakt wettelijk werk` : ''}`),
        ...c.ontbreekt.map((o) => `niet bekend: ${o.tekst}`),
      ];
      const raaktWettelijk = c.tekorten.some((t) => t.rest.gt(Rational.ZERO));
      // Never green on unknown figures: a capacity nobody knows is "niet te beoordelen", with what is missing.
      criteria.push(
        c.oordeel === 'toereikend'
          ? crit(4, 'voldoet', 'De beschikbare capaciteit is toereikend voor het geplande werk.', bewijs)
          : c.oordeel === 'niet te beoordelen'
            ? crit(4, 'niet te beoordelen', `Of de capaciteit toereikend is, is niet te beoordelen. Nog onbekend: ${c.ontbreekt.map((o) => o.tekst).join('; ')}.`, bewijs)
            : raaktWettelijk
              ? crit(4, 'voldoet niet', 'Het tekort aan capaciteit raakt wettelijk verplicht werk.', bewijs)
              : crit(4, 'voldoet deels', 'Er is een tekort aan capaciteit; het programma zegt welk werk wordt uitgesteld.', bewijs),
      );
    }
  }

  // 5. Jaarverslag adopted in time and reporting realisation and goals: the one over N, or over N−1
  // when the province judges it with the UVP of N (its content is then not in this werkmap).
  {
    const over = p.jaarverslagOver === 'N-1' ? jaar - 1 : jaar;
    const grens = p.jaarverslagUiterlijk && datum(p.jaarverslagUiterlijk, over + 1);
    const d = telt(over === jaar ? i.jaarverslagVastgesteldOp : i.jaarverslagVorigJaarVastgesteldOp, `het jaarverslag over ${over}`);
    const heeftRealisatie = r.regels.some((x) => x.bron !== 'geen');
    const heeftDoelen = doelen.some((x) => x.uitkomst !== 'onbekend');
    const sleutel = over === jaar ? 'jaarverslag vastgesteld op' : 'jaarverslag vorig jaar vastgesteld op';
    const bewijs = [
      d ? `jaarverslag over ${over} vastgesteld op ${nlDatum(d)} (${grens ? `uiterlijk vóór ${nlDatum(grens)}` : `profiel ${p.naam} noemt geen termijn`})` : `vaststellingsdatum jaarverslag over ${over} onbekend (instelling "${sleutel}")`,
      ...(over === jaar
        ? [heeftRealisatie ? 'realisatie per product gerapporteerd' : 'geen realisatie per product', heeftDoelen ? 'doelen beoordeeld' : 'geen doel beoordeeld']
        : [`de inhoud van het jaarverslag over ${over} staat niet in deze werkmap en is niet getoetst`]),
    ];
    const opTijd = d !== undefined && (!grens || d < grens);
    const inhoudOk = over !== jaar || (heeftRealisatie && heeftDoelen);
    // Not yet due on the peildatum: nothing to judge, not a failure.
    const nogNietNodig = !d && peil !== undefined && peil < (grens ?? new Date(Date.UTC(over + 1, 0, 1)));
    criteria.push(
      nogNietNodig
        ? crit(5, 'niet te beoordelen', `Op de peildatum ${nlDatum(peil!)} hoefde het jaarverslag over ${over} nog niet vastgesteld te zijn.`, bewijs)
        : !d
          ? crit(5, 'voldoet niet', `Er is geen vastgesteld jaarverslag over ${over}.`, bewijs)
          : opTijd && inhoudOk
            ? crit(5, 'voldoet', `Het jaarverslag over ${over} is ${grens ? `vóór ${nlDatum(grens)} ` : ''}vastgesteld${over === jaar ? ' en rapporteert over realisatie en doelen' : ''}.`, bewijs)
            : crit(5, 'voldoet deels', !opTijd ? `Het jaarverslag over ${over} is pas na ${nlDatum(grens!)} vastgesteld.` : 'Het jaarverslag rapporteert niet over zowel realisatie als doelen.', bewijs),
    );
  }

  // The year's realisation is not complete before the year has ended.
  const jaarNietVoorbij = peil !== undefined && peil < new Date(Date.UTC(jaar + 1, 0, 1));
  const nietVoorbijReden = jaarNietVoorbij ? `Op de peildatum ${nlDatum(peil!)} is ${jaar} nog niet voorbij; de realisatie is nog niet compleet.` : '';

  // 6. Realisation of the programme, judged on the hours whose realisation is known, with that coverage.
  {
    const p = r.totaal.procentUren;
    const gepland = a.vraag.totaalRegels;
    const dekking = gepland.isZero() ? undefined : r.totaal.planUren.mul(HONDERD).div(gepland);
    const dekkingTekst = dekking ? `realisatie bekend voor ${nlGetal(r.totaal.planUren, 0)} van ${nlGetal(gepland, 0)} geplande uren (${nlGetal(dekking, 1)}%)` : '';
    const ongedekt = r.dekking.filter((d) => !d.gedekt).map((d) => d.taakveld);
    if (jaarNietVoorbij) {
      criteria.push(crit(6, 'niet te beoordelen', nietVoorbijReden, [dekkingTekst || 'realisatie over een jaar dat nog loopt']));
    } else if (zakenOnbruikbaar && !wm.realisatie) {
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
    // The same figure as the jaarverslag's timeliness goal: cases open past their term count as late.
    const tijdig = zaken?.totaalTijdigMetOpen?.mul(HONDERD);
    const open = zaken?.openOverTermijn ?? 0;
    const doel = doelen.find((x) => x.bron?.startsWith('tijdigheid') && x.doel.streefwaarde);
    const norm = doel?.doel.streefwaarde?.waarde ?? inst.tijdigheidNorm;
    const normTekst = doel ? `streefwaarde ${doel.doel.streefwaarde!.tekst} (doel ${doel.doel.id})` : `norm ${nlGetal(norm)}% (standaard)`;
    if (jaarNietVoorbij) {
      criteria.push(crit(7, 'niet te beoordelen', nietVoorbijReden, [normTekst]));
    } else if (zakenOnbruikbaar) {
      criteria.push(crit(7, 'niet te beoordelen', `De zakenexport is niet bruikbaar: ${zakenOnbruikbaar}.`, [normTekst]));
    } else if (!tijdig) {
      // Unknown is not a shortfall: without decisions there is nothing to judge.
      criteria.push(crit(7, 'niet te beoordelen', 'De tijdigheid is niet bekend: er is geen zakenexport met besluiten.', [normTekst]));
    } else {
      const wat = open
        ? `${nlGetal(tijdig, 1)}% van de zaken is op tijd beslist (de ${nlGetal(open, 0)} zaken die eind ${jaar} nog open waren en al over de termijn, tellen als te laat)`
        : `${nlGetal(tijdig, 1)}% van de besluiten is op tijd genomen`;
      const bewijs = [open ? `${nlGetal(tijdig, 1)}% binnen de wettelijke termijn, ${nlGetal(open, 0)} open zaken over de termijn meegeteld als te laat` : `${nlGetal(tijdig, 1)}% van de besluiten binnen de wettelijke termijn`, normTekst];
      criteria.push(
        tijdig.gte(norm)
          ? crit(7, 'voldoet', `${wat}; de norm is ${nlGetal(norm)}%.`, bewijs)
          : tijdig.gte(norm.sub(inst.tijdigheidMarge))
            ? crit(7, 'voldoet deels', `${wat}, net onder de norm van ${nlGetal(norm)}%.`, bewijs)
            : crit(7, 'voldoet niet', `Maar ${wat}; de norm is ${nlGetal(norm)}%.`, bewijs),
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

  // 9. Kwaliteitscriteria in beeld: every area judged, and each one short of the kritieke massa explained.
  {
    const kc = beoordeelKwaliteit(wm);
    if (!kc || kc.gebieden.length === 0) {
      criteria.push(crit(9, 'niet te beoordelen', 'De kwaliteitscriteria zijn niet in beeld gebracht: er zijn geen normen per deskundigheidsgebied vastgelegd.', ['geen blad Kwaliteitscriteria']));
    } else {
      const t = kc.telling;
      const namen = (o: string) => kc.gebieden.filter((g) => g.oordeel === o).map((g) => g.gebied).join(', ');
      const bewijs = [
        `${kc.gebieden.length} deskundigheidsgebieden${kc.versie ? ` (${kc.versie})` : ''}: ${t.voldoet} voldoet, ${t['gemotiveerd afgeweken']} gemotiveerd afgeweken, ${t['elders belegd']} elders belegd, ${t['voldoet niet']} voldoet niet, ${t['niet te beoordelen']} niet te beoordelen`,
        ...(t['voldoet niet'] ? [`voldoet niet zonder motivering: ${namen('voldoet niet')}`] : []),
        ...(t['niet te beoordelen'] ? [`niet te beoordelen: ${namen('niet te beoordelen')}`] : []),
      ];
      criteria.push(
        t['voldoet niet']
          ? crit(9, 'voldoet niet', `${t['voldoet niet']} ${t['voldoet niet'] === 1 ? 'deskundigheidsgebied voldoet' : 'deskundigheidsgebieden voldoen'} niet aan de kritieke massa, zonder motivering.`, bewijs)
          : t['niet te beoordelen']
            ? crit(9, 'voldoet deels', `Van ${t['niet te beoordelen']} ${t['niet te beoordelen'] === 1 ? 'deskundigheidsgebied' : 'deskundigheidsgebieden'} is niet bekend of aan de kritieke massa wordt voldaan.`, bewijs)
            : crit(9, 'voldoet', 'Elk deskundigheidsgebied is beoordeeld; waar de kritieke massa niet wordt gehaald, is gemotiveerd afgeweken.', bewijs),
      );
    }
  }

  const totaal = totaalKleur(criteria.map((c) => c.kleur));
  return {
    gemeente: i.gemeente ?? '',
    jaar,
    profiel: { naam: p.naam, bron: p.bron, ...(inst.profielOpmerking ? { opmerking: inst.profielOpmerking } : {}) },
    ...(peil ? { peildatum: peil } : {}),
    criteria,
    totaal,
    totaalOordeel: totaal === 'groen' ? p.schaal.voldoet : totaal === 'oranje' ? p.schaal['voldoet deels'] : p.schaal['voldoet niet'],
    bevindingen,
    kerncijfers: {
      benodigd: a.vraag.totaal,
      beschikbaar: a.capaciteit?.totaal.beschikbaar,
      realisatieProcent: r.totaal.procentUren,
      tijdig: zaken?.totaalTijdigMetOpen?.mul(HONDERD),
      doelenBehaald: doelen.filter((d) => d.uitkomst === 'behaald').length,
      doelenTotaal: doelen.length,
      openVerbeterpunten: punten.filter((p) => p.status !== 'afgerond').length,
    },
    verbeterpunten: punten.map((p) => ({ nr: p.nr, verbeterpunt: p.verbeterpunt, status: p.status, toelichting: p.toelichting ?? '' })),
  };
}
