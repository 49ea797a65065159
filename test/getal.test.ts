import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kenmerk, leesGetal, nlGetal, nlGetalVolledig, parseGetalTekst } from '../src/model/getal.js';
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

  it('a formula =100% is a percentage even in a General cell', async () => {
    const { normaliseer } = await import('../src/ingest/cel.js');
    expect(normaliseer({ formula: '100%', result: 1 } as never)).toEqual({ t: 'getal', v: 1, procent: true });
    expect(normaliseer({ formula: 'A1*2', result: 1 } as never)).toEqual({ t: 'getal', v: 1 });
    const w = leesGetal(normaliseer({ formula: '95%', result: 0.95 } as never));
    expect(w.soort === 'getal' && w.procent && w.waarde.eq(r('95'))).toBe(true);
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

  it('the shortcut for whole numbers formats as the full rounding does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.constantFrom(1n, 2n, 3n, 8n, 100n), fc.integer({ min: 0, max: 10 }), fc.boolean(), (n, d, decimalen, vast) => {
        const x = Rational.of(n, d);
        expect(nlGetal(x, decimalen, vast)).toBe(nlGetalVolledig(x, decimalen, vast));
      }),
      { numRuns: 5000 },
    );
    for (const n of [0n, 7n, -7n, 999n, 1000n, -1000n, 1234567n]) expect(nlGetal(Rational.of(n), 2, true)).toBe(nlGetalVolledig(Rational.of(n), 2, true));
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

describe('number conventions, units and hedges', () => {
  it.each([
    ['0,5', 'nl'],
    ['1.234,5', 'nl'],
    ['1.234.567', 'nl'],
    ['€ 100,-', 'nl'],
    ['6.0', 'en'],
    ['1,234.5', 'en'],
    ['1,234,567', 'en'],
    ['1234.567', 'en'],
    ['0,500', 'nl'],
    ['1.400', 'dubbelzinnig'],
    ['1,400', 'dubbelzinnig'],
    ['1400', 'neutraal'],
    ['12%', 'neutraal'],
  ])('%s settles %s', (tekst, k) => {
    expect(kenmerk(tekst)).toBe(k);
  });

  it('reads every cell by the column convention', () => {
    expect(parseGetalTekst('1.400', 'nl')!.waarde.toString()).toBe('1400');
    expect(parseGetalTekst('1.400', 'en')!.waarde.toString()).toBe('1.4');
    expect(parseGetalTekst('1,400', 'en')!.waarde.toString()).toBe('1400');
    expect(parseGetalTekst('1,400', 'nl')!.waarde.toString()).toBe('1.4');
    expect(parseGetalTekst('6.0', 'nl')).toBeNull();
  });

  it('refuses 1,400 where nothing settles it, reads 1.400 the Dutch way', () => {
    const w = leesGetal({ t: 'tekst', v: '1,400' });
    expect(w.soort === 'fout' && w.reden).toContain('is het 1400 (duizendtallen) of 1,4 (decimalen)?');
    const d = leesGetal({ t: 'tekst', v: '1.400' });
    expect(d.soort === 'getal' && d.waarde.toString() === '1400' && d.afhankelijk).toBe('dubbelzinnig');
    const g = leesGetal({ t: 'tekst', v: '1.400' }, { gemengd: true });
    expect(g.soort).toBe('fout');
  });

  it.each([
    ['1.400 uur', 'uren', '1400', 'eenheid-gelezen'],
    ['400 u', 'uren', '400', 'eenheid-gelezen'],
    ['30 min', 'uren', '0.5', 'eenheid-minuten'],
    ['10 stuks', 'aantal', '10', 'eenheid-gelezen'],
    ['ca. 400', 'aantal', '400', 'getal-schatting'],
    ['± 400', 'uren', '400', 'getal-schatting'],
    ['~10', 'aantal', '10', 'getal-schatting'],
    ['400*', 'uren', '400', 'getal-voetnoot'],
    ["'12", 'aantal', '12', 'getal-als-tekst'],
  ] as const)('%s in a column of %s reads %s with %s', (tekst, eenheid, waarde, code) => {
    const w = leesGetal({ t: 'tekst', v: tekst }, { conventie: 'nl', eenheid });
    expect(w.soort).toBe('getal');
    if (w.soort !== 'getal') return;
    expect(w.waarde.toString()).toBe(waarde);
    expect(w.noten!.map((n) => n.code)).toEqual([code]);
  });

  it('refuses a unit that does not fit its column, and keeps ranges as no value', () => {
    expect(leesGetal({ t: 'tekst', v: '4 uur' }, { eenheid: 'aantal' }).soort).toBe('fout');
    expect(leesGetal({ t: 'tekst', v: '10 stuks' }, { eenheid: 'uren' }).soort).toBe('fout');
    expect(leesGetal({ t: 'tekst', v: '30 min' }).soort).toBe('fout');
    for (const b of ['8-10', '8 à 10', '8 tot 10', 'ca. 8-10']) expect(leesGetal({ t: 'tekst', v: b }, { eenheid: 'aantal' }).soort).toBe('geen');
  });
});

describe('Rational.toNumber', () => {
  it('its fast paths give exactly the float of the 15-decimal string, for every kind of denominator', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.constantFrom(1n, 2n, 4n, 5n, 8n, 10n, 16n, 25n, 100n, 1000n, 3n, 7n, 12n, 10n ** 15n, 2n ** 20n, 10n ** 16n), (n, d) => {
        const r = Rational.of(n, d);
        expect(r.toNumber()).toBe(Number(r.toDecimalString(15)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('plain digits read by the shortcut', () => {
  it('give exactly what the full reading gives, in every context', async () => {
    const { leesTekstGetalVolledig, kenmerkVolledig } = await import('../src/model/getal.js');
    const contexten = [{}, { conventie: 'nl' as const }, { conventie: 'en' as const }, { gemengd: true }, { eenheid: 'uren' as const }, { eenheid: 'aantal' as const, conventie: 'en' as const }];
    const tekens = fc.constantFrom('0', '1', '7', '9', '.', ',', ' ', '-', 'u', '%');
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{1,14}$/), fc.array(tekens, { maxLength: 8 }).map((a) => a.join(''))), fc.constantFrom(...contexten), (s, ctx) => {
        expect(kenmerk(s)).toEqual(kenmerkVolledig(s));
        expect(leesGetal({ t: 'tekst', v: s }, ctx)).toEqual(leesTekstGetalVolledig(s, ctx));
      }),
      { numRuns: 5000 },
    );
  });
});
