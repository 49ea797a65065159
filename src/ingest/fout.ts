import type { Plaats } from '../model/melding.js';

/** A file that cannot be read at all (exit code 2). The message is Dutch and names the place. */
export class OnleesbaarFout extends Error {
  readonly plaats: Plaats;
  constructor(bericht: string, plaats: Plaats) {
    super(bericht);
    this.name = 'OnleesbaarFout';
    this.plaats = plaats;
  }
}
