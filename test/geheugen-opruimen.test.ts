// The collection at the end of a phase (src/cli/opruimen.ts): it frees what is dead when the heap is
// large, does nothing when it is small, and leaves no `gc` behind for other code to find.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ruimOp } from '../src/cli/opruimen.js';

describe('opruimen na een fase', () => {
  it('collects nothing below the threshold', async () => {
    expect(await ruimOp(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('frees the dead objects of a finished phase at once', async () => {
    // Once, so that the collector is set up before the measurement.
    expect(await ruimOp(0)).toBe(true);
    // A phase's garbage: 200.000 rows kept long enough to leave the young generation, then let go.
    let rijen: { rij: number; cellen: string[] }[] | undefined = [];
    for (let i = 0; i < 200_000; i++) rijen.push({ rij: i, cellen: [`P${i}`, `Product ${i} met een lange naam`, String(i % 97)] });
    expect(rijen.length).toBe(200_000);
    rijen = undefined;
    const voor = process.memoryUsage().heapUsed;
    // No await before the collection itself: nothing else runs between the measurement and it.
    const klaar = ruimOp(0);
    const na = process.memoryUsage().heapUsed;
    expect(await klaar).toBe(true);
    expect(voor - na).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('leaves no gc in contexts made afterwards', () => {
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
