import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import type { Melding } from './melding.js';
import type { Tekst } from './types.js';

export function leesTeksten(tabel: Tabel): { teksten: Tekst[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'sectie', naam: 'sectie', aliassen: ['hoofdstuk', 'plek'], verplicht: true },
      { veld: 'tekst', naam: 'tekst', verplicht: true },
    ] as const,
    (v, r) => {
      const sectie = normaliseerKop(v.tekst('sectie'));
      // Keep the user's line breaks in prose; only trim the ends.
      const c = r.cel('tekst');
      const tekst = c?.t === 'tekst' ? c.v : v.tekst('tekst');
      if (!sectie || !tekst) return undefined;
      return { plaats: r.plaats('tekst'), sectie, tekst };
    },
  );
  return { teksten: items, meldingen };
}
