import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { nlGetal } from './getal.js';
import { intervalKopEenheid, intervalTekst, leesIntervalTekst, perJaar, type IntervalEenheid } from './interval.js';
import { kopEenheid, normaliseerKop, type RijLezer } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { VeldLezer } from './velden.js';
import type { Frequentieregel, Inspectieobject, Naleefgedrag } from './types.js';

const Rational120 = Rational.of(120n);

const NALEEFGEDRAG: Record<string, Naleefgedrag> = { goed: 'goed', matig: 'matig', slecht: 'slecht', redelijk: 'matig', voldoende: 'goed', onvoldoende: 'slecht' };

function naleefgedrag(t: string): Naleefgedrag | undefined | null {
  const n = normaliseerKop(t);
  if (n === '') return undefined;
  return NALEEFGEDRAG[n] ?? null;
}

/** Sheet Objecten: the objects under supervision, each with its class (or the activity that gives it), compliance and last control. */
export function leesObjecten(tabel: Tabel): { objecten: Inspectieobject[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen, indeling } = leesBlad(
    tabel,
    [
      { veld: 'object', naam: 'object', aliassen: ['objectnummer', 'object id', 'id', 'nummer'], verplicht: true },
      { veld: 'naam', naam: 'naam', aliassen: ['omschrijving', 'adres', 'inrichting'] },
      { veld: 'activiteit', naam: 'activiteit', aliassen: ['risico', 'overtredingssoort', 'risicoactiviteit'] },
      { veld: 'klasse', naam: 'klasse', aliassen: ['risicoklasse', 'prioriteit'] },
      { veld: 'naleefgedrag', naam: 'naleefgedrag', aliassen: ['gedrag', 'naleving', 'nalevingsgedrag', 'naleefgedrag object', 'nalevingsniveau'] },
      {
        veld: 'laatste',
        naam: 'laatste controle',
        aliassen: [
          'datum laatste controle',
          'laatste bezoek',
          'laatst gecontroleerd',
          'laatste inspectie',
          'datum laatste inspectie',
          'controledatum',
          'datum controle',
          'laatste controledatum',
          'inspectiedatum',
          'datum inspectie',
          'datum laatste bezoek',
          'vorige controle',
        ],
      },
      { veld: 'code', naam: 'productcode', aliassen: ['code', 'product'] },
      // An omgevingsdienst's register: whose object it is (checked against Deelnemers in werkmap.ts).
      { veld: 'deelnemer', naam: 'deelnemer', aliassen: ['gemeente', 'bevoegd gezag', 'opdrachtgever'] },
    ] as const,
    (v, r) => {
      const object = v.tekst('object');
      if (!object) return undefined;
      const eerder = gezien.get(object.toLowerCase());
      if (eerder !== undefined) v.meldingen.push(melding('fout', 'object-dubbel', `object ${object} staat ook op rij ${eerder}`, r.plaats('object')));
      gezien.set(object.toLowerCase(), r.rij.rij);
      const ng = naleefgedrag(v.tekst('naleefgedrag'));
      if (ng === null) v.meldingen.push(melding('fout', 'waarde-onleesbaar', `naleefgedrag "${v.tekst('naleefgedrag')}" moet goed, matig, slecht of leeg zijn`, r.plaats('naleefgedrag')));
      return {
        plaats: r.plaats(),
        object,
        naam: v.tekst('naam') || undefined,
        activiteit: v.tekst('activiteit') || undefined,
        klasse: v.tekst('klasse') || undefined,
        naleefgedrag: ng ?? undefined,
        laatsteControle: v.datum('laatste'),
        code: v.tekst('code') || undefined,
        deelnemer: v.tekst('deelnemer') || undefined,
        kolomPlaatsen: r.plaatsen(['klasse', 'activiteit', 'code', 'deelnemer']),
      };
    },
  );
  return { objecten: items, meldingen: bedoeltUObjecten(meldingen, indeling.kolommen) };
}

/**
 * An unknown column whose header names what an optional column holds (`Datum laatste keuring`,
 * `Naleefgedrag 2024`) is a warning that says what is lost without it, not a notice only --alle shows:
 * without the date every object counts as never inspected (185 → 213 controls in the example).
 */
