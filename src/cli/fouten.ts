/** Exit codes, as documented in the README and in `vth --help`. */
export const EXIT = {
  OK: 0,
  /** The check found a problem: errors in the input, a capacity shortfall, a municipality not judged. */
  PROBLEEM: 1,
  /** Usage error, or input that cannot be read at all. */
  ONLEESBAAR: 2,
  /** An internal error in vth itself (a bug: please report it). */
  INTERN: 3,
} as const;

/** A usage or output problem the user can fix; printed without a stack trace. */
export class GebruikFout extends Error {
  constructor(
    bericht: string,
    readonly exitCode: number = EXIT.ONLEESBAAR,
  ) {
    super(bericht);
    this.name = 'GebruikFout';
  }
}

/** Runs a template loader or renderer; a template error is the user's to fix (exit 2, no stack trace). */
export function metTemplates<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if ((e as Error)?.name === 'TemplateFout') throw new GebruikFout((e as Error).message);
    throw e;
  }
}
