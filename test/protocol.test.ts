import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { berekenProtocol } from '../src/compute/protocol.js';
import { leesCsv } from '../src/ingest/csv.js';
import { celTekst } from '../src/ingest/tabel.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { maakMap, ROOT, tijdelijkeMap, vth, VOORBEELD } from './helpers.js';

const BRON = path.join(ROOT, 'fixtures/bronnen/enschede-toezichtprotocol-nieuwbouw-2025.csv');

describe('the toezichtprotocol as hours', () => {
  it('per risk class the hours per project of the example levels, against a hand computation on the source table', () => {
    // By hand, straight from Enschede's table: count the levels per class, then minutes per level
    // (0: 0, S: 10 × 25%, 1: 5, 2: 10, 3: 20, 4: 30) plus 120 fixed minutes per project.
    const t = leesCsv(readFileSync(BRON), 'bron.csv', 'bron');
    const minuten: Record<string, number> = { '0': 0, S: 2.5, '1': 5, '2': 10, '3': 20, '4': 30 };
    const hand = ['rk1', 'rk2', 'rk3', 'rk4'].map((k) => {
      const i = t.koppen.indexOf(k);
      const som = t.rijen.reduce((s, r) => s + minuten[celTekst(r.cellen[i]).trim()]!, 0);
      return [k.toUpperCase(), Math.round(((som + 120) / 60) * 1e6) / 1e6];
    });
    expect(hand).toEqual([
      ['RK1', 22.166667],
      ['RK2', 21.166667],
      ['RK3', 15.5],
      ['RK4', 14.958333],
    ]);
    const uit = path.join(tijdelijkeMap(), 'p.json');
    const r = vth(['protocol', VOORBEELD, '--format', 'json', '-o', uit]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(readFileSync(uit, 'utf8'));
    expect(j.items).toBe(73);
    expect(j.perKlasse.map((k: { klasse: string; uren: number }) => [k.klasse, Math.round(k.uren * 1e6) / 1e6])).toEqual(hand);
    expect(j.perKlasse[3]).toMatchObject({ klasse: 'RK4', minuten: 897.5, items: { '0': 1, S: 5, '1': 9, '2': 47, '3': 8, '4': 3 } });
    // The source's duplicate item number is a warning with its row, and both count.
    expect(r.stderr).toContain('rij 70, kolom "nr": item 18.4 staat ook op rij 69');
  });

  it('a level outside the scale is an error at its cell; an empty level counts as 0 with a warning', async () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\n',
      'toezichtprotocol.csv': 'nr;omschrijving;RK1;RK2\n1.1;Fundering;4;5\n1.2;Dak;S;\n',
      'niveaus.csv': 'niveau;minuten;steekproef\n0;0;\nS;20;50%\n4;30;\nvast;60;\n',
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const p = berekenProtocol(wm.toezichtprotocol!.items, wm.toezichtprotocol!.klassen, wm.niveaus!);
    expect(p.klassen.map((k) => [k.klasse, k.minuten.toString()])).toEqual([
      ['RK1', '100'],
      ['RK2', '60'],
    ]);
    expect(p.meldingen.map((m) => [m.niveau, m.code, m.plaats.rij, m.plaats.kolom])).toEqual([
      ['fout', 'protocol-niveau', 2, 'RK2'],
      ['waarschuwing', 'protocol-leeg', 3, 'RK2'],
    ]);
    expect(p.meldingen[0]!.bericht).toBe('item 1.1: niveau "5" voor RK2 valt buiten de schaal (0, S, 4: blad Niveaus)');
    const r = vth(['protocol', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('niveau "5" voor RK2 valt buiten de schaal');
  });
});

describe('programme lines take the protocol\'s kental', () => {
  it('kental "protocol" with a risicoklasse becomes the protocol\'s hours; a typed kental that differs is a warning; protocol without a class an error', async () => {
    const { analyseer } = await import('../src/compute/controle.js');
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\n',
      'toezichtprotocol.csv': 'nr;omschrijving;RK1;RK2\n1.1;Fundering;4;2\n1.2;Dak;3;S\n',
      'niveaus.csv': 'niveau;minuten;steekproef\nS;20;50%\n2;10;\n3;20;\n4;30;\nvast;40;\n',
      'producten.csv': 'code;product;aantal;kental;risicoklasse\nGT.12;Nieuwbouw zwaar;10;protocol;RK1\nGT.13;Nieuwbouw licht;4;2;rk2\nGT.14;Nieuwbouw onbekend;2;protocol;\n',
    });
    const a = analyseer(bouwWerkmap(await leesWerkmap(map)));
    // RK1: 30 + 20 + 40 = 90 minutes = 1,5 hours; RK2: 10 + 20 × 50% + 40 = 60 minutes = 1 hour.
    const regel = (code: string) => a.vraag.regels.find((r) => r.regel.code === code)!;
    const kental = regel('GT.12').regel.kental;
    expect([kental.soort === 'getal' && kental.waarde.toString(), regel('GT.12').uren?.toString()]).toEqual(['1.5', '15']);
    expect(regel('GT.13').uren?.toString()).toBe('8');
    const f = a.meldingen.filter((m) => m.code.startsWith('kental-protocol') || m.code.startsWith('protocol-klasse'));
    expect(f.map((m) => [m.niveau, m.code, m.plaats.rij])).toEqual([
      ['waarschuwing', 'kental-protocol', 3],
      ['fout', 'protocol-klasse', 4],
    ]);
    expect(f[0]!.bericht).toBe('"Nieuwbouw licht": kental 2 wijkt af van wat het toezichtprotocol voor RK2 geeft (1 uur per project); schrijf "protocol" als kental om dat te gebruiken');
  });
});
