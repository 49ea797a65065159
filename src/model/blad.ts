import type { Tabel } from '../ingest/tabel.js';
import { deelKolommenIn, RijLezer, type KolomSpec } from './kolommen.js';
import type { Melding } from './melding.js';
import { VeldLezer } from './velden.js';

/** Runs `perRij` over every data row of a sheet with its column layout; collects findings. */
export function leesBlad<V extends string, T>(
  tabel: Tabel,
  specs: readonly (KolomSpec & { veld: V })[],
  perRij: (v: VeldLezer<V>, r: RijLezer<V>) => T | undefined,
  extraBekend?: (kop: string) => boolean,
): { items: T[]; meldingen: Melding[]; ontbreekt: boolean; indeling: ReturnType<typeof deelKolommenIn<V>>['indeling'] } {
  const { indeling, meldingen } = deelKolommenIn(tabel, specs, extraBekend);
  const ontbreekt = meldingen.some((m) => m.code === 'kolom-ontbreekt' || m.code === 'kolom-dubbel');
  const items: T[] = [];
  if (!ontbreekt) {
    for (const rij of tabel.rijen) {
      const r = new RijLezer(tabel, indeling, rij);
      const item = perRij(new VeldLezer(r, meldingen), r);
      if (item !== undefined) items.push(item);
    }
  }
  return { items, meldingen, ontbreekt, indeling };
}
