/** A place in the input: the file, and where known the sheet, the row as the user sees it and the column. */
export interface Plaats {
  bestand: string;
  blad?: string;
  /** Row number as the user sees it in Excel (1-based, header row included). */
  rij?: number;
  /** Column header as written in the file, or the column letter when there is none. */
  kolom?: string;
}

/** A file that cannot be read at all (exit code 2). The message is Dutch and names the place. */
export class OnleesbaarFout extends Error {
  readonly plaats: Plaats;
  constructor(bericht: string, plaats: Plaats) {
    super(bericht);
    this.name = 'OnleesbaarFout';
    this.plaats = plaats;
  }
}
