import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { kopEenheid, normaliseerKop } from './kolommen.js';
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
        niveaus.set(klasseNaam(kop), t);
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

/**
 * The scale's name of a level as people write it, in Niveaus and in the protocol's cells: `s` and
 * `Steekproef` are S; a row named `vast`, `Vaste tijd (reizen, verslag)` or `vaste minuten per project`
 * is the fixed part per project (VAST); a number is itself (`2,0` is 2).
 */
export function niveauSleutel(t: string): string {
  const n = normaliseerKop(t.replace(/\([^()]*\)/g, ' '));
  if (n === 'steekproef' || n === 's') return 'S';
  if (/^vast(e|\b)/.test(n)) return 'VAST';
  if (/^\d+([.,]0+)?$/.test(n)) return String(Number(n.replace(',', '.')));
  return t.trim().toUpperCase();
}

/** The unit of the minutes column's header: `tijd (uur)` is hours (× 60); `null` when it is no unit of time. */
function minutenFactor(eenheid: string | undefined): Rational | undefined | null {
  if (eenheid === undefined || /^(min|min\.|minuut|minuten|mins?)$/.test(eenheid)) return undefined;
  if (/^(u|uur|uren|h|hrs?|hours?)$/.test(eenheid)) return Rational.of(60n);
  return null;
}

/** Sheet Niveaus: minutes per item for each depth level; S (steekproef) also a share; `vast`: fixed minutes per project. */
export function leesNiveaus(tabel: Tabel): { niveaus: Niveau[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  let factor: Rational | undefined | null;
  let bepaald = false;
  const { items, meldingen, indeling, tabel: gelezen, ontbreekt } = leesBlad(
    tabel,
    [
      { veld: 'niveau', naam: 'niveau', aliassen: ['diepgang', 'toetsniveau', 'niveau toetsing'], verplicht: true },
      { veld: 'minuten', naam: 'minuten', aliassen: ['minuten per item', 'tijd', 'tijd per item', 'minuten per toetspunt', 'tijdsbesteding'], verplicht: true, getal: 'minuten' },
      { veld: 'steekproef', naam: 'steekproef', aliassen: ['aandeel', 'steekproefaandeel', 'steekproef percentage', 'percentage'], getal: 'aantal' },
    ] as const,
    (v, r) => {
      if (!bepaald) {
        factor = minutenFactor(kopEenheid(r.indeling.kolommen.minuten?.kop ?? ''));
        bepaald = true;
      }
      const naam = v.tekst('niveau');
      if (!naam) return undefined;
      const niveau = niveauSleutel(naam);
      const eerder = gezien.get(niveau);
      if (eerder !== undefined) v.meldingen.push(melding('fout', 'niveau-dubbel', `niveau "${naam}" staat ook op rij ${eerder}; welke minuten gelden is onduidelijk`, r.plaats('niveau')));
      gezien.set(niveau, r.rij.rij);
      const gelezenMinuten = factor === null ? undefined : v.strikt('minuten', { verplicht: true, nietNegatief: true });
      const minuten = gelezenMinuten && factor ? gelezenMinuten.mul(factor) : gelezenMinuten;
      if (minuten === undefined) return { plaats: r.plaats('niveau'), niveau, naam, minuten: Rational.ZERO, onleesbaar: true };
      const s = v.getal('steekproef', { nietNegatief: true });
      let steekproef: Rational | undefined;
      if (s.soort === 'getal') {
        // 25% and 0,25 both mean a quarter of the items.
        steekproef = s.procent || s.waarde.gt(Rational.ONE) ? s.waarde.div(Rational.of(100n)) : s.waarde;
        if (steekproef.gt(Rational.ONE)) v.meldingen.push(melding('fout', 'waarde-onleesbaar', 'een steekproef is hooguit 100%', r.plaats('steekproef')));
      }
      if (niveau === 'S' && steekproef === undefined) {
        v.meldingen.push(melding('fout', 'waarde-leeg', `niveau "${naam}" (steekproef) heeft een steekproefaandeel nodig, bijvoorbeeld 25%`, r.plaats('steekproef')));
      }
      if (naam.toUpperCase() !== niveau && !/^\d/.test(naam)) {
        v.meldingen.push(melding('melding', 'niveau-gelezen', `niveau "${naam}" gelezen als ${niveau === 'VAST' ? 'vast (vaste minuten per project)' : `${niveau} (steekproef)`}`, r.plaats('niveau')));
      }
      return { plaats: r.plaats('niveau'), niveau, naam, minuten, steekproef };
    },
  );
  const kop = indeling.kolommen.minuten?.kop;
  if (kop && bepaald && factor !== undefined) {
    const plaats = { bestand: gelezen.bestand, blad: gelezen.blad, rij: gelezen.kopRij, kolom: kop };
    meldingen.push(
      factor === null
        ? melding('fout', 'kop-eenheid', `de eenheid "${kopEenheid(kop)}" in kolom "${kop}" is geen tijdseenheid: schrijf de tijd per toetspunt in minuten (kop "minuten") of in uren ("tijd (uur)")`, plaats)
        : melding('melding', 'kop-eenheid', `kolom "${kop}": de tijden zijn in uren en gelezen als minuten (× 60)`, plaats),
    );
  }
  if (!ontbreekt && items.length === 0) {
    meldingen.push(melding('waarschuwing', 'blad-leeg', 'blad Niveaus noemt geen enkel niveau met zijn minuten (0, S, 1 … 4 en vast)', { bestand: gelezen.bestand, blad: gelezen.blad }));
  }
  return { niveaus: items, meldingen };
}