const OPTIONEEL: { veld: string; naam: string; woorden: RegExp; gevolg: string }[] = [
  { veld: 'laatste', naam: 'laatste controle', woorden: /controle|inspectie|bezoek|keuring|datum|gecontroleerd/, gevolg: 'zonder die kolom geldt elk object als nooit gecontroleerd' },
  { veld: 'naleefgedrag', naam: 'naleefgedrag', woorden: /naleef|naleving|gedrag/, gevolg: 'zonder die kolom krijgt elk object de standaardrij van zijn klasse in Frequenties' },
  { veld: 'klasse', naam: 'klasse', woorden: /klasse|categorie/, gevolg: 'zonder die kolom komt de klasse alleen uit de activiteit' },
  { veld: 'activiteit', naam: 'activiteit', woorden: /activiteit|risico/, gevolg: 'zonder die kolom komt de klasse alleen uit de kolom klasse' },
  { veld: 'code', naam: 'productcode', woorden: /code|product/, gevolg: 'zonder die kolom tellen de controles bij geen programmaregel' },
];

function bedoeltUObjecten(meldingen: Melding[], kolommen: Partial<Record<string, unknown>>): Melding[] {
  return meldingen.map((m) => {
    if (m.code !== 'kolom-onbekend' || m.niveau !== 'melding' || !m.plaats.kolom) return m;
    const kop = normaliseerKop(m.plaats.kolom);
    const o = OPTIONEEL.find((x) => !kolommen[x.veld] && x.woorden.test(kop));
    return o ? melding('waarschuwing', 'kolom-onbekend', `kolom "${m.plaats.kolom}" is onbekend en wordt genegeerd; bedoelt u "${o.naam}"? ${o.gevolg[0]!.toUpperCase()}${o.gevolg.slice(1)}`, m.plaats) : m;
  });
}

/**
 * A Frequenties cell as months: a word or unit in the cell (`jaarlijks`, `1 jaar`, `2x per jaar`), else
 * a number in the header's unit. `hoe` quotes what was converted, for the notice.
 */
function intervalInMaanden(v: VeldLezer<'interval' | 'klasse' | 'naleefgedrag'>, r: RijLezer<'interval' | 'klasse' | 'naleefgedrag'>, eenheid: IntervalEenheid | undefined): { maanden: Rational; hoe?: string; uitKop?: boolean } | undefined {
  const c = r.cel('interval');
  if (c?.t === 'tekst') {
    const l = leesIntervalTekst(c.v);
    if (l.soort === 'fout') {
      v.meldingen.push(melding('fout', 'waarde-onleesbaar', l.reden, r.plaats('interval')));
      return undefined;
    }
    if (l.soort === 'maanden') return { maanden: l.maanden, hoe: l.hoe };
  }
  const n = v.strikt('interval', { verplicht: true, nietNegatief: true });
  if (n === undefined) return undefined;
  if (eenheid === 'jaren') return { maanden: n.mul(Rational.of(12n)), hoe: `${nlGetal(n, 6)} jaar`, uitKop: true };
  if (eenheid === 'perJaar') {
    const l = perJaar(n, Rational.ONE, `${nlGetal(n, 6)} per jaar`);
    if (l.soort === 'fout') {
      v.meldingen.push(melding('fout', 'waarde-onleesbaar', l.reden, r.plaats('interval')));
      return undefined;
    }
    return l.soort === 'maanden' ? { maanden: l.maanden, hoe: l.hoe, uitKop: true } : undefined;
  }
  return { maanden: n };
}

/** Headers that name how often, not in which unit: their cells must say it (`2x per jaar`, `6 maanden`). */
const FREQUENTIE_KOPPEN = ['frequentie', 'controlefrequentie', 'controle frequentie', 'bezoekfrequentie'];

