import { statSync } from 'node:fs';
import path from 'node:path';
import { BestaatAlFout, schrijfAtomair } from '../render/bestand.js';
import { GebruikFout } from './fouten.js';

/** An output may never replace a file of the werkmap it was made from, not even with --force. */
function bewaakInvoer(bestanden: { pad: string }[], werkmap: string): void {
  const wm = path.resolve(werkmap);
  let map = false;
  try {
    map = statSync(wm).isDirectory();
  } catch {
    return;
  }
  for (const b of bestanden) {
    const doel = path.resolve(b.pad);
    const isInvoer = map ? path.dirname(doel) === wm && /\.(csv|xlsx|xlsm|txt)$/i.test(doel) && bestaatBestand(doel) : doel === wm;
    if (isInvoer) throw new GebruikFout(`${b.pad} is een bestand van de werkmap zelf; kies een andere uitvoermap`);
  }
}

function bestaatBestand(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Writes a command's output files all-or-nothing; an existing file needs --force (exit 2 otherwise). */
export async function schrijfUitvoer(
  bestanden: { pad: string; inhoud: string | Uint8Array }[],
  force?: boolean,
  werkmap?: string,
): Promise<void> {
  if (werkmap) bewaakInvoer(bestanden, werkmap);
  try {
    await schrijfAtomair(bestanden, { force });
  } catch (e) {
    if (e instanceof BestaatAlFout) throw new GebruikFout(`${e.pad} bestaat al; gebruik --force om het te overschrijven`);
    throw e;
  }
}

export type Formaat = 'tabel' | 'md' | 'xlsx' | 'json';
const PER_EXTENSIE: Record<string, Formaat> = { '.md': 'md', '.xlsx': 'xlsx', '.json': 'json', '.txt': 'tabel' };

/** The output format: --format, else what -o's extension says (`-o risico.xlsx` is a workbook); a conflict is an error. */
export function bepaalFormaat(format: Formaat | undefined, output: string | undefined): Formaat {
  const ext = output ? path.extname(output).toLowerCase() : '';
  const uitExtensie = PER_EXTENSIE[ext];
  if (format && uitExtensie && format !== uitExtensie) {
    throw new GebruikFout(`--format ${format} past niet bij -o ${output} (een ${ext}-bestand); laat --format weg of kies een passende bestandsnaam`);
  }
  return format ?? uitExtensie ?? 'tabel';
}

/** For commands that write several files: -o must be a folder, not an existing file or a file name. */
export function controleerUitvoerMap(output: string, opdracht: string): void {
  let st;
  try {
    st = statSync(output);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory()) {
    throw new GebruikFout(`-o ${output} is een bestand; vth ${opdracht} schrijft meerdere bestanden in een map: geef een map op, bijvoorbeeld -o uitvoer`);
  }
  if (!st && /\.(md|xlsx|docx|json|pdf|csv)$/i.test(output)) {
    throw new GebruikFout(`-o ${output} lijkt een bestandsnaam; vth ${opdracht} schrijft meerdere bestanden in een map: geef een map op, bijvoorbeeld -o uitvoer`);
  }
}

/** `--format md,xlsx` of the document commands: a set of the allowed formats, or a usage error. */
export function parseFormaten<F extends string>(s: string, toegestaan: readonly F[] = ['md', 'xlsx'] as unknown as F[]): Set<F> {
  const delen = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const fout = delen.filter((d) => !(toegestaan as readonly string[]).includes(d));
  if (fout.length || delen.length === 0) {
    throw new GebruikFout(`--format "${s}": kies uit ${toegestaan.join(', ')} (meerdere met komma's, zoals ${toegestaan.slice(0, 2).join(',')})`);
  }
  return new Set(delen as F[]);
}

export function schrijfStdout(tekst: string): void {
  process.stdout.write(tekst.endsWith('\n') ? tekst : tekst + '\n');
}

/** Text output of a command: to the file given with -o, else to standard output. */
export async function schrijfOfToon(tekst: string, opts: { output?: string; force?: boolean }): Promise<void> {
  if (opts.output) await schrijfUitvoer([{ pad: opts.output, inhoud: tekst.endsWith('\n') ? tekst : tekst + '\n' }], opts.force);
  else schrijfStdout(tekst);
}

/** `--format xlsx`: a workbook filled by `vul`, written to -o (required: a workbook is no terminal output). */
export async function schrijfWerkboek(opts: { output?: string; force?: boolean }, voorbeeld: string, vul: (wb: import('exceljs').Workbook) => Promise<void>): Promise<void> {
  if (!opts.output) throw new GebruikFout(`--format xlsx schrijft een bestand: geef het pad met -o, bijvoorbeeld -o ${voorbeeld}`);
  const { default: ExcelJS } = await import('exceljs');
  const { werkboekBytes } = await import('../render/werkboek.js');
  const wb = new ExcelJS.Workbook();
  await vul(wb);
  await schrijfUitvoer([{ pad: opts.output, inhoud: await werkboekBytes(wb) }], opts.force);
}

/**
 * A Markdown fragment with its chart: to standard output without the chart, or with -o as a file and
 * an SVG beside it (`<name>-<suffix>.svg`), written together.
 */
export async function schrijfFragment(opts: {
  output?: string;
  force?: boolean;
  render: (grafiek: string | null) => string;
  grafiekSuffix: string;
  grafiek: () => Promise<string>;
}): Promise<void> {
  if (!opts.output) {
    schrijfStdout(opts.render(null));
    return;
  }
  const naam = path.basename(opts.output).replace(/\.md$/i, '') + `-${opts.grafiekSuffix}.svg`;
  await schrijfUitvoer(
    [
      { pad: opts.output, inhoud: opts.render(naam) },
      { pad: path.join(path.dirname(opts.output), naam), inhoud: await opts.grafiek() },
    ],
    opts.force,
  );
}
