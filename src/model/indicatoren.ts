import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import type { Melding } from './melding.js';
import type { Indicatorwaarde } from './types.js';

export function leesIndicatoren(tabel: Tabel): { indicatoren: Indicatorwaarde[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'id', naam: 'id', aliassen: ['doel', 'doel id'], verplicht: true },
      { veld: 'waarde', naam: 'waarde', aliassen: ['realisatie', 'gerealiseerd'], verplicht: true },
    ] as const,
    (v, r) => {
      const id = v.tekst('id', { verplicht: true });
      if (!id) return undefined;
      return { plaats: r.plaats('waarde'), id, waarde: v.getal('waarde'), tekst: r.tekst('waarde') };
    },
  );
  return { indicatoren: items, meldingen };
}
