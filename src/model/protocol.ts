import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { Niveau, Protocolitem } from './types.js';

/** A risk-class column of the protocol: RK1, rk 2, risicoklasse 3, klasse 4. */
const KLASSE_KOLOM = /^(rk|risicoklasse|klasse)\s*(\d+)$/;
const klasseNaam = (kop: string) => `RK${KLASSE_KOLOM.exec(normaliseerKop(kop))![2]}`;

/** Sheet Toezichtprotocol: per item the depth level for every risk class (one column each). */
export function leesToezichtprotocol(tabel: Tabel): { items: Protocolitem[]; klassen: string[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  let klassen: string[] = [];
  const extra: Melding[] = [];
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'nr', naam: 'nr', aliassen: ['nummer', 'item'], verplicht: true },
      { veld: 'groep', naam: 'groep', aliassen: ['onderdeel', 'fase'] },
      { veld: 'omschrijving', naam: 'omschrijving', aliassen: ['toetspunt', 'controlepunt'] },
      { veld: 'thema', naam: 'thema' },
    ] as const,
    (v, r) => {
      const nr = v.tekst('nr');
      if (!nr) return undefined;
      const kolommen = r.tabel.koppen.map((k, i) => [k, i] as const).filter(([k]) => KLASSE_KOLOM.test(normaliseerKop(k)));
      klassen = kolommen.map(([k]) => klasseNaam(k));
      const eerder = gezien.get(nr);
      if (eerder !== undefined) {
        extra.push(melding('waarschuwing', 'protocol-dubbel', `item ${nr} staat ook op rij ${eerder}; beide tellen mee (controleer of het om twee verschillende toetspunten gaat)`, r.plaats('nr')));
      } else gezien.set(nr, r.rij.rij);
      const niveaus = new Map<string, string>();
      for (const [kop, i] of kolommen) {
        const c = r.rij.cellen[i];
        const t = c && c.t !== 'leeg' ? (c.t === 'getal' ? String(c.v) : c.t === 'tekst' ? c.v.trim() : '') : '';
        niveaus.set(klasseNaam(kop), t.toUpperCase());
      }
      return { plaats: r.plaats('nr'), nr, groep: v.tekst('groep') || undefined, omschrijving: v.tekst('omschrijving'), thema: v.tekst('thema') || undefined, niveaus, kolomVan: new Map(kolommen.map(([k]) => [klasseNaam(k), k])) };
    },
    { extraBekend: (kop) => KLASSE_KOLOM.test(normaliseerKop(kop)) },
  );
  if (items.length && !klassen.length) {
    extra.push(melding('fout', 'kolom-ontbreekt', 'het toezichtprotocol heeft geen kolommen per risicoklasse (RK1, RK2, …)', { bestand: tabel.bestand, blad: tabel.blad }));
  }
  return { items, klassen, meldingen: [...meldingen, ...extra] };
}

/** Sheet Niveaus: minutes per item for each depth level; S (steekproef) also a share; `vast`: fixed minutes per project. */
export function leesNiveaus(tabel: Tabel): { niveaus: Niveau[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'niveau', naam: 'niveau', verplicht: true },
      { veld: 'minuten', naam: 'minuten', aliassen: ['minuten per item', 'tijd'], verplicht: true, getal: 'aantal' },
      { veld: 'steekproef', naam: 'steekproef', aliassen: ['aandeel', 'steekproefaandeel'], getal: 'aantal' },
    ] as const,
    (v, r) => {
      const niveau = v.tekst('niveau').toUpperCase();
      if (!niveau) return undefined;
      const minuten = v.strikt('minuten', { verplicht: true, nietNegatief: true });
      if (minuten === undefined) return undefined;
      const s = v.getal('steekproef', { nietNegatief: true });
      let steekproef: Rational | undefined;
      if (s.soort === 'getal') {
        // 25% and 0,25 both mean a quarter of the items.
        steekproef = s.procent || s.waarde.gt(Rational.ONE) ? s.waarde.div(Rational.of(100n)) : s.waarde;
        if (steekproef.gt(Rational.ONE)) v.meldingen.push(melding('fout', 'waarde-onleesbaar', 'een steekproef is hooguit 100%', r.plaats('steekproef')));
      }
      if (niveau === 'S' && steekproef === undefined) {
        v.meldingen.push(melding('fout', 'waarde-leeg', 'niveau S (steekproef) heeft een steekproefaandeel nodig, bijvoorbeeld 25%', r.plaats('steekproef')));
      }
      return { plaats: r.plaats('niveau'), niveau, minuten, steekproef };
    },
  );
  return { niveaus: items, meldingen };
}
