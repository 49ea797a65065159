import { randomBytes } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aaneen, crc32Aaneen, pakDelen, pakDelenMetPauzes } from '../src/render/zip.js';

describe('deflated pieces of one part, made out of order', () => {
  it('the CRC of a + b follows from the CRCs of a and b (zlib crc32_combine)', () => {
    for (const [la, lb] of [[0, 0], [1, 0], [0, 5], [7, 1], [1000, 3_000_000], [5, 123_457]] as const) {
      const a = randomBytes(la);
      const b = randomBytes(lb);
      expect(crc32Aaneen(crc32(a), crc32(b), lb), `${la}+${lb}`).toBe(crc32(Buffer.concat([a, b])));
    }
  });

  it('open pieces put one after another inflate to the whole, with its CRC and size', () => {
    const groot = 'é'.repeat(1_500_000);
    const s = aaneen([pakDelen(['<a>', groot], false), pakDelen([], false), pakDelen(['x'], false), pakDelen(['</a>'])]);
    const u = inflateRawSync(s.ingepakt);
    expect(u.toString('utf8')).toBe(`<a>${groot}x</a>`);
    expect(s.grootte).toBe(u.length);
    expect(s.crc).toBe(crc32(u));
  });

  it('with pauses for the event loop (after every 16 pieces here, while asked for) the bytes are those without', async () => {
    const stukken = Array.from({ length: 5000 }, (_, i) => `<w:p>${i} ${'ë'.repeat(i % 700)}</w:p>`);
    let beurten = 0;
    const teller = setInterval(() => beurten++, 0);
    const met = await pakDelenMetPauzes(stukken, true, () => true, 0);
    clearInterval(teller);
    const zonder = pakDelen(stukken);
    expect(met.ingepakt.equals(zonder.ingepakt)).toBe(true);
    expect([met.crc, met.grootte]).toEqual([zonder.crc, zonder.grootte]);
    // The event loop turned while the part was made.
    expect(beurten).toBeGreaterThan(0);
    // And not once the work it waits for is done: asked once at the start, then never again.
    let gevraagd = 0;
    const stil = await pakDelenMetPauzes(stukken, true, () => (gevraagd++, false), 0);
    expect(stil.ingepakt.equals(zonder.ingepakt)).toBe(true);
    expect(gevraagd).toBe(1);
  });
});
