import { parentPort } from 'node:worker_threads';
import { beoordeelEnRender, type WerkOpdracht } from './taak.js';

// A worker thread of `vth ibt`: judges and renders the municipalities it is sent, one at a time.
parentPort!.on('message', async (opdracht: WerkOpdracht) => {
  try {
    parentPort!.postMessage(await beoordeelEnRender(opdracht));
  } catch (e) {
    parentPort!.postMessage({ index: opdracht.taak.index, intern: (e as Error)?.stack ?? String(e) });
  }
});
