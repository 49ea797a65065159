import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import type { Verbeterpunt } from './types.js';

export function leesVerbeterpunten(tabel: Tabel): { verbeterpunten: Verbeterpunt[]; meldingen: Melding[] } {
  let teller = 0;
  const { items, meldingen } = leesBlad<string, Verbeterpunt>(
    tabel,
    [
      { veld: 'nr', naam: 'nr', aliassen: ['id', 'nummer'] },
      { veld: 'verbeterpunt', naam: 'verbeterpunt', aliassen: ['omschrijving'], verplicht: true },
      { veld: 'status', naam: 'status', verplicht: true },
      { veld: 'toelichting', naam: 'toelichting' },
    ] as const,
    (v, r) => {
      const tekst = v.tekst('verbeterpunt');
      if (!tekst) return undefined;
      teller++;
      const s = normaliseerKop(v.tekst('status'));
      const status = s === 'afgerond' || s === 'gereed' ? 'afgerond' : s === 'in uitvoering' || s === 'lopend' ? 'in uitvoering' : s === 'open' || s === '' ? 'open' : undefined;
      if (!status) {
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `status "${v.tekst('status')}" moet open, in uitvoering of afgerond zijn`, r.plaats('status')));
      }
      return { plaats: r.plaats(), nr: v.tekst('nr') || String(teller), verbeterpunt: tekst, status: status ?? 'open', toelichting: v.tekst('toelichting') || undefined };
    },
  );
  return { verbeterpunten: items, meldingen };
}
