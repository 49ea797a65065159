import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leesGetal, nlGetal, parseGetalTekst } from '../src/model/getal.js';
import { Rational } from '../src/model/rational.js';

const r = (s: string) => Rational.fromDecimalString(s)!;

describe('Dutch numbers', () => {
  it.each([
    ['6.150', '6150', false],
    ['6150', '6150', false],
    ['0,1', '0.1', false],
    ['0.1', '0.1', false],
    ['3,500', '3.5', false],
    ['12,02%', '12.02', true],
    ['€ 1.234,50', '1234.5', false],
    ['€ 100.000,-', '100000', false],
    ['1.234.567', '1234567', false],
    ['1,234.5', '1234.5', false],
    ['-2,5', '-2.5', false],
    ['−3', '-3', false],
    ['1 200', '1200', false],
    ['9,330', '9.33', false],
  ])('%s → %s', (tekst, waarde, procent) => {
    const p = parseGetalTekst(tekst);
    expect(p).not.toBeNull();
    expect(p!.waarde.eq(r(waarde))).toBe(true);
    expect(p!.procent).toBe(procent);
  });

  it.each(['abc', '1,5 uur', '1.2.3,4,5', '', '1e308', 'NaN', 'Infinity', '12,3,4'])('%s is no number', (tekst) => {
    expect(parseGetalTekst(tekst)).toBeNull();
  });

  it('keeps no-value words as such, neither zero nor error', () => {
    for (const w of ['n.v.t.', 'n.t.b.', 'PM', '-', 'nvt', '8 tot 10']) {
      expect(leesGetal({ t: 'tekst', v: w }).soort).toBe('geen');
    }
    expect(leesGetal({ t: 'tekst', v: 'pm' })).toEqual({ soort: 'geen', woord: 'PM' });
  });

  it('reads a percent-formatted spreadsheet number exactly', () => {
    const w = leesGetal({ t: 'getal', v: 0.1202, procent: true });
    expect(w.soort === 'getal' && w.waarde.eq(r('12.02'))).toBe(true);
  });

  it('refuses absurd magnitudes, errors and formulas without result', () => {
    expect(leesGetal({ t: 'getal', v: 1e308 }).soort).toBe('fout');
    expect(leesGetal({ t: 'fout', v: '#REF!' })).toEqual({ soort: 'fout', reden: 'de cel bevat de foutwaarde #REF!' });
    expect(leesGetal({ t: 'formule', formule: 'B2*C2' }).soort).toBe('fout');
  });

  it('round-trips Dutch formatting (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (centen) => {
        const x = Rational.of(BigInt(centen), 100n);
        const tekst = nlGetal(x, 2);
        const terug = parseGetalTekst(tekst);
        return terug !== null && terug.waarde.eq(x);
      }),
    );
  });

  it('formats with Dutch separators', () => {
    expect(nlGetal(r('1406.34'))).toBe('1.406,34');
    expect(nlGetal(r('739.2300'))).toBe('739,23');
  });
});

describe('Rational', () => {
  it('is exact where floats are not', () => {
    expect(r('0.1').add(r('0.2')).eq(r('0.3'))).toBe(true);
    expect(r('6150').mul(r('12.02')).div(Rational.of(100n)).toDecimalString()).toBe('739.23');
    expect(Rational.fromNumber(0.1202).mul(Rational.of(100n)).eq(r('12.02'))).toBe(true);
  });
  it('rounds half away from zero', () => {
    expect(r('2.5').round(0).toString()).toBe('3');
    expect(r('-2.5').round(0).toString()).toBe('-3');
    expect(Rational.of(26n, 3n).round(3).toString()).toBe('8.667');
  });
});
