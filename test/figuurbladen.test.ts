import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap, vth } from './helpers.js';

/**
 * Every sheet that sets a figure (Objecten and Frequenties set aantal, Toezichtprotocol and Niveaus
 * set kental) takes part in the decision to write or refuse: an error in one of them stops each
 * command that shows the hours with exit 1, and nothing is written. The variants are made by
 * test/beleidsbladen/maak.py from the example werkmap.
 */
const MAP = path.join(ROOT, 'test/beleidsbladen');
const VARIANTEN = [
  ['f1-objecten-datum.xlsx', 'Objecten', 'rij 101'],
  ['f2-frequenties-ntb.xlsx', 'Frequenties', 'rij 2'],
  ['f3-protocol-niveau.xlsx', 'Toezichtprotocol', 'rij 2'],
  ['f4-niveaus-minuten.xlsx', 'Niveaus', 'rij 5'],
] as const;

const leeg = (map: string) => !existsSync(map) || readdirSync(map).length === 0;

describe('an error in a sheet that feeds the hours stops every command', () => {
  it.each(VARIANTEN)('vth uvp on %s: exit 1, nothing written, the sheet named', (bestand, blad, rij) => {
    const uit = path.join(tijdelijkeMap(), 'uvp');
    const r = vth(['uvp', path.join(MAP, bestand), '-o', uit, '--format', 'md,xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`› ${blad}`);
    expect(r.stderr).toContain(`FOUT ${rij}`);
    expect(r.stderr).toContain('er is niets geschreven');
    expect(leeg(uit)).toBe(true);
  });

  it.each(VARIANTEN)('vth capaciteit on %s: exit 1, no verdict, nothing written', (bestand, blad, rij) => {
    const uit = path.join(tijdelijkeMap(), 'capaciteit.md');
    const r = vth(['capaciteit', path.join(MAP, bestand), '--format', 'md', '-o', uit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`› ${blad}`);
    expect(r.stderr).toContain(`FOUT ${rij}`);
    expect(r.stdout).not.toMatch(/toereikend/);
    expect(existsSync(uit)).toBe(false);
    // Without -o the verdict would go to the screen: it does not come either.
    const scherm = vth(['capaciteit', path.join(MAP, bestand)]);
    expect(scherm.code).toBe(1);
    expect(scherm.stdout).toBe('');
  });

  it.each(VARIANTEN)('vth jaarverslag on %s: exit 1, nothing written', (bestand, blad, rij) => {
    const uit = path.join(tijdelijkeMap(), 'jaarverslag');
    const r = vth(['jaarverslag', path.join(MAP, bestand), '-o', uit, '--format', 'md,json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`› ${blad}`);
    expect(r.stderr).toContain(`FOUT ${rij}`);
    expect(leeg(uit)).toBe(true);
  });

  it('vth ibt: a municipality with such an error is not judged (no report of its own), the others are; exit 1', () => {
    const regio = path.join(tijdelijkeMap(), 'regio');
    mkdirSync(regio);
    copyFileSync(path.join(MAP, '00-schoon.xlsx'), path.join(regio, 'schoon.xlsx'));
    for (const [bestand] of VARIANTEN) copyFileSync(path.join(MAP, bestand), path.join(regio, bestand));
    const uit = path.join(tijdelijkeMap(), 'ibt');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'md,json']);
    expect(r.code).toBe(1);
    const overzicht = JSON.parse(readFileSync(path.join(uit, 'ibt-overzicht-2025.json'), 'utf8')) as { gemeenten: { bron: string; beoordeeld: boolean; reden?: string }[] };
    const perBron = new Map(overzicht.gemeenten.map((g) => [g.bron, g]));
    expect(perBron.get('schoon.xlsx')!.beoordeeld).toBe(true);
    for (const [bestand, blad, rij] of VARIANTEN) {
      const g = perBron.get(bestand)!;
      expect(g.beoordeeld, bestand).toBe(false);
      expect(g.reden).toContain(`blad ${blad}, ${rij}`);
    }
    // Only the judged municipality has a report of its own.
    const eigen = readdirSync(uit).filter((f) => !f.startsWith('ibt-overzicht'));
    expect(eigen.length).toBeGreaterThan(0);
    expect(eigen.every((f) => f.startsWith('ibt-2025-schoon') || f.startsWith('ibt-2025-dinkelberg'))).toBe(true);
    expect(eigen.filter((f) => f.endsWith('.md'))).toHaveLength(1);
  });
});
