import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { nlGetal } from './getal.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { KcOpleiding, Medewerker } from './types.js';

export const MEDEWERKER_KOLOMMEN = [
  { veld: 'medewerker', naam: 'medewerker', aliassen: ['naam', 'persoon', 'medewerker id', 'personeelsnummer'], verplicht: true },
  { veld: 'afdeling', naam: 'afdeling', aliassen: ['team', 'organisatie'] },
  { veld: 'fte', naam: 'fte', aliassen: ['formatie', 'aanstelling'], getal: 'getal' },
  { veld: 'gebied', naam: 'gebied', aliassen: ['deskundigheidsgebied', 'deskundigheid', 'taakgebied'], verplicht: true },
  { veld: 'opleiding', naam: 'opleiding', aliassen: ['diploma', 'opleiding behaald'] },
  { veld: 'werkervaring', naam: 'werkervaring', aliassen: ['ervaring', 'jaren werkervaring', 'werkervaring in jaren'], getal: 'getal' },
  { veld: 'uren', naam: 'uren', aliassen: ['vlieguren', 'uren in het gebied', 'uren per jaar', 'gewerkte uren'], getal: 'uren' },
] as const;

/** Beyond these a value is possible but unlikely: a warning at the cell, the value is used as typed. */
const MAX_UREN = Rational.of(2000n);
const MAX_FTE = Rational.fromDecimalString('1.5')!;
const MAX_ERVARING = Rational.of(50n);

function leesOpleiding(s: string): KcOpleiding | undefined | null {
  const k = normaliseerKop(s).replace(/[.\s-]+/g, ' ').trim();
  if (k === '') return undefined;
  if (['ja', 'j', 'yes', 'x', 'behaald', 'diploma', 'voldoet'].includes(k)) return 'ja';
  if (['nee', 'n', 'no', 'niet behaald', 'geen'].includes(k)) return 'nee';
  if (['evc', 'evc procedure', 'elders verworven competenties'].includes(k)) return 'EVC';
  if (['in opleiding', 'bezig', 'loopt', 'in opleiding bezig'].includes(k)) return 'in opleiding';
  return null;
}

/**
 * Sheet Medewerkers: one row per person per deskundigheidsgebied with education, experience and the
 * hours worked in the area. Unlikely values are warnings where they stand; a person twice in one area
 * is an error (which row counts is unclear), the second row left out.
 */
export function leesMedewerkers(tabel: Tabel): { medewerkers: Medewerker[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen } = leesBlad<string, Medewerker>(tabel, MEDEWERKER_KOLOMMEN, (v, r) => {
    const naam = v.tekst('medewerker');
    const gebied = v.tekst('gebied');
    if (!naam && !gebied) return undefined;
    if (!naam || !gebied) {
      v.meldingen.push(melding('fout', 'waarde-leeg', naam ? `medewerker "${naam}" heeft geen gebied` : `deze rij (gebied "${gebied}") heeft geen medewerker`, r.plaats(naam ? 'gebied' : 'medewerker')));
      return undefined;
    }
    const sleutel = `${normaliseerKop(naam)}|${normaliseerKop(gebied)}`;
    if (gezien.has(sleutel)) {
      v.meldingen.push(melding('fout', 'medewerker-dubbel', `medewerker "${naam}" staat voor gebied "${gebied}" ook op rij ${gezien.get(sleutel)}; welke rij geldt is onduidelijk (de uren van één persoon in één gebied horen op één rij)`, r.plaats('medewerker')));
      return undefined;
    }
    gezien.set(sleutel, r.rij.rij);
    const fte = v.strikt('fte', { nietNegatief: true });
    if (fte?.gt(MAX_FTE)) v.meldingen.push(melding('waarschuwing', 'fte-hoog', `medewerker "${naam}": ${nlGetal(fte)} fte is meer dan ${nlGetal(MAX_FTE)}; klopt dat?`, r.plaats('fte')));
    const ervaring = v.getal('werkervaring', { nietNegatief: true });
    const werkervaring = ervaring.soort === 'getal' && !ervaring.waarde.isNegative() ? ervaring.waarde : undefined;
    if (werkervaring?.gt(MAX_ERVARING)) v.meldingen.push(melding('waarschuwing', 'werkervaring-hoog', `medewerker "${naam}": ${nlGetal(werkervaring)} jaar werkervaring is meer dan ${nlGetal(MAX_ERVARING)}; klopt dat?`, r.plaats('werkervaring')));
    const u = v.getal('uren', { nietNegatief: true });
    const uren = u.soort === 'getal' && !u.waarde.isNegative() ? u.waarde : undefined;
    if (uren?.gt(MAX_UREN)) v.meldingen.push(melding('waarschuwing', 'uren-hoog', `medewerker "${naam}", gebied "${gebied}": ${nlGetal(uren)} uur in één jaar in één gebied is meer dan ${nlGetal(MAX_UREN)}; klopt dat?`, r.plaats('uren')));
    const opleidingTekst = v.tekst('opleiding');
    const opleiding = leesOpleiding(opleidingTekst);
    if (opleiding === null) {
      v.meldingen.push(melding('fout', 'waarde-onleesbaar', `opleiding "${opleidingTekst}" moet ja, nee, EVC of in opleiding zijn`, r.plaats('opleiding')));
    }
    const p = r.plaatsen(['gebied', 'uren', 'opleiding', 'werkervaring'] as const);
    return {
      plaats: r.plaats('medewerker'),
      medewerker: naam,
      afdeling: v.tekst('afdeling') || undefined,
      fte,
      gebied,
      opleiding: opleiding ?? undefined,
      werkervaring,
      uren,
      kolomPlaatsen: { gebied: p.gebied, uren: p.uren, opleiding: p.opleiding, werkervaring: p.werkervaring },
    };
  });
  return { medewerkers: items, meldingen };
}
