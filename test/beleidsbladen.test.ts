import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { leesIntervalTekst } from '../src/model/interval.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { ROOT } from './helpers.js';

/**
 * The example werkmap's policy sheets as users change them (test/beleidsbladen/maak.py): each
 * variant gives the clean figures per code and risk class, or a finding that shows by default
 * (a warning or an error, never only a notice) at the right place.
 */
const MAP = path.join(ROOT, 'test/beleidsbladen');

interface Verwacht {
  hoe: string;
  figuren: null | { perCode?: Record<string, number>; protocol?: Record<string, string> | null; protocolAls?: string; saldo?: Record<string, string> };
  meldingen: { code: string; niveau: 'fout' | 'waarschuwing'; plaats: Record<string, string | number>; bevat?: string }[];
  fouten: number;
  nooit: string[];
}

const verwacht = JSON.parse(readFileSync(path.join(MAP, 'verwacht.json'), 'utf8')) as Record<string, Verwacht>;

async function analyse(naam: string) {
  return analyseer(bouwWerkmap(await leesWerkmap(path.join(MAP, naam))));
}

const protocolUren = (a: Awaited<ReturnType<typeof analyse>>) => Object.fromEntries((a.protocol?.klassen ?? []).map((k) => [k.klasse, k.uren.toDecimalString(2)]));

describe('policy sheets as users make them', () => {
  it('holds at least 25 variants, each with what it must give', () => {
    expect(Object.keys(verwacht).length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(verwacht))('%s', async (naam, v) => {
    const a = await analyse(naam);
    const fouten = a.meldingen.filter((m) => m.niveau === 'fout');
    expect(fouten.map((m) => `${m.code} ${m.plaats.blad} rij ${m.plaats.rij}: ${m.bericht}`), v.hoe).toHaveLength(v.fouten);
    for (const e of v.meldingen) {
      const gevonden = a.meldingen.filter(
        (m) =>
          m.code === e.code &&
          m.niveau === e.niveau &&
          Object.entries(e.plaats).every(([k, w]) => (m.plaats as unknown as Record<string, unknown>)[k] === w) &&
          (!e.bevat || m.bericht.includes(e.bevat)),
      );
      expect(gevonden, `${e.code} ${JSON.stringify(e)} in:\n${a.meldingen.filter((m) => m.niveau !== 'melding').map((m) => `${m.niveau} ${m.code} ${m.plaats.blad}@${m.plaats.rij}/${m.plaats.kolom}: ${m.bericht}`).join('\n')}`).not.toHaveLength(0);
    }
    for (const code of v.nooit) expect(a.meldingen.filter((m) => m.code === code).map((m) => m.bericht)).toEqual([]);
    const f = v.figuren;
    if (!f) return;
    // Clean figures come with no finding shown by default about a figure being guessed.
    expect(a.meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    if (f.perCode) expect(Object.fromEntries((a.frequenties?.perCode ?? []).map((c) => [c.code, c.aantal]))).toEqual(f.perCode);
    if (f.protocol) expect(protocolUren(a)).toEqual(f.protocol);
    // The same times written another way (hours in a `tijd (uur)` column) give the same hours per class.
    if (f.protocolAls) expect(protocolUren(a)).toEqual(protocolUren(await analyse(f.protocolAls)));
    if (f.saldo) {
      const saldo = Object.fromEntries((a.capaciteit?.afdelingen ?? []).map((x) => [x.afdeling, x.saldo.toDecimalString(0)]));
      for (const [afd, s] of Object.entries(f.saldo)) expect(saldo[afd], afd).toBe(s);
    }
  });
});

describe('an interval as people write it', () => {
  it.each([
    ['12 maanden', '12'],
    ['6 mnd', '6'],
    ['1 jaar', '12'],
    ['1,5 jaar', '18'],
    ['jaarlijks', '12'],
    ['Halfjaarlijks', '6'],
    ['2x per jaar', '6'],
    ['3 keer per jaar', '4'],
    ['1x per 2 jaar', '24'],
    ['elk kwartaal', '3'],
    ['5x per jaar', '2.4'],
  ])('%s is %s months', (tekst, maanden) => {
    const l = leesIntervalTekst(tekst);
    expect(l.soort).toBe('maanden');
    expect(l.soort === 'maanden' && l.maanden.toString()).toBe(maanden);
  });

  it.each(['1x', '2 x', '3 keer'])('"%s" names no period: refused', (tekst) => {
    expect(leesIntervalTekst(tekst).soort).toBe('fout');
  });

  it.each(['12', '7,5', 'ongeveer'])('"%s" is left to the number reader', (tekst) => {
    expect(leesIntervalTekst(tekst).soort).toBe('getal');
  });
});
