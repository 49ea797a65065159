/** `-q`: the same on every command: no progress, no warnings; errors and the summary still go to stderr. */
let stil = false;

export function zetStil(aan: boolean | undefined): void {
  stil = !!aan;
}

export function isStil(): boolean {
  return stil;
}
