import { celTekst, isLeeg, type Rij, type Tabel } from '../ingest/tabel.js';
import { GetalToestand } from './conventie.js';
import { deelKolommenIn, RijLezer, telKoppen, type KolomSpec } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { isTotaalTekst } from './totaal.js';
import { VeldLezer } from './velden.js';

/** How far below the first row a header may sit (title rows, a blank line, a note). */
const MAX_TITELRIJEN = 10;

/**
 * The header row: the first non-empty row, unless a row a little lower names more of the sheet's
 * columns (a title such as "Uitvoeringsprogramma 2025 — Gemeente X" above the table).
 */
export function zoekKop(tabel: Tabel, specs: readonly KolomSpec[]): { tabel: Tabel; overgeslagen: Rij[] } {
  const huidig = telKoppen(tabel.koppen, specs);
  let beste = -1;
  let besteScore = huidig;
  tabel.rijen.slice(0, MAX_TITELRIJEN).forEach((rij, i) => {
    const score = telKoppen(rij.cellen.map((c) => (c.t === 'tekst' ? c.v : '')), specs);
    if (score > besteScore) {
      besteScore = score;
      beste = i;
    }
  });
  if (beste < 0) return { tabel, overgeslagen: [] };
  const kop = tabel.rijen[beste]!;
  let koppen = kop.cellen.map((c) => celTekst(c).trim());
  while (koppen.length && koppen[koppen.length - 1] === '') koppen = koppen.slice(0, -1);
  const titel: Rij = { rij: tabel.kopRij, cellen: tabel.koppen.map((k) => (k ? { t: 'tekst', v: k } : { t: 'leeg' })) };
  return {
    tabel: { ...tabel, koppen, kopRij: kop.rij, rijen: tabel.rijen.slice(beste + 1) },
    overgeslagen: [titel, ...tabel.rijen.slice(0, beste)],
  };
}

export interface BladOpties {
  extraBekend?: (kop: string) => boolean;
  /** Producten checks its own total rows; other sheets leave them out with a finding. */
  eigenTotalen?: boolean;
}

/** Runs `perRij` over every data row of a sheet with its column layout; collects findings. */
export function leesBlad<V extends string, T>(
  invoer: Tabel,
  specs: readonly (KolomSpec & { veld: V })[],
  perRij: (v: VeldLezer<V>, r: RijLezer<V>) => T | undefined,
  opties: BladOpties | ((kop: string) => boolean) = {},
): { items: T[]; meldingen: Melding[]; ontbreekt: boolean; indeling: ReturnType<typeof deelKolommenIn<V>>['indeling']; tabel: Tabel } {
  const opt: BladOpties = typeof opties === 'function' ? { extraBekend: opties } : opties;
  const { tabel, overgeslagen } = zoekKop(invoer, specs);
  const { indeling, meldingen } = deelKolommenIn(tabel, specs, opt.extraBekend);
  if (overgeslagen.length) {
    const tekst = overgeslagen
      .map((r) => r.cellen.map((c) => celTekst(c).trim()).filter(Boolean).join(' '))
      .filter(Boolean)
      .join(' / ');
    meldingen.push(
      melding(
        'melding',
        'titelrijen',
        `de koppen staan op rij ${tabel.kopRij}; ${overgeslagen.length === 1 ? `rij ${overgeslagen[0]!.rij} erboven is` : `de rijen ${overgeslagen[0]!.rij} tot ${tabel.kopRij} erboven zijn`} overgeslagen${tekst ? ` ("${tekst.length > 80 ? tekst.slice(0, 79) + '…' : tekst}")` : ''}`,
        { bestand: tabel.bestand, blad: tabel.blad, rij: overgeslagen[0]!.rij },
      ),
    );
  }
  const ontbreekt = meldingen.some((m) => m.code === 'kolom-ontbreekt' || m.code === 'kolom-dubbel');
  const items: T[] = [];
  if (!ontbreekt) {
    const getallen = new GetalToestand(tabel, specs, indeling, meldingen);
    for (const rij of tabel.rijen) {
      if (!opt.eigenTotalen && isTotaalRij(rij)) {
        const tekst = rij.cellen.map((c) => celTekst(c).trim()).filter(Boolean).slice(0, 4).join(' ');
        meldingen.push(
          melding('melding', 'totaalregel', `"${tekst.length > 60 ? tekst.slice(0, 59) + '…' : tekst}" is een totaalregel: niet meegeteld`, {
            bestand: tabel.bestand,
            blad: tabel.blad,
            rij: rij.rij,
          }),
        );
        continue;
      }
      const r = new RijLezer(tabel, indeling, rij);
      const item = perRij(new VeldLezer(r, meldingen, getallen), r);
      if (item !== undefined) items.push(item);
    }
    getallen.rapporteer();
  }
  return { items, meldingen, ontbreekt, indeling, tabel };
}

/** A row whose first filled cell says Totaal, Subtotaal, Som or Eindtotaal. */
function isTotaalRij(rij: Rij): boolean {
  const eerste = rij.cellen.find((c) => !isLeeg(c));
  return eerste?.t === 'tekst' && isTotaalTekst(eerste.v);
}
