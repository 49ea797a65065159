import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { OnleesbaarFout } from '../ingest/fout.js';
import { leesZipInhoud, pakUit } from '../ingest/zip.js';
import { leesHuisstijl, type Huisstijl } from '../render/huisstijl.js';

/** A reference document is a template: a few MB with a logo at most. */
const MAX_MB = 32;

/** The house style from a reference .docx; OnleesbaarFout (exit 2) with a Dutch message when it cannot be used. */
export async function laadHuisstijl(pad: string): Promise<Huisstijl> {
  const naam = path.basename(pad);
  const st = await stat(pad).catch(() => undefined);
  if (!st?.isFile()) throw new OnleesbaarFout(`huisstijl "${pad}" bestaat niet`, { bestand: naam });
  if (st.size > MAX_MB * 1024 * 1024) throw new OnleesbaarFout(`huisstijl ${naam} is groter dan ${MAX_MB} MB; een referentiedocument is een leeg sjabloon`, { bestand: naam });
  const buf = new Uint8Array(await readFile(pad));
  const inhoud = leesZipInhoud(buf);
  if (!inhoud) throw new OnleesbaarFout(`huisstijl ${naam} is geen .docx-bestand (geen zip)`, { bestand: naam });
  const uit = pakUit(buf, inhoud, { maxDeel: 64 * 1024 * 1024, maxTotaal: 128 * 1024 * 1024, maxDiepte: 256 });
  if ('reden' in uit) throw new OnleesbaarFout(`huisstijl ${naam}: ${uit.reden}`, { bestand: naam });
  try {
    return leesHuisstijl(uit.delen, naam);
  } catch (e) {
    // The reference named once, then the part and what is wrong with it.
    const bericht = (e as Error).message;
    throw new OnleesbaarFout(`huisstijl ${bericht.startsWith(`${naam} `) ? bericht : `${naam}: ${bericht}`}`, { bestand: naam });
  }
}
