import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import type { Zaaktype } from './types.js';

/** Sheet Zaaktypen: which programme code the cases of a case type count on, made once per case system. */
export function leesZaaktypen(tabel: Tabel): { zaaktypen: Zaaktype[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen } = leesBlad<string, Zaaktype>(
    tabel,
    [
      { veld: 'zaaktype', naam: 'zaaktype', aliassen: ['zaaktype omschrijving', 'product', 'productnaam'], verplicht: true },
      { veld: 'code', naam: 'code', aliassen: ['productcode'], verplicht: true },
      { veld: 'gebied', naam: 'gebied', aliassen: ['deskundigheidsgebied'] },
    ] as const,
    (v, r) => {
      const zaaktype = v.tekst('zaaktype');
      const code = v.tekst('code');
      if (!zaaktype && !code) return undefined;
      if (!zaaktype || !code) {
        v.meldingen.push(melding('fout', 'waarde-leeg', zaaktype ? `zaaktype "${zaaktype}" heeft geen code` : `code ${code} heeft geen zaaktype`, r.plaats(zaaktype ? 'code' : 'zaaktype')));
        return undefined;
      }
      const k = normaliseerKop(zaaktype);
      if (gezien.has(k)) {
        v.meldingen.push(melding('fout', 'zaaktype-dubbel', `zaaktype "${zaaktype}" staat ook op rij ${gezien.get(k)}`, r.plaats('zaaktype')));
        return undefined;
      }
      gezien.set(k, r.rij.rij);
      return { plaats: r.plaats(), zaaktype, code, gebied: v.tekst('gebied') || undefined };
    },
  );
  return { zaaktypen: items, meldingen };
}
