import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { melding, type Melding } from './melding.js';
import type { Afkorting } from './types.js';

/** Sheet Afkortingen: the municipality's own abbreviations and their meaning, beside the built-in ones. */
export function leesAfkortingen(tabel: Tabel): { afkortingen: Afkorting[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen } = leesBlad<string, Afkorting>(
    tabel,
    [
      { veld: 'afkorting', naam: 'afkorting', aliassen: ['afk', 'term'], verplicht: true },
      { veld: 'betekenis', naam: 'betekenis', aliassen: ['omschrijving', 'voluit'], verplicht: true },
    ] as const,
    (v, r) => {
      const afkorting = v.tekst('afkorting');
      const betekenis = v.tekst('betekenis');
      if (!afkorting && !betekenis) return undefined;
      if (!afkorting || !betekenis) {
        v.meldingen.push(melding('waarschuwing', 'waarde-leeg', afkorting ? `afkorting ${afkorting} heeft geen betekenis en staat niet in de lijst` : `"${betekenis}" heeft geen afkorting`, r.plaats(afkorting ? 'betekenis' : 'afkorting')));
        return undefined;
      }
      // Abbreviations are case-sensitive (Bal is not BAL): the same one twice is a mistake.
      if (gezien.has(afkorting)) {
        v.meldingen.push(melding('waarschuwing', 'afkorting-dubbel', `afkorting ${afkorting} staat ook op rij ${gezien.get(afkorting)}; de eerste telt`, r.plaats('afkorting')));
        return undefined;
      }
      gezien.set(afkorting, r.rij.rij);
      return { plaats: r.plaats(), afkorting, betekenis };
    },
  );
  return { afkortingen: items, meldingen };
}
