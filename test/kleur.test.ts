import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maakKleuren, type Kleuren } from '../src/cli/kleur.js';

// vth writes its terminal colours itself (loading chalk cost some 13 ms of every command); chalk 5 at
// level 1, what vth used before, is the oracle: the same bytes for every style, chain, nesting and line end.
describe('terminal colours as chalk wrote them', () => {
  const chalk = new Chalk({ level: 1 });
  const eigen = maakKleuren(true);
  const STIJLEN = ['bold', 'dim', 'red', 'green', 'yellow', 'cyan', 'gray'] as const;
  type Keten = (k: Kleuren | InstanceType<typeof Chalk>) => (s: string) => string; // eslint-disable-line
  const keten: fc.Arbitrary<Keten> = fc.oneof(
    fc.array(fc.constantFrom(...STIJLEN), { minLength: 1, maxLength: 3 }).map((namen) => (k: any) => {
      let s: any = k;
      for (const n of namen) s = s[n];
      return (t: string) => s(t);
    }),
    fc.tuple(fc.constantFrom('#ef6c00', '#2e7d32', '#c62828', '#fff', '#000', '#808080', '#123456', 'f9a825', '#7f7f7f'), fc.constantFrom(...STIJLEN)).map(([hex, n]) => (k: any) => (t: string) => (k as any).hex(hex)[n](t)),
  );
  const tekst = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\u001B[22m', '\u001B[39m', 'é'), maxLength: 12 });

  it('one style, a chain of them or a hex colour, on text with line ends and codes in it', () => {
    fc.assert(fc.property(keten, tekst, (f, t) => {
      expect(f(eigen)(t)).toBe(f(chalk)(t));
    }), { numRuns: 3000 });
  });

  it('styles within styles: an inner end does not end the outer style', () => {
    fc.assert(fc.property(keten, keten, tekst, tekst, tekst, (buiten, binnen, a, b, c) => {
      expect(buiten(eigen)(a + binnen(eigen)(b) + c)).toBe(buiten(chalk)(a + binnen(chalk)(b) + c));
    }), { numRuns: 2000 });
  });

  it('several arguments, numbers and the empty string, as chalk joins them', () => {
    expect(eigen.red('a', 'b', 3)).toBe(chalk.red('a', 'b', 3));
    expect(eigen.bold(12)).toBe(chalk.bold(12));
    expect(eigen.green('')).toBe(chalk.green(''));
    expect(eigen.red.bold('x\r\ny')).toBe(chalk.red.bold('x\r\ny'));
  });

  it('without colour every style is the text itself', () => {
    const geen = maakKleuren(false);
    const chalk0 = new Chalk({ level: 0 });
    fc.assert(fc.property(keten, tekst, (f, t) => {
      expect(f(geen)(t)).toBe(t);
      expect(f(chalk0)(t)).toBe(t);
    }), { numRuns: 500 });
  });
});