/** Sheet Frequenties: the interval in months per class and compliance; an empty naleefgedrag is the class's default. */
export function leesFrequenties(tabel: Tabel): { regels: Frequentieregel[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  // The header's unit, settled at the first row (leesBlad finds the header below any title rows).
  let eenheid: IntervalEenheid | undefined | null;
  let bepaald = false;
  // A column headed "Frequentie" without a unit: `2x per jaar` says what it means, a bare 2 does not.
  let frequentieZonderEenheid = false;
  const { items, meldingen, indeling, tabel: gelezen } = leesBlad(
    tabel,
    [
      { veld: 'klasse', naam: 'klasse', aliassen: ['risicoklasse', 'prioriteit'], verplicht: true },
      { veld: 'naleefgedrag', naam: 'naleefgedrag', aliassen: ['gedrag', 'naleving', 'nalevingsgedrag'] },
      { veld: 'interval', naam: 'interval', aliassen: ['maanden', 'interval maanden', 'frequentie maanden', 'controle interval', 'controle-interval', ...FREQUENTIE_KOPPEN], verplicht: true, getal: 'getal' },
    ] as const,
    (v, r) => {
      if (!bepaald) {
        const kop = r.indeling.kolommen.interval?.kop ?? '';
        eenheid = intervalKopEenheid(kopEenheid(kop));
        frequentieZonderEenheid = eenheid === undefined && FREQUENTIE_KOPPEN.includes(normaliseerKop(kop));
        bepaald = true;
      }
      if (eenheid === null) return undefined;
      const klasse = v.tekst('klasse');
      if (!klasse) return undefined;
      const ng = naleefgedrag(v.tekst('naleefgedrag'));
      if (ng === null) {
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `naleefgedrag "${v.tekst('naleefgedrag')}" moet goed, matig, slecht of leeg zijn`, r.plaats('naleefgedrag')));
        return undefined;
      }
      const sleutel = `${klasse.toLowerCase()}|${ng ?? ''}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) {
        v.meldingen.push(melding('fout', 'frequentie-dubbel', `klasse ${klasse}${ng ? ` met naleefgedrag ${ng}` : ''} staat ook op rij ${eerder}`, r.plaats('klasse')));
        return undefined;
      }
      gezien.set(sleutel, r.rij.rij);
      const c = r.cel('interval');
      if (frequentieZonderEenheid && (c?.t === 'getal' || (c?.t === 'tekst' && leesIntervalTekst(c.v).soort === 'getal' && c.v.trim() !== ''))) {
        const t = c.t === 'getal' ? nlGetal(Rational.fromNumber(c.v), 6) : c.v.trim();
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `"${t}" in kolom "${r.indeling.kolommen.interval!.kop}": maanden of keer per jaar? Schrijf "${t}x per jaar" of "${t} maanden", of zet de eenheid in de kop ("Frequentie (x per jaar)" of "interval")`, r.plaats('interval')));
        return undefined;
      }
      const i = intervalInMaanden(v, r, eenheid);
      if (i === undefined) return undefined;
      if (!i.maanden.isInteger() || i.maanden.isZero() || i.maanden.gt(Rational120)) {
        const wat = i.hoe ? `${i.hoe} is een interval van ${intervalTekst(i.maanden)}; het interval` : `interval ${nlGetal(i.maanden, 2)}`;
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `${wat} moet een heel aantal maanden zijn, van 1 tot 120`, r.plaats('interval')));
        return undefined;
      }
      // A header's unit has one notice at the header; a word in a cell its own.
      if (i.hoe && !i.uitKop) v.meldingen.push(melding('melding', 'eenheid-gelezen', `${i.hoe} gelezen als ${intervalTekst(i.maanden)}`, r.plaats('interval')));
      return { plaats: r.plaats(), klasse, naleefgedrag: ng, interval: Number(i.maanden.num) };
    },
  );
  // The header's unit, read before the rows: `Interval (jaar)` is years, never months by dropping "(jaar)".
  const kop = indeling.kolommen.interval?.kop;
  if (kop && bepaald) {
    if (eenheid === null) {
      meldingen.push(
        melding('fout', 'kop-eenheid', `de eenheid "${kopEenheid(kop)}" in kolom "${kop}" is niet te lezen: schrijf het interval in maanden (kop "interval"), in jaren ("interval (jaar)") of als aantal per jaar ("interval (x per jaar)")`, {
          bestand: gelezen.bestand,
          blad: gelezen.blad,
          rij: gelezen.kopRij,
          kolom: kop,
        }),
      );
    } else if (eenheid === 'jaren' || eenheid === 'perJaar') {
      meldingen.push(
        melding('melding', 'kop-eenheid', `kolom "${kop}": ${eenheid === 'jaren' ? 'de intervallen zijn in jaren en gelezen als maanden (× 12)' : 'de getallen zijn controles per jaar en gelezen als een interval van 12 / n maanden'}`, {
          bestand: gelezen.bestand,
          blad: gelezen.blad,
          rij: gelezen.kopRij,
          kolom: kop,
        }),
      );
    }
  }
  return { regels: items, meldingen };
}
