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

const SYSTEEM: Record<string, string> = {
  ENOSPC: 'de schijf (of het apparaat) is vol',
  EDQUOT: 'het schijfquotum is op',
  EISDIR: 'dat is een map, geen bestand',
  ENOTDIR: 'een deel van het pad is een bestand, geen map',
  ENAMETOOLONG: 'de naam is te lang voor het bestandssysteem',
  EEXIST: 'er staat al iets met die naam',
  EACCES: 'geen toegang (rechten)',
  EPERM: 'niet toegestaan (rechten)',
  EROFS: 'het bestandssysteem is alleen-lezen',
  ENOENT: 'het bestand of de map bestaat niet',
  ELOOP: 'een verwijzing (symlink) wijst in een kring naar zichzelf terug',
  EMFILE: 'te veel open bestanden',
  EBUSY: 'het bestand is in gebruik',
  EIO: 'een lees- of schrijffout van het apparaat',
  EPIPE: 'de ontvangende kant van de pijp is gesloten',
};

/** A system error (`ENOSPC`, `EISDIR`, …) as a Dutch sentence with the path; undefined for other errors. */
export function systeemFoutTekst(e: unknown): string | undefined {
  const f = e as NodeJS.ErrnoException | undefined;
  if (!f || typeof f.code !== 'string' || !/^E[A-Z]+$/.test(f.code)) return undefined;
  const wat = SYSTEEM[f.code] ?? f.message;
  return `${f.path ? `${f.path}: ` : ''}${wat} (${f.code})`;
}
