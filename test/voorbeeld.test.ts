import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { werkmapXlsx } from '../src/render/werkmap-xlsx.js';
import { VOORBEELD } from './helpers.js';

describe('fixtures/voorbeeldgemeente', () => {
  it('is still what scripts/maak-voorbeeldgemeente.mjs builds from the real tables', async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { voorbeeldBladen } = await import('../scripts/maak-voorbeeldgemeente.mjs');
    const opnieuw = await leesXlsx(Buffer.from(await werkmapXlsx(voorbeeldBladen(), 'x')), 'werkmap.xlsx');
    const vastgelegd = await leesXlsx(readFileSync(VOORBEELD), 'werkmap.xlsx');
    expect(opnieuw).toEqual(vastgelegd);
  });
});
