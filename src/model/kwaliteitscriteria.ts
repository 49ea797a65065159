import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { nlGetal, type Waarde } from './getal.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import type { KcNorm, KcWaarde } from './types.js';

export const KC_KOLOMMEN = [
  { veld: 'gebied', naam: 'gebied', aliassen: ['deskundigheidsgebied', 'deskundigheid', 'taakgebied'], verplicht: true },
  { veld: 'aantal', naam: 'aantal', aliassen: ['minimum aantal', 'aantal personen', 'aantal medewerkers', 'kritieke massa'], getal: 'aantal' },
  { veld: 'frequentie', naam: 'frequentie', aliassen: ['uren per jaar', 'vlieguren', 'minimum uren', 'uren per persoon'], getal: 'uren' },
  { veld: 'werkervaring', naam: 'werkervaring', aliassen: ['ervaring', 'jaren werkervaring', 'werkervaring in jaren'], getal: 'getal' },
  { veld: 'opleiding', naam: 'opleiding', aliassen: ['opleidingseis', 'opleidingsniveau', 'vooropleiding'] },
  { veld: 'kennis', naam: 'aanvullende kennis', aliassen: ['kennis', 'aanvullende kennis en vaardigheden'] },
  { veld: 'belegd', naam: 'belegd bij', aliassen: ['belegd', 'uitgevoerd door', 'uitvoering door'] },
  { veld: 'motivering', naam: 'motivering', aliassen: ['motivatie', 'toelichting', 'verklaring', 'uitleg afwijking'] },
] as const;

/** A norm cell: a number, n.v.t. (no requirement), or unknown (empty, n.t.b., PM): never 0 for unknown. */
export function kcWaarde(w: Waarde): KcWaarde {
  if (w.soort === 'getal') return w.waarde.isNegative() ? { soort: 'onbekend' } : { soort: 'getal', waarde: w.waarde };
  if (w.soort === 'geen') return w.woord === 'n.v.t.' || w.woord === '-' ? { soort: 'geen' } : { soort: 'onbekend', woord: w.woord };
  return { soort: 'onbekend' };
}

/**
 * Sheet Kwaliteitscriteria: the municipality's adopted KC table, one row per deskundigheidsgebied. No
 * norm is built in: versions and local adoptions differ, so what the sheet says is what counts.
 */
export function leesKwaliteitscriteria(tabel: Tabel): { normen: KcNorm[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen } = leesBlad<string, KcNorm>(tabel, KC_KOLOMMEN, (v, r) => {
    const gebied = v.tekst('gebied');
    if (!gebied) {
      const rest = (['aantal', 'frequentie', 'werkervaring', 'opleiding', 'motivering'] as const).some((k) => r.tekst(k) !== '');
      if (rest) v.meldingen.push(melding('fout', 'waarde-leeg', 'deze rij heeft normen maar geen gebied', r.plaats('gebied')));
      return undefined;
    }
    const k = normaliseerKop(gebied);
    if (gezien.has(k)) {
      v.meldingen.push(melding('fout', 'gebied-dubbel', `gebied "${gebied}" staat ook op rij ${gezien.get(k)}; welke norm geldt is onduidelijk`, r.plaats('gebied')));
      return undefined;
    }
    gezien.set(k, r.rij.rij);
    const aantal = kcWaarde(v.getal('aantal', { nietNegatief: true }));
    if (aantal.soort === 'getal' && !aantal.waarde.isInteger()) {
      v.meldingen.push(melding('waarschuwing', 'aantal-geen-geheel', `gebied "${gebied}": een aantal personen is een heel getal; ${nlGetal(aantal.waarde)} wordt naar boven afgerond`, r.plaats('aantal')));
    }
    return {
      plaats: r.plaats('gebied'),
      gebied,
      aantal,
      frequentie: kcWaarde(v.getal('frequentie', { nietNegatief: true })),
      werkervaring: kcWaarde(v.getal('werkervaring', { nietNegatief: true })),
      opleiding: v.tekst('opleiding') || undefined,
      aanvullendeKennis: v.tekst('kennis') || undefined,
      belegdBij: v.tekst('belegd') || undefined,
      motivering: v.tekst('motivering') || undefined,
    };
  });
  return { normen: items, meldingen };
}
