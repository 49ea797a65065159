/** Options that hold for the whole run, the same on every command. */
let stil = false;
let herbereken = false;

/** `-q`: no progress, no warnings; errors and the summary still go to stderr. */
export function zetStil(aan: boolean | undefined): void {
  stil = !!aan;
}

export function isStil(): boolean {
  return stil;
}

/** `--herbereken`: workbooks are recalculated in a temporary copy through LibreOffice before reading. */
export function zetHerbereken(aan: boolean | undefined): void {
  herbereken = !!aan;
}

export function moetHerberekenen(): boolean {
  return herbereken;
}

/** Both run-wide options from a command's parsed options. */
export function zetLooptijd(opts: { quiet?: boolean; herbereken?: boolean }): void {
  zetStil(opts.quiet);
  zetHerbereken(opts.herbereken);
}
