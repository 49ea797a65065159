import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
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
  figuren: null | { perCode?: Record<string, number>; protocol?: Record<string, string>; saldo?: Record<string, string> };
  meldingen: { code: string; niveau: 'fout' | 'waarschuwing'; plaats: Record<string, string | number>; bevat?: string }[];
  fouten: number;
  nooit: string[];
}

const verwacht = JSON.parse(readFileSync(path.join(MAP, 'verwacht.json'), 'utf8')) as Record<string, Verwacht>;

describe('policy sheets as users make them', () => {
  it.each(Object.entries(verwacht))('%s', async (naam, v) => {
    const wm = bouwWerkmap(await leesWerkmap(path.join(MAP, naam)));
    const a = analyseer(wm);
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
    if (f.perCode) expect(Object.fromEntries((a.frequenties?.perCode ?? []).map((c) => [c.code, c.aantal]))).toEqual(f.perCode);
    if (f.protocol) expect(Object.fromEntries((a.protocol?.klassen ?? []).map((k) => [k.klasse, k.uren.toDecimalString(2)]))).toEqual(f.protocol);
    if (f.saldo) {
      const saldo = Object.fromEntries((a.capaciteit?.afdelingen ?? []).map((x) => [x.afdeling, x.saldo.toDecimalString(0)]));
      for (const [afd, s] of Object.entries(f.saldo)) expect(saldo[afd], afd).toBe(s);
    }
  });
});
