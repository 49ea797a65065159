import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Doel, DoelIndicator, IndicatorBron, Indicatorwaarde, Vergelijker } from '../model/types.js';
import type { ZakenResultaat } from './zaken.js';

export type DoelUitkomst = 'behaald' | 'niet behaald' | 'onbekend';

/** The judgement of one indicator of a goal. */
export interface IndicatorResultaat {
  indicator: DoelIndicator;
  waarde?: Rational;
  waardeTekst: string;
  uitkomst: DoelUitkomst;
  reden: string;
  bron?: IndicatorBron;
}

export interface DoelResultaat {
  doel: Doel;
  /** The first indicator's realised value, in the goal's unit (percent where the target is a percentage). */
  waarde?: Rational;
  waardeTekst: string;
  /** behaald only when every indicator is; niet behaald when one is not; else onbekend. */
  uitkomst: DoelUitkomst;
  reden: string;
  bron?: IndicatorBron;
  indicatoren: IndicatorResultaat[];
}

const HONDERD = Rational.of(100n);

/**
 * A figure from the case export as a percentage, when the export has it. Timeliness counts the cases
 * still open past their term at year end as late: they are, whatever the decision date will be, and a
 * goal judged on the decisions alone would be met on paper while those applicants still wait.
 */
export function uitZaken(bron: IndicatorBron, z: ZakenResultaat | undefined): Rational | undefined {
  if (!z) return undefined;
  const proc = (p: string) => z.perProcedure.find((x) => x.procedure === p)?.aandeelTijdigMetOpen;
  let r: Rational | undefined;
  switch (bron) {
    case 'tijdigheid':
      r = z.totaalTijdigMetOpen;
      break;
    case 'tijdigheid regulier':
      r = proc('regulier');
      break;
    case 'tijdigheid uitgebreid':
      r = proc('uitgebreid');
      break;
    case 'tijdigheid handhavingsverzoek':
      r = proc('handhavingsverzoek');
      break;
    case 'verdaagd': {
      const vergunning = z.perProcedure.filter((p) => p.procedure !== 'handhavingsverzoek');
      const besloten = vergunning.reduce((s, p) => s + p.besloten, 0);
      const verdaagd = vergunning.reduce((s, p) => s + p.verdaagd, 0);
      r = besloten > 0 ? Rational.of(BigInt(verdaagd), BigInt(besloten)) : undefined;
      break;
    }
    case 'naleving spontaan':
      r = z.naleving.spontaan;
      break;
    case 'naleving na hercontrole':
      r = z.naleving.naHercontrole;
      break;
    case 'hercontroles zonder overtreding':
      r = z.naleving.uitHercontroles?.zonderOvertreding;
      break;
  }
  return r?.mul(HONDERD);
}

export function voldoet(waarde: Rational, vergelijker: Vergelijker, streef: Rational): boolean {
  const c = waarde.cmp(streef);
  switch (vergelijker) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '=':
      return c === 0;
  }
}

const VERGELIJKER_TEKST: Record<Vergelijker, string> = { '>=': 'ten minste', '<=': 'ten hoogste', '>': 'meer dan', '<': 'minder dan', '=': 'precies' };

