// Shortcuts taken for speed at scale (issue 30) against the full route they stand in for: each
// shortcut must give exactly what the full route gives, on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activiteitSleutel, sleutelVolledig } from '../src/compute/risico.js';
import { csvRecords } from '../src/ingest/csv.js';
import { deler } from '../src/model/delen.js';
import { Rational } from '../src/model/rational.js';

const rationaal = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 10n ** 6n })))
  .map(([n, d]) => Rational.of(n, d));

function ggd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
/** A fraction reduced the long way, as [num, den]. */
function gereduceerd(n: bigint, d: bigint): [bigint, bigint] {
  if (d < 0n) [n, d] = [-n, -d];
  const g = ggd(n, d);
  return [n / g, d / g];
}

describe('snelle paden', () => {
  it('Rational: add, sub and cmp with equal or whole denominators give the reduced exact result', () => {
    fc.assert(
      fc.property(rationaal, rationaal, (a, b) => {
        const som = a.add(b);
        expect([som.num, som.den]).toEqual(gereduceerd(a.num * b.den + b.num * a.den, a.den * b.den));
        const verschil = a.sub(b);
        expect([verschil.num, verschil.den]).toEqual(gereduceerd(a.num * b.den - b.num * a.den, a.den * b.den));
        const l = a.num * b.den;
        const r = b.num * a.den;
        expect(a.cmp(b)).toBe(l < r ? -1 : l > r ? 1 : 0);
        const c = Rational.of(b.num, a.den);
        expect(a.cmp(c)).toBe(a.num < c.num * (a.den / c.den) ? -1 : a.num > c.num * (a.den / c.den) ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('Rational: a whole number rounds and prints as itself', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 10 }), (n, d) => {
        const r = Rational.of(n);
        expect(r.round(d).eq(r)).toBe(true);
        expect(r.toDecimalString(d)).toBe(n.toString());
        // The same value written as a fraction goes the long way and agrees.
        expect(Rational.of(n * 3n, 3n).toDecimalString(d)).toBe(n.toString());
      }),
    );
  });

  it('the key of an activity: the shortcut gives what the full normalisation gives', () => {
    const teken = fc.constantFrom('a', 'B', 'é', 'Ö', '1', ' ', '  ', '\u00a0', '\t', '\n', '\u2003', '\u3000', '-', 'R0');
    fc.assert(
      fc.property(fc.array(teken, { maxLength: 12 }).map((d) => d.join('')), (s) => {
        expect(activiteitSleutel(s)).toBe(sleutelVolledig(s));
      }),
      { numRuns: 3000 },
    );
    expect(activiteitSleutel('R000123')).toBe('r000123');
    expect(activiteitSleutel(' Activiteit  12\u00a0milieu ')).toBe('activiteit 12 milieu');
  });

  it('a CSV text without quotes splits as papaparse reads it', () => {
    const teken = fc.constantFrom('a', 'é', '1', ',', ';', '\t', ' ', '\n', '\n', '€', "'");
    fc.assert(
      fc.property(fc.array(teken, { maxLength: 60 }).map((d) => d.join('')), fc.constantFrom(';', ',', '\t'), (tekst, scheiding) => {
        expect([...csvRecords(tekst, scheiding)]).toEqual([...csvRecords(tekst, scheiding, true)]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('JSON in stukken', () => {
  it('gives exactly the bytes of JSON.stringify(waarde, null, 2), whatever the document', async () => {
    const { jsonStukken } = await import('../src/render/json-stukken.js');
    const document = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.constant(undefined), fc.date({ noInvalidDate: true }), fc.array(fc.oneof(fc.constant(undefined), fc.integer())), fc.constant(() => 1)),
    );
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 64 }), (d, grootte) => {
        expect([...jsonStukken(d, grootte)].join('')).toBe(JSON.stringify(d, null, 2));
      }),
      { numRuns: 2000 },
    );
    for (const x of [[1, [2]], 'tekst', null, 5, {}, { a: [] }, { toJSON: () => ({ b: [1] }) }]) expect([...jsonStukken(x)].join('')).toBe(JSON.stringify(x, null, 2));
  });
});

describe('effect', () => {
  it('whole scores and weights give the exact weighted mean the general route gives', async () => {
    const { effectVan } = await import('../src/compute/risico.js');
    const getal = fc.oneof(fc.integer({ min: -5, max: 2_000_000 }).map((n) => Rational.of(BigInt(n))), fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 9 })).map(([n, d]) => Rational.of(BigInt(n), BigInt(d))));
    fc.assert(
      fc.property(fc.array(fc.tuple(getal, getal), { minLength: 1, maxLength: 8 }), (paren) => {
        const model = { dimensies: paren.map(([gewicht], i) => ({ naam: `d${i}`, gewicht })) } as unknown as Parameters<typeof effectVan>[0];
        const scores = new Map(paren.map(([, s], i) => [`d${i}`, s]));
        let som = Rational.ZERO;
        let gewichten = Rational.ZERO;
        for (const [g, s] of paren) {
          som = som.add(g.mul(s));
          gewichten = gewichten.add(g);
        }
        if (gewichten.isZero()) expect(() => effectVan(model, scores)).toThrow();
        else expect(effectVan(model, scores)!.eq(som.div(gewichten))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pijptabel', () => {
  it('a row cut by position gives the cells the full route gives', async () => {
    const { pijpCellen, pijpCellenVolledig } = await import('../src/render/docx.js');
    const teken = fc.constantFrom('a', '1', ' ', '|', '|', '\\', '\u00a0', '\t', '\u3000', '\ufeff', 'é', ',', '-', ':');
    fc.assert(
      fc.property(fc.array(teken, { maxLength: 40 }).map((d) => d.join('')), (regel) => {
        expect(pijpCellen(regel)).toEqual(pijpCellenVolledig(regel));
      }),
      { numRuns: 5000 },
    );
    expect(pijpCellen('| A1.01 | Product 1 | 12 |')).toEqual(['A1.01', 'Product 1', '12']);
  });
});

describe('activiteitenindex', () => {
  const teken = fc.constantFrom('a', 'A', 'b', 'R', '1', ' ', '  ', '\t', '\u00a0', 'é', 'É', 'Σ', '\u2003');
  const tekst = fc.array(teken, { maxLength: 6 }).map((d) => d.join(''));
  it('the hash of a text equals the hash of its key, made or not', async () => {
    const { activiteitSleutel, sleutelHash, sleutelHashVanSleutel } = await import('../src/compute/risico.js');
    fc.assert(
      fc.property(tekst, (s) => {
        expect(sleutelHash(s)).toBe(sleutelHashVanSleutel(activiteitSleutel(s)));
      }),
      { numRuns: 5000 },
    );
  });
  it('a text has a key exactly when its key, made, is that key', async () => {
    const { activiteitSleutel, activiteitHeeftSleutel } = await import('../src/compute/risico.js');
    fc.assert(
      fc.property(tekst, tekst, (s, t) => {
        // Against another text's key and against its own (a text always has its own key).
        for (const k of [activiteitSleutel(t), activiteitSleutel(s), activiteitSleutel(s) + 'x', activiteitSleutel(s).slice(0, -1)]) {
          expect(activiteitHeeftSleutel(s, k)).toBe(activiteitSleutel(s) === k);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds what a scan of every activity finds: by id, else by name', async () => {
    const { activiteitSleutel, zoekActiviteiten } = await import('../src/compute/risico.js');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(tekst, { nil: undefined }), tekst), { maxLength: 12 }), fc.array(tekst, { maxLength: 8 }), (acts, vragen) => {
        const activiteiten = acts.map(([id, naam]) => ({ activiteit: { id, activiteit: naam } }));
        const risico = { activiteiten } as unknown as Parameters<typeof zoekActiviteiten>[0];
        for (const v of [...vragen, ...acts.flatMap(([id, naam]) => [id ?? '', naam])]) {
          const k = activiteitSleutel(v);
          const opId = activiteiten.filter((a) => a.activiteit.id && activiteitSleutel(a.activiteit.id) === k);
          const verwacht = opId.length ? opId : activiteiten.filter((a) => activiteitSleutel(a.activiteit.activiteit) === k);
          expect(zoekActiviteiten(risico, v)).toEqual(verwacht);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a shared row is the row made for the first equal sequence, and only for an equal one', () => {
    // Parts as objects compared by identity, as Rationals and score entries are: a pool of a few.
    const pool = Array.from({ length: 6 }, (_, i) => ({ i }));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 8 }), { maxLength: 200 }),
        // 1000 parts a place: rows of more than five places are found by text, shorter ones by number.
        fc.constantFrom(1, 2, 3, 6, 1000),
        fc.integer({ min: 1, max: 40 }),
        (rijen, perPlek, maxRijen) => {
          const gemaakt: (readonly { i: number }[])[] = [];
          const deel = deler<{ i: number }, readonly { i: number }[]>((d) => (gemaakt.push([...d]), [...d]), { perPlek, rijen: maxRijen });
          const uit = rijen.map((r) => deel(r.map((i) => pool[i]!)));
          for (let a = 0; a < rijen.length; a++) {
            // Always the parts asked for, in their order.
            expect(uit[a]!.map((p) => p.i)).toEqual(rijen[a]);
            for (let b = 0; b < a; b++) {
              // One object only for equal sequences.
              if (uit[a] === uit[b]) expect(rijen[a]).toEqual(rijen[b]);
            }
          }
          // Within the bounds, every equal sequence is shared.
          const verschillend = new Set(rijen.map((r) => r.join(',')));
          const perPlekMax = Math.max(0, ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => new Set(rijen.filter((r) => r.length > k).map((r) => r[k])).size));
          if (verschillend.size <= maxRijen && perPlekMax <= perPlek) expect(gemaakt.length).toBe(verschillend.size);
        },
      ),
      { numRuns: 500 },
    );
  });
});
