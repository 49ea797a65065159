import { realpathSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { schrijfAtomair, type Inhoud } from '../render/bestand.js';
import { GebruikFout } from './fouten.js';
import { envGetal } from '../ingest/grenzen.js';

/** The inputs of this run (werkmap, case export, region, templates): no output may replace or enter one. */
const INVOER: string[] = [];

export function meldInvoer(pad: string, opts: object = {}): void {
  const o = opts as { zaken?: unknown; zakenMap?: unknown; templates?: unknown; huisstijl?: unknown; output?: unknown };
  for (const p of [pad, o.zaken, o.zakenMap, o.templates, o.huisstijl]) if (typeof p === 'string' && p) INVOER.push(p);
  // Checked now, before any work: -o itself, and for a folder a file inside it.
  if (typeof o.output === 'string' && o.output) bewaakInvoer([{ pad: o.output }, { pad: path.join(o.output, 'uitvoer') }]);
}

/** The real path of `p`, also when its tail does not exist yet (symlinks resolved where they exist). */
function echtPad(p: string): string {
  const rest: string[] = [];
  let bestaand = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(bestaand), ...rest.reverse());
    } catch {
      const boven = path.dirname(bestaand);
      if (boven === bestaand) return path.resolve(p);
      rest.push(path.basename(bestaand));
      bestaand = boven;
    }
  }
}

/**
 * An output may never replace an input nor enter an input folder, not even with --force: compared
 * on real paths, so that a symlink or `..` does not get around it.
 */
function bewaakInvoer(bestanden: { pad: string }[]): void {
  for (const invoer of INVOER) {
    let st;
    try {
      st = statSync(invoer);
    } catch {
      continue;
    }
    const echt = echtPad(invoer);
    for (const b of bestanden) {
      const doel = echtPad(b.pad);
      if (doel === echt) {
        throw new GebruikFout(
          st.isDirectory()
            ? `${b.pad} is de invoermap ${invoer} zelf; kies een uitvoermap buiten de invoer`
            : `${b.pad} is de invoer ${invoer} zelf; uitvoer overschrijft nooit invoer, ook niet met --force`,
        );
      }
      if (st.isDirectory() && doel.startsWith(echt + path.sep)) {
        throw new GebruikFout(`${b.pad} ligt in de invoermap ${invoer}; kies een uitvoermap buiten de invoer`);
      }
    }
  }
}

/** Writes a command's output files all-or-nothing; an existing file needs --force (exit 2 otherwise). */
export async function schrijfUitvoer(bestanden: { pad: string; inhoud: Inhoud }[], force?: boolean): Promise<void> {
  bewaakInvoer(bestanden);
  await schrijfAtomair(bestanden, { force, slotWachtMs: slotWachtMs() });
}

/** How long a run waits for another run's lock on its output folder (`VTH_SLOT_WACHT_MS`). */
export const slotWachtMs = () => envGetal('VTH_SLOT_WACHT_MS', 10_000);

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

/**
 * A command's JSON (indented by two spaces, ending in a line break), in pieces as it is made
 * (`jsonStukken`), so that 50 MB of JSON is never one string: to the file given with -o, else to
 * standard output (`vth risico --format json | jq`: at 100.000 lines one string of it took 90 MB more).
 */
export async function schrijfJson(waarde: unknown, opts: { output?: string; force?: boolean }): Promise<void> {
  const { jsonStukken } = await import('../render/json-stukken.js');
  const stukken = (function* () {
    yield* jsonStukken(waarde);
    yield '\n';
  })();
  if (opts.output) await schrijfUitvoer([{ pad: opts.output, inhoud: stukken }], opts.force);
  else await schrijfStukkenNaarStdout(stukken);
}

/**
 * Pieces of text to standard output, gathered into blocks of some 64 KB. Where the output is
 * asynchronous (a pipe on Windows) a block waits for the one before to drain, so that what is
 * written never piles up in memory; on Linux a pipe, file or terminal takes each block at once.
 */
async function schrijfStukkenNaarStdout(stukken: Iterable<string>): Promise<void> {
  let blok = '';
  for (const stuk of stukken) {
    blok += stuk;
    if (blok.length < 65_536) continue;
    if (!process.stdout.write(blok)) await once(process.stdout, 'drain');
    blok = '';
  }
  if (blok) process.stdout.write(blok);
}

/** `--format xlsx`: a workbook filled by `vul`, written to -o (required: a workbook is no terminal output). */
export async function schrijfWerkboek(opts: { output?: string; force?: boolean }, voorbeeld: string, vul: (wb: import('../render/xlsx-schrijver.js').Werkboek) => void | Promise<void>): Promise<void> {
  if (!opts.output) throw new GebruikFout(`--format xlsx schrijft een bestand: geef het pad met -o, bijvoorbeeld -o ${voorbeeld}`);
  const { Werkboek } = await import('../render/xlsx-schrijver.js');
  const wb = new Werkboek();
  await vul(wb);
  await schrijfUitvoer([{ pad: opts.output, inhoud: await wb.bytes() }], opts.force);
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
  grafiek: () => string;
}): Promise<void> {
  if (!opts.output) {
    schrijfStdout(opts.render(null));
    return;
  }
  const naam = path.basename(opts.output).replace(/\.md$/i, '') + `-${opts.grafiekSuffix}.svg`;
  await schrijfUitvoer(
    [
      { pad: opts.output, inhoud: opts.render(naam) },
      { pad: path.join(path.dirname(opts.output), naam), inhoud: opts.grafiek() },
    ],
    opts.force,
  );
}
