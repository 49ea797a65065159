import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zoekWriter } from '../src/render/pdf.js';
import { ROOT, tijdelijkeMap, vth } from './helpers.js';

/**
 * Every `vth …` example in the README, in the manual under docs/ and in `--help` runs as written: exit 0 or 1,
 * never a usage or internal error.
 */

function splitsArgs(regel: string): string[] {
  const uit: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m;
  while ((m = re.exec(regel))) uit.push(m[1] ?? m[2] ?? m[3]!);
  return uit;
}

function voorbeeldenUit(bestand: string): string[] {
  const tekst = readFileSync(path.join(ROOT, bestand), 'utf8');
  const blokken = [...tekst.matchAll(/```(?:sh|bash)?\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blokken.flatMap((b) => b.split('\n').map((r) => r.trim()).filter((r) => /^vth \w/.test(r)));
}

const OPDRACHTEN = ['controleer', 'init', 'risico', 'capaciteit', 'frequentie', 'kwaliteit', 'protocol', 'uvp', 'jaarverslag', 'ibt'];

function hulpVoorbeelden(): string[] {
  return OPDRACHTEN.flatMap((o) => {
    const hulp = vth([o, '--help']).stdout;
    const na = hulp.split(/Voorbeeld(?:en)?:\n/)[1] ?? '';
    return na.split('\n').map((r) => r.trim()).filter((r) => r.startsWith('vth '));
  });
}

/** A working folder as a user has it after cloning: the fixtures, and a folder of own templates. */
function werkplek(): string {
  const map = tijdelijkeMap('vth-voorbeeld-');
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(map, 'fixtures'));
  mkdirSync(path.join(map, 'mijn-templates'));
  return map;
}

describe('examples as documented', () => {
  const readme = voorbeeldenUit('README.md');
  const handleiding = ['docs/opdrachten.md', 'docs/werkmap.md'].flatMap(voorbeeldenUit);
  const hulp = hulpVoorbeelden();

  it("finds the examples of every command", () => {

    for (const o of OPDRACHTEN) {
      expect(readme.some((r) => r.startsWith(`vth ${o} `)), `README: vth ${o}`).toBe(true);
      expect(handleiding.some((r) => r.startsWith(`vth ${o} `)), `docs/opdrachten.md: vth ${o}`).toBe(true);
      expect(hulp.some((r) => r.startsWith(`vth ${o} `)), `--help: vth ${o}`).toBe(true);
    }
  });

  // A PDF needs LibreOffice: without it such an example ends in exit 2 with that message, as documented.
  const zonderLibreOffice = !zoekWriter().writer;
  it.each([...new Set([...readme, ...handleiding, ...hulp])])('%s', (regel) => {
    const r = vth(splitsArgs(regel).slice(1), { cwd: werkplek() });
    expect(r.stderr).not.toMatch(/interne fout|Error:|    at /);
    if (zonderLibreOffice && /--format \S*pdf/.test(regel)) {
      expect(r.stderr).toMatch(/--format pdf heeft LibreOffice (Writer )?nodig/);
      expect([0, 1, 2], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
    } else expect([0, 1], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
  });
});

describe('the README shows what vth prints', () => {
  it('the output under `vth controleer` on the example is what vth controleer prints today', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = /```sh\nvth controleer fixtures\/voorbeeldgemeente\/werkmap\.xlsx\n```\n\n```\n([\s\S]*?)```/.exec(readme);
    expect(m, 'README: het voorbeeld van vth controleer met zijn uitvoer').not.toBeNull();
    const r = vth(['controleer', 'fixtures/voorbeeldgemeente/werkmap.xlsx'], { cwd: ROOT, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(m![1]);
  });
});
