import { leesWerkmap } from '../ingest/werkmap.js';
import { bouwWerkmap } from '../model/werkmap.js';
import type { Werkmap } from '../model/types.js';

/** Reads and models a werkmap; throws OnleesbaarFout when it cannot be read at all. */
export async function laadWerkmap(pad: string): Promise<Werkmap> {
  return bouwWerkmap(await leesWerkmap(pad));
}
