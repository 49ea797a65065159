import { Worker } from 'node:worker_threads';
import { envGetal } from '../ingest/grenzen.js';
import { naamUitBron } from './gemeente.js';
import { nietBeoordeeldResultaat, type WerkOpdracht, type WerkResultaat } from './taak.js';

/** Bounds on one municipality in `vth ibt`: heap of its worker (MB) and time (s); settable for a big region. */
export function ibtGrenzen(): { mb: number; seconden: number } {
  return { mb: envGetal('VTH_IBT_MAX_MB', 1024), seconden: envGetal('VTH_IBT_MAX_S', 300) };
}

/** Judging one municipality waits on file reads and unzipping as much as it computes: a few in flight per worker keep a core busy. */
const IN_VLUCHT = 4;

function mislukt(o: WerkOpdracht, reden: string): WerkResultaat {
  return nietBeoordeeldResultaat(o.taak, naamUitBron(o.taak.bron), reden);
}

/**
 * Runs the municipalities on worker threads, each worker with a heap limit and each municipality
 * with a time limit, so that an out-of-memory, a crash or a hang costs only that municipality: it
 * gets "niet te beoordelen" with the reason, the others are judged. When a worker dies with several
 * municipalities in flight, those are run again one at a time, so that the blame lands on the right
 * one. Results come back in input order whatever the timing.
 */
export async function beoordeelGeïsoleerd(opdrachten: WerkOpdracht[], werkers: number, klaar: (r: WerkResultaat) => void): Promise<WerkResultaat[]> {
  const { mb, seconden } = ibtGrenzen();
  const resultaten: WerkResultaat[] = new Array(opdrachten.length);
  const wachtrij = [...opdrachten];
  // Municipalities that were in flight when a worker died: each runs alone.
  const alleen: WerkOpdracht[] = [];
  // By way of dist/regio from either place this module runs from: dist/regio itself, or the bundle in
  // dist/bundel that bin/vth.js loads (scripts/bundel.mjs). The worker is the unbundled ES module.
  const url = new URL('../regio/werker.js', import.meta.url);
  const afgerond = (r: WerkResultaat) => {
    resultaten[r.index] = r;
    klaar(r);
  };
  let internFout: Error | undefined;

  const slot = async (): Promise<void> => {
    while (!internFout && (wachtrij.length || alleen.length)) {
      await new Promise<void>((opgelost) => {
        // Not the parent's flags: they may not apply to a worker (e.g. --input-type).
        const w = new Worker(url, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: mb } });
        const onderweg = new Map<number, { o: WerkOpdracht; klok: NodeJS.Timeout }>();
        let solo = false;
        let klaarMetWorker = false;
        const stop = (reden: string | undefined) => {
          if (klaarMetWorker) return;
          klaarMetWorker = true;
          for (const { o, klok } of onderweg.values()) {
            clearTimeout(klok);
            if (reden === undefined) continue;
            if (onderweg.size === 1) afgerond(mislukt(o, reden));
            else alleen.push(o);
          }
          onderweg.clear();
          void w.terminate().then(() => opgelost());
        };
        const stuur = () => {
          if (klaarMetWorker || internFout) return;
          if (solo) return;
          let o: WerkOpdracht | undefined;
          if (alleen.length) {
            // A suspect runs only in an idle worker, and nothing joins it.
            if (onderweg.size > 0) return;
            o = alleen.shift();
            solo = true;
          } else o = wachtrij.shift();
          if (!o) {
            if (onderweg.size === 0) stop(undefined);
            return;
          }
          const klok = setTimeout(() => stop(`het verwerken duurde langer dan ${seconden} ${seconden === 1 ? 'seconde' : 'seconden'} (grens: VTH_IBT_MAX_S)`), seconden * 1000);
          onderweg.set(o.taak.index, { o, klok });
          w.postMessage(o);
        };
        w.on('message', (r: WerkResultaat) => {
          const bezig = onderweg.get(r.index);
          if (!bezig) return;
          clearTimeout(bezig.klok);
          onderweg.delete(r.index);
          if (r.intern) {
            internFout = new Error(r.intern);
            stop(undefined);
            return;
          }
          afgerond(r);
          solo = false;
          for (let i = onderweg.size; i < IN_VLUCHT; i++) stuur();
          if (onderweg.size === 0 && !wachtrij.length && !alleen.length) stop(undefined);
        });
        w.on('error', (e: Error & { code?: string }) =>
          stop(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `het verwerken ging over de geheugengrens van ${mb} MB (grens: VTH_IBT_MAX_MB)`
              : `het verwerken brak af: ${e.message}`,
          ),
        );
        w.on('exit', () => stop('het verwerken brak af (de werkthread stopte)'));
        for (let i = 0; i < IN_VLUCHT; i++) stuur();
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, werkers) }, slot));
  if (internFout) throw internFout;
  return resultaten;
}
