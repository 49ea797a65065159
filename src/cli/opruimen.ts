/**
 * A full garbage collection at the end of a phase that leaves much garbage behind: the werkmap's raw
 * tables once the model is built, the model and analysis once the view is built.
 *
 * Why by hand: V8 sizes the heap from what survived its last collection and cannot know that a phase
 * just ended. At 100.000 lines the run reached its next phase with 70 to 100 MB of dead tables or
 * model still in the heap, and when the next collection came depended on the run: the peak varied
 * between 315 and 366 MB over six runs of the same UVP. Collected at these two moments, five runs
 * peaked at 257–274 MB (docs/architecture.md, "A collection where a phase ends").
 *
 * A collection costs time in proportion to what is alive, so it is done only when the heap is large;
 * a run on a municipality's werkmap never gets here and loads nothing for it.
 */

/** Below this much heap in use, a collection frees too little to pay for itself. */
export const OPRUIM_DREMPEL = 64 * 1024 * 1024;

let verzamel: (() => void) | undefined;

/** Collects garbage now, if the heap in use is at least `drempel` bytes. Returns whether it collected. */
export async function ruimOp(drempel = OPRUIM_DREMPEL): Promise<boolean> {
  if (process.memoryUsage().heapUsed < drempel) return false;
  if (!verzamel) verzamel = verzamelaar();
  verzamel();
  return true;
}

/**
 * V8's `gc()`: the global one when Node runs with --expose-gc, else taken from a new context after the
 * flag is set (a context made before the flag has no `gc`; the function collects the whole isolate).
 */
function verzamelaar(): () => void {
  const globaal = (globalThis as { gc?: () => void }).gc;
  if (typeof globaal === 'function') return globaal;
  // Not import(): vth's bundle runs from V8's code cache, where Node 20 cannot resolve an import().
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  const { runInNewContext } = process.getBuiltinModule('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Later contexts (the IBT worker's, a template's) need no `gc` of their own.
  setFlagsFromString('--no-expose-gc');
  return gc;
}
