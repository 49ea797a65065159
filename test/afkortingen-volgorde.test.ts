import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vergelijkNl } from '../src/model/nl-volgorde.js';
import { gebruikteAfkortingen, sorteerNl } from '../src/report/afkortingen.js';

// The abbreviation lists are sorted without ICU where the names allow (its first collator costs some
// 10 ms of a run); the order must be ICU's Dutch order all the same.
describe('abbreviations in Dutch order, without ICU where it gives the same', () => {
  const icu = (namen: string[], sensitivity: 'base' | 'variant') => [...namen].sort(new Intl.Collator('nl', { sensitivity }).compare);
  const naam = (tekens: string) => fc.string({ unit: fc.constantFrom(...tekens), maxLength: 6 });

  it('letters, digits, hyphens, slashes and ampersands, case ignored: the order of ICU', () => {
    const tekens = 'aAbBcCiIkKzZ0189-/&';
    fc.assert(fc.property(fc.array(naam(tekens), { maxLength: 12 }), (namen) => {
      expect(sorteerNl([...namen], 'base')).toEqual(icu(namen, 'base'));
    }), { numRuns: 2000 });
  });

  it('capitals, digits, hyphens, slashes and ampersands, with case: the order of ICU', () => {
    fc.assert(fc.property(fc.array(naam('ABHIKZ08-&/'), { maxLength: 12 }), (namen) => {
      expect(sorteerNl([...namen], 'variant')).toEqual(icu(namen, 'variant'));
    }), { numRuns: 1000 });
  });

  it('any other name goes to ICU: accents, spaces, ampersands, lower case with case', () => {
    for (const [namen, s] of [
      [['Één', 'Eb', 'Ez', 'ea'], 'base'],
      [['T-H', 'TH', 'T/H', 'T.A', 'T+H'], 'variant'],
      [['bal', 'Bal', 'BAL', 'Ba'], 'variant'],
      [['a b', 'ab', 'a-b', 'a_b', 'a.b'], 'base'],
    ] as [string[], 'base' | 'variant'][]) {
      expect(sorteerNl([...namen], s), namen.join(' ')).toEqual(icu(namen, s));
    }
  });

  it('the unexplained capitals of a document, with / and &', () => {
    expect(sorteerNl(['WM', 'VV/T&H', 'T&H', 'VTHA', 'PV', 'BIS'], 'variant')).toEqual(['BIS', 'PV', 'T&H', 'VTHA', 'VV/T&H', 'WM']);
  });

  it('the list of a document: BIG-8 among the rest, case ignored', () => {
    const tekst = 'Het UVP volgt de BIG-8 en de APV; de Wkb, het Bal en de fte van VTH.';
    expect(gebruikteAfkortingen(tekst).map((a) => a.afkorting)).toEqual(['APV', 'Bal', 'BIG-8', 'fte', 'UVP', 'VTH', 'Wkb']);
  });

  it('one comparison per pair, by key where both are simple and by ICU otherwise: a sort of any mix is the sort of ICU', () => {
    // Object ids (OB001, 2024-17) mixed with names ICU must order: accents, spaces, lower case, dots.
    const tekens = 'aAbBoOzZéÉ0129-/&. _';
    for (const s of ['variant', 'base'] as const) {
      fc.assert(fc.property(fc.array(naam(tekens), { maxLength: 14 }), (namen) => {
        expect([...namen].sort((a, b) => vergelijkNl(a, b, s))).toEqual(icu(namen, s));
        for (const a of namen.slice(0, 4)) for (const b of namen.slice(0, 4)) expect(Math.sign(vergelijkNl(a, b, s))).toBe(Math.sign(a.localeCompare(b, 'nl', { sensitivity: s })));
      }), { numRuns: 1500 });
    }
    // The default is localeCompare(b, 'nl') itself, as the deferred objects were ordered before.
    for (const [a, b] of [['OB001', 'OB010'], ['OB-2', 'OB2'], ['ob1', 'OB1'], ['Z9', 'a1']]) expect(Math.sign(vergelijkNl(a!, b!))).toBe(Math.sign(a!.localeCompare(b!, 'nl')));
  });
});
