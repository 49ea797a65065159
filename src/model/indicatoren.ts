import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import type { Melding } from './melding.js';
import { normaliseerKop } from './kolommen.js';
import { melding } from './melding.js';
import { INDICATOR_BRONNEN, type IndicatorBron, type Indicatorwaarde } from './types.js';

export function leesIndicatoren(tabel: Tabel): { indicatoren: Indicatorwaarde[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'id', naam: 'id', aliassen: ['doel', 'doel id'], verplicht: true },
      { veld: 'waarde', naam: 'waarde', aliassen: ['realisatie', 'gerealiseerd'], getal: 'getal' },
      { veld: 'bron', naam: 'bron', aliassen: ['berekend uit'] },
      { veld: 'indicator', naam: 'indicator' },
    ] as const,
    (v, r) => {
      const id = v.tekst('id', { verplicht: true });
      if (!id) return undefined;
      const bron = normaliseerKop(v.tekst('bron'));
      if (bron && !INDICATOR_BRONNEN.includes(bron as IndicatorBron)) {
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `bron "${v.tekst('bron')}" is onbekend; kies uit ${INDICATOR_BRONNEN.join(', ')}`, r.plaats('bron')));
      }
      const waarde = v.getal('waarde');
      if (!bron && waarde.soort === 'leeg') {
        v.meldingen.push(melding('waarschuwing', 'indicator-leeg', `indicator ${id} heeft geen waarde en geen bron`, r.plaats('waarde')));
      }
      return {
        plaats: r.plaats('waarde'),
        id,
        indicator: v.tekst('indicator') || undefined,
        waarde,
        tekst: r.tekst('waarde'),
        bron: INDICATOR_BRONNEN.includes(bron as IndicatorBron) ? (bron as IndicatorBron) : undefined,
      };
    },
  );
  return { indicatoren: items, meldingen };
}
