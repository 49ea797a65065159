import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
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
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'object', naam: 'object', aliassen: ['objectnummer', 'object id', 'id', 'nummer'], verplicht: true },
      { veld: 'naam', naam: 'naam', aliassen: ['omschrijving', 'adres', 'inrichting'] },
      { veld: 'activiteit', naam: 'activiteit', aliassen: ['risico', 'overtredingssoort', 'risicoactiviteit'] },
      { veld: 'klasse', naam: 'klasse', aliassen: ['risicoklasse', 'prioriteit'] },
      { veld: 'naleefgedrag', naam: 'naleefgedrag', aliassen: ['gedrag', 'naleving'] },
      { veld: 'laatste', naam: 'laatste controle', aliassen: ['datum laatste controle', 'laatste bezoek', 'laatst gecontroleerd'] },
      { veld: 'code', naam: 'productcode', aliassen: ['code', 'product'] },
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
        kolomPlaatsen: r.plaatsen(['klasse', 'activiteit', 'code']),
      };
    },
  );
  return { objecten: items, meldingen };
}

/** Sheet Frequenties: the interval in months per class and compliance; an empty naleefgedrag is the class's default. */
export function leesFrequenties(tabel: Tabel): { regels: Frequentieregel[]; meldingen: Melding[] } {
  const gezien = new Map<string, number>();
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'klasse', naam: 'klasse', aliassen: ['risicoklasse', 'prioriteit'], verplicht: true },
      { veld: 'naleefgedrag', naam: 'naleefgedrag', aliassen: ['gedrag', 'naleving'] },
      { veld: 'interval', naam: 'interval', aliassen: ['maanden', 'interval maanden', 'frequentie maanden'], verplicht: true, getal: 'aantal' },
    ] as const,
    (v, r) => {
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
      const i = v.strikt('interval', { verplicht: true, nietNegatief: true });
      if (i === undefined) return undefined;
      if (!i.isInteger() || i.isZero() || i.gt(Rational120)) {
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `interval ${i.toDecimalString(2).replace('.', ',')} moet een heel aantal maanden zijn, van 1 tot 120`, r.plaats('interval')));
        return undefined;
      }
      return { plaats: r.plaats(), klasse, naleefgedrag: ng, interval: Number(i.num) };
    },
  );
  return { regels: items, meldingen };
}
