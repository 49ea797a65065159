import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { melding, type Melding } from './melding.js';
import type { Realisatie } from './types.js';

export function leesRealisatie(tabel: Tabel): { realisatie: Realisatie[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'code', naam: 'code', aliassen: ['productcode'], verplicht: true },
      { veld: 'product', naam: 'product', aliassen: ['omschrijving'] },
      { veld: 'aantal', naam: 'aantal', aliassen: ['gerealiseerd aantal', 'realisatie aantal'], getal: 'aantal' },
      { veld: 'uren', naam: 'uren', aliassen: ['gerealiseerde uren', 'geboekte uren'], getal: 'uren' },
      { veld: 'toelichting', naam: 'toelichting', aliassen: ['verklaring'] },
      // An omgevingsdienst's realisation: for which deelnemer (checked against Deelnemers in werkmap.ts).
      { veld: 'deelnemer', naam: 'deelnemer', aliassen: ['gemeente', 'bevoegd gezag', 'opdrachtgever'] },
    ] as const,
    (v, r) => {
      const code = v.tekst('code');
      if (!code) {
        if (/^totaal\b/i.test(v.tekst('product'))) return undefined;
        v.meldingen.push(melding('fout', 'waarde-leeg', 'deze realisatieregel heeft geen code', r.plaats('code')));
        return undefined;
      }
      return {
        plaats: r.plaats(),
        code,
        aantal: v.getal('aantal', { nietNegatief: true }),
        uren: v.getal('uren', { nietNegatief: true }),
        toelichting: v.tekst('toelichting') || undefined,
        deelnemer: v.tekst('deelnemer') || undefined,
        deelnemerPlaats: r.heeft('deelnemer') ? r.plaats('deelnemer') : undefined,
      };
    },
  );
  return { realisatie: items, meldingen };
}