/** `FP1.2`, `FP1-2`, `FP1 (2)`: the goal id and the indicator's number. */
function idMetNummer(id: string): { id: string; nr: number } | undefined {
  const m = /^(.+?)\s*(?:[.\-/]\s*|\s+\(?)(\d{1,2})\)?$/.exec(id.trim());
  return m ? { id: m[1]!.toLowerCase(), nr: Number(m[2]) } : undefined;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Realised value against target value: behaald / niet behaald / onbekend, each with its reason. Pure. */
export function beoordeelDoelen(doelen: readonly Doel[], indicatoren: readonly Indicatorwaarde[], zaken?: ZakenResultaat): { doelen: DoelResultaat[]; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const perDoel = new Map(doelen.map((d) => [d.id.toLowerCase(), d]));
  // Each realised value to its goal's indicator: by id (the first), by the indicator's text, or by `FP1.2`.
  const gevonden = new Map<DoelIndicator, Indicatorwaarde>();
  for (const i of indicatoren) {
    let d = perDoel.get(i.id.toLowerCase());
    let ind: DoelIndicator | undefined;
    if (d) {
      ind = i.indicator ? d.indicatoren.find((x) => x.indicator && norm(x.indicator) === norm(i.indicator!)) : d.indicatoren[0];
      if (!ind && i.indicator) {
        meldingen.push(melding('waarschuwing', 'indicator-onbekend-doel', `indicator "${i.indicator}" hoort bij geen indicator van doel ${d.id} (${d.indicatoren.map((x) => x.indicator ?? '').filter(Boolean).join('; ')})`, i.plaats));
        continue;
      }
    } else {
      const n = idMetNummer(i.id);
      d = n ? perDoel.get(n.id) : undefined;
      ind = n && d ? d.indicatoren.find((x) => x.nr === n.nr) : undefined;
    }
    if (!d || !ind) {
      meldingen.push(melding('waarschuwing', 'indicator-onbekend-doel', `indicator ${i.id} hoort bij geen doel in Doelen`, i.plaats));
      continue;
    }
    if (gevonden.has(ind)) meldingen.push(melding('waarschuwing', 'indicator-dubbel', `doel ${d.id}${ind.nr > 1 ? ` (indicator ${ind.nr})` : ''} heeft al een gerealiseerde waarde; de eerste telt`, i.plaats));
    else gevonden.set(ind, i);
  }
  const resultaten = doelen.map((d): DoelResultaat => {
    const per = d.indicatoren.map((x) => beoordeelIndicator(d, x, gevonden.get(x), zaken, meldingen));
    const eerste = per[0]!;
    const uitkomst: DoelUitkomst = per.every((p) => p.uitkomst === 'behaald') ? 'behaald' : per.some((p) => p.uitkomst === 'niet behaald') ? 'niet behaald' : 'onbekend';
    const reden = per.length === 1 ? eerste.reden : per.map((p) => `${p.indicator.indicator ?? `indicator ${p.indicator.nr}`}: ${p.uitkomst}, ${p.reden}`).join('; ');
    return { doel: d, waarde: eerste.waarde, waardeTekst: eerste.waardeTekst, uitkomst, reden, bron: eerste.bron, indicatoren: per };
  });
  return { doelen: resultaten, meldingen };
}

function beoordeelIndicator(d: Doel, x: DoelIndicator, ind: Indicatorwaarde | undefined, zaken: ZakenResultaat | undefined, meldingen: Melding[]): IndicatorResultaat {
  const naam = x.nr > 1 ? `${d.id} (indicator ${x.nr})` : d.id;
  if (!x.streefwaarde) return { indicator: x, waardeTekst: ind?.tekst ?? '', uitkomst: 'onbekend', reden: x.nr > 1 ? 'de indicator heeft geen streefwaarde' : 'het doel heeft geen streefwaarde' };
  let waarde: Rational | undefined;
  let waardeTekst = '';
  if (ind?.bron) {
    waarde = uitZaken(ind.bron, zaken);
    waardeTekst = waarde ? `${nlGetal(waarde, 1)}%` : '';
    if (!waarde) return { indicator: x, waardeTekst, uitkomst: 'onbekend', reden: `de ${ind.bron} is niet te berekenen (geen zakenexport of geen zaken van die soort)`, bron: ind.bron };
  } else if (ind?.waarde.soort === 'getal') {
    waarde = ind.waarde.waarde;
    waardeTekst = ind.tekst;
    if (x.streefwaarde.procent && !ind.waarde.procent && waarde.lte(Rational.ONE) && waarde.gt(Rational.ZERO) && !x.streefwaarde.waarde.lte(Rational.ONE)) {
      meldingen.push(melding('waarschuwing', 'indicator-eenheid', `indicator ${naam} is ${ind.tekst} zonder %, bij een streefwaarde in procenten; gelezen als ${ind.tekst} procent`, ind.plaats));
    }
  } else {
    return { indicator: x, waardeTekst: ind?.tekst ?? '', uitkomst: 'onbekend', reden: ind ? `geen getal als gerealiseerde waarde ("${ind.tekst}")` : 'er is over het jaar geen gerealiseerde waarde bekend' };
  }
  const ok = voldoet(waarde, x.streefwaarde.vergelijker, x.streefwaarde.waarde);
  // Every typed decimal: "ten hoogste 0,333", never rounded to a figure that says something else.
  const streef = `${VERGELIJKER_TEKST[x.streefwaarde.vergelijker]} ${nlGetal(x.streefwaarde.waarde, 10)}${x.streefwaarde.procent ? '%' : ''}`;
  return { indicator: x, waarde, waardeTekst, uitkomst: ok ? 'behaald' : 'niet behaald', reden: `gerealiseerd ${waardeTekst}, streefwaarde ${streef}`, bron: ind?.bron };
}
