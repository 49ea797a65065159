import type { Tabel } from '../ingest/tabel.js';
import { leesBlad, zoekKop } from './blad.js';
import { nlGetal } from './getal.js';
import { normaliseerKop, type KolomSpec } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { Deelnemer } from './types.js';
import { waarschuwBreuk } from './velden.js';

const HONDERD = Rational.of(100n);

const BASIS = [
  { veld: 'deelnemer', naam: 'deelnemer', aliassen: ['gemeente', 'bevoegd gezag', 'opdrachtgever', 'naam'], verplicht: true },
  { veld: 'verdeelsleutel', naam: 'verdeelsleutel', aliassen: ['aandeel', 'sleutel', 'percentage'], verplicht: true, getal: 'getal' },
  { veld: 'uurtarief', naam: 'uurtarief', aliassen: ['tarief', 'tarief per uur'], getal: 'getal' },
] as const satisfies readonly KolomSpec[];

/** Headers that are remarks, not keys: kept out of the key columns. */
const GEEN_SLEUTEL = new Set(['opmerking', 'opmerkingen', 'toelichting', 'code', 'nr', 'contactpersoon']);

/**
 * Sheet Deelnemers: one row per deelnemer with its verdeelsleutel in percent, and optionally further
 * key columns (any other header with numbers: `inwoners`, `bedrijven`) and an own `uurtarief`. The
 * verdeelsleutels must add up to exactly 100%: anything else is an error that names the sum.
 */
export function leesDeelnemers(invoer: Tabel): { deelnemers: Deelnemer[]; sleutels: { sleutel: string; kop: string }[]; meldingen: Melding[] } {
  // The further key columns are the headers the basic columns do not claim; found on the header row
  // (below any title rows) before the sheet is read, so that each is read as a number column.
  const { tabel } = zoekKop(invoer, BASIS);
  const basisKoppen = new Set(BASIS.flatMap((b) => [b.naam, ...b.aliassen].map(normaliseerKop)));
  const extra = tabel.koppen.filter((k) => k.trim() !== '' && !basisKoppen.has(normaliseerKop(k)) && !GEEN_SLEUTEL.has(normaliseerKop(k)));
  const sleutels = extra.map((kop) => ({ sleutel: normaliseerKop(kop), kop: kop.trim() }));
  const specs: (KolomSpec & { veld: string })[] = [
    ...BASIS,
    ...sleutels.map((s) => ({ veld: `sleutel:${s.sleutel}`, naam: s.kop, getal: 'getal' as const })),
    { veld: 'opmerking', naam: 'opmerking', aliassen: [...GEEN_SLEUTEL].filter((x) => x !== 'opmerking') },
  ];
  const gezien = new Map<string, Deelnemer>();
  const { items, meldingen, ontbreekt } = leesBlad(tabel, specs, (v, r) => {
    const naam = v.tekst('deelnemer', { verplicht: true });
    if (!naam) return undefined;
    const eerder = gezien.get(naam.toLowerCase());
    if (eerder) {
      v.meldingen.push(melding('fout', 'deelnemer-dubbel', `deelnemer "${naam}" staat er twee keer in (ook op rij ${eerder.plaats.rij})`, r.plaats('deelnemer')));
      return undefined;
    }
    const w = v.getal('verdeelsleutel', { nietNegatief: true, verplicht: true });
    waarschuwBreuk(w, 'verdeelsleutel', r.plaats('verdeelsleutel'), v.meldingen);
    if (w.soort === 'geen') v.meldingen.push(melding('fout', 'waarde-geen-getal', `"${w.woord}" is hier niet toegestaan: vul de verdeelsleutel van ${naam} in procenten in (0 kan)`, r.plaats('verdeelsleutel')));
    const d: Deelnemer = {
      plaats: r.plaats(),
      naam,
      verdeelsleutel: w.soort === 'getal' && !w.waarde.isNegative() ? w.waarde : undefined,
      sleutels: new Map(),
      uurtarief: v.strikt('uurtarief', { nietNegatief: true }),
    };
    for (const s of sleutels) {
      const x = v.strikt(`sleutel:${s.sleutel}`, { nietNegatief: true });
      if (x !== undefined) d.sleutels.set(s.sleutel, x);
    }
    gezien.set(naam.toLowerCase(), d);
    return d;
  });
  if (!ontbreekt && items.length) {
    const som = Rational.sum(items.map((d) => d.verdeelsleutel ?? Rational.ZERO));
    const compleet = items.every((d) => d.verdeelsleutel !== undefined);
    if (compleet && !som.eq(HONDERD)) {
      // As many decimals as it takes to show that the sum is not 100 (a key typed as =100/3 misses by 10⁻¹³).
      let d = 2;
      while (d < 20 && nlGetal(som, d) === '100') d++;
      meldingen.push(
        melding(
          'fout',
          'verdeelsleutel-som',
          `de verdeelsleutels van de ${items.length} deelnemers tellen op tot ${nlGetal(som, d)}%, niet tot 100% (verschil ${nlGetal(som.sub(HONDERD), d)} procentpunt): de regionale uren zouden niet precies verdeeld worden. Past de verdeling niet in afgeronde procenten (drie gelijke delen), zet dan een sleutelkolom in Deelnemers (bijvoorbeeld gelijk: 1, 1, 1) en noem die in Projecten in de kolom sleutel`,
          { bestand: tabel.bestand, blad: tabel.blad, kolom: 'verdeelsleutel' },
        ),
      );
    }
  }
  return { deelnemers: items, sleutels, meldingen };
}
