import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Doel, IndicatorBron, Indicatorwaarde, Vergelijker } from '../model/types.js';
import type { ZakenResultaat } from './zaken.js';

export type DoelUitkomst = 'behaald' | 'niet behaald' | 'onbekend';

export interface DoelResultaat {
  doel: Doel;
  /** The realised value, in the goal's unit (percent where the target is a percentage). */
  waarde?: Rational;
  waardeTekst: string;
  uitkomst: DoelUitkomst;
  reden: string;
  bron?: IndicatorBron;
}

const HONDERD = Rational.of(100n);

/** A figure from the case export as a percentage, when the export has it. */
export function uitZaken(bron: IndicatorBron, z: ZakenResultaat | undefined): Rational | undefined {
  if (!z) return undefined;
  const proc = (p: string) => z.perProcedure.find((x) => x.procedure === p)?.aandeelTijdig;
  let r: Rational | undefined;
  switch (bron) {
    case 'tijdigheid':
      r = z.totaalTijdig;
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

/** Realised value against target value: behaald / niet behaald / onbekend, each with its reason. Pure. */
export function beoordeelDoelen(doelen: readonly Doel[], indicatoren: readonly Indicatorwaarde[], zaken?: ZakenResultaat): { doelen: DoelResultaat[]; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const perId = new Map<string, Indicatorwaarde>();
  for (const i of indicatoren) perId.set(i.id.toLowerCase(), i);
  const bekend = new Set(doelen.map((d) => d.id.toLowerCase()));
  for (const i of indicatoren) {
    if (!bekend.has(i.id.toLowerCase())) meldingen.push(melding('waarschuwing', 'indicator-onbekend-doel', `indicator ${i.id} hoort bij geen doel in Doelen`, i.plaats));
  }
  const resultaten = doelen.map((d): DoelResultaat => {
    const ind = perId.get(d.id.toLowerCase());
    if (!d.streefwaarde) return { doel: d, waardeTekst: ind?.tekst ?? '', uitkomst: 'onbekend', reden: 'het doel heeft geen streefwaarde' };
    let waarde: Rational | undefined;
    let waardeTekst = '';
    if (ind?.bron) {
      waarde = uitZaken(ind.bron, zaken);
      waardeTekst = waarde ? `${nlGetal(waarde, 1)}%` : '';
      if (!waarde) return { doel: d, waardeTekst, uitkomst: 'onbekend', reden: `de ${ind.bron} is niet te berekenen (geen zakenexport of geen zaken van die soort)`, bron: ind.bron };
    } else if (ind?.waarde.soort === 'getal') {
      waarde = ind.waarde.waarde;
      waardeTekst = ind.tekst;
      if (d.streefwaarde.procent && !ind.waarde.procent && waarde.lte(Rational.ONE) && waarde.gt(Rational.ZERO) && !d.streefwaarde.waarde.lte(Rational.ONE)) {
        meldingen.push(melding('waarschuwing', 'indicator-eenheid', `indicator ${d.id} is ${ind.tekst} zonder %, bij een streefwaarde in procenten; gelezen als ${ind.tekst} procent`, ind.plaats));
      }
    } else {
      return { doel: d, waardeTekst: ind?.tekst ?? '', uitkomst: 'onbekend', reden: ind ? `geen getal als gerealiseerde waarde ("${ind.tekst}")` : 'er is geen gerealiseerde waarde (blad Indicatoren)' };
    }
    const ok = voldoet(waarde, d.streefwaarde.vergelijker, d.streefwaarde.waarde);
    // Every typed decimal: "ten hoogste 0,333", never rounded to a figure that says something else.
    const streef = `${VERGELIJKER_TEKST[d.streefwaarde.vergelijker]} ${nlGetal(d.streefwaarde.waarde, 10)}${d.streefwaarde.procent ? '%' : ''}`;
    return {
      doel: d,
      waarde,
      waardeTekst,
      uitkomst: ok ? 'behaald' : 'niet behaald',
      reden: `gerealiseerd ${waardeTekst}, streefwaarde ${streef}`,
      bron: ind?.bron,
    };
  });
  return { doelen: resultaten, meldingen };
}
