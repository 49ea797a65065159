import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class BestaatAlFout extends Error {
  constructor(readonly pad: string) {
    super(`${pad} bestaat al; gebruik --force om het te overschrijven`);
    this.name = 'BestaatAlFout';
  }
}

export async function bestaat(pad: string): Promise<boolean> {
  try {
    await stat(pad);
    return true;
  } catch {
    return false;
  }
}

export class SlotBezetFout extends Error {
  constructor(
    readonly map: string,
    readonly pid: number,
  ) {
    super(`in ${map} schrijft al een andere vth (proces ${pid}); wacht tot die klaar is, of kies een andere uitvoermap`);
    this.name = 'SlotBezetFout';
  }
}

class OnderbrokenFout extends Error {
  constructor(readonly sein: NodeJS.Signals) {
    super(`onderbroken (${sein})`);
  }
}

const TMP = /^\.vth-tmp-[0-9a-f]{12}-/;
/**
 * A temporary file's name in a folder this run holds the lock of (`neemSlot`), where every earlier
 * temporary file was removed first: unique within the run is enough. The process id and a counter,
 * not random bytes: node:crypto (some 20 of Node's modules) was loaded for nothing else.
 */
let tmpTeller = 0;
const tmpNaam = (pad: string) =>
  path.join(path.dirname(pad), `.vth-tmp-${(process.pid % 0x1000000).toString(16).padStart(6, '0')}${(++tmpTeller % 0x1000000).toString(16).padStart(6, '0')}-${path.basename(pad)}`);
const SLOT = '.vth-slot';

function leeft(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the output folder's lock (`.vth-slot`, holding the pid). A lock whose process is gone is
 * taken over; a live one is waited for `wachtMs`, then refused.
 */
async function neemSlot(map: string, wachtMs: number, stopt: () => void): Promise<() => void> {
  const slot = path.join(map, SLOT);
  const eind = Date.now() + wachtMs;
  for (;;) {
    try {
      writeFileSync(slot, String(process.pid), { flag: 'wx' });
      return () => rmSync(slot, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = NaN;
    let jong = false;
    try {
      pid = Number(readFileSync(slot, 'utf8'));
      // Created but not yet written: give its owner a moment.
      jong = Date.now() - statSync(slot).mtimeMs < 2000;
    } catch {
      continue; // released meanwhile
    }
    if (!leeft(pid) && !(Number.isNaN(pid) || pid === 0 ? jong : false)) {
      rmSync(slot, { force: true });
      continue;
    }
    if (Date.now() > eind) throw new SlotBezetFout(map, pid);
    await new Promise((r) => setTimeout(r, 100));
    stopt();
  }
}

/** A file's content: text, bytes, or text in pieces (a large JSON output, written as it is made). */
export type Inhoud = string | Uint8Array | Iterable<string>;

/**
 * Writes files all-or-nothing: every file goes to a temporary name first, and only when all are
 * written are they renamed into place. Existing files are refused unless `force`. Each output folder
 * is locked while it is written, so two runs never mix their files; temporary files that an earlier,
 * interrupted run left (recognisable by their name) are removed; on SIGINT or SIGTERM the temporary
 * files are removed and the message says what was already in place.
 */
export async function schrijfAtomair(
  bestanden: { pad: string; inhoud: Inhoud }[],
  opties: { force?: boolean; /** How long to wait for another run's lock on a folder. */ slotWachtMs?: number } = {},
): Promise<void> {
  // A device or pipe (`-o /dev/stdout`, `/dev/full`) is written to, never replaced by a regular file.
  const apparaten: { pad: string; inhoud: Inhoud }[] = [];
  const gewoon: { pad: string; inhoud: Inhoud }[] = [];
  for (const b of bestanden) {
    const st = await stat(b.pad).catch(() => undefined);
    (st && !st.isFile() && !st.isDirectory() ? apparaten : gewoon).push(b);
  }
  const mappen = [...new Set(gewoon.map((b) => path.dirname(b.pad)))].sort();
  for (const m of mappen) await mkdir(m, { recursive: true });
  const vrij: (() => void)[] = [];
  const tijdelijk: { tmp: string; pad: string }[] = [];
  const geplaatst: string[] = [];
  // A signal only marks the run as stopped: the loop stops after the file operation in flight, so
  // that no temporary file is created after the clean-up has looked.
  let sein: NodeJS.Signals | undefined;
  const bijInt = () => (sein = 'SIGINT');
  const bijTerm = () => (sein = 'SIGTERM');
  process.on('SIGINT', bijInt);
  process.on('SIGTERM', bijTerm);
  const stopt = () => {
    if (sein) throw new OnderbrokenFout(sein);
  };
  try {
    for (const m of mappen) {
      vrij.push(await neemSlot(m, opties.slotWachtMs ?? 10_000, stopt));
      stopt();
      for (const n of await readdir(m)) if (TMP.test(n)) await rm(path.join(m, n), { force: true });
    }
    if (!opties.force) {
      for (const b of bestanden) if (await bestaat(b.pad)) throw new BestaatAlFout(b.pad);
    }
    for (const b of gewoon) {
      const tmp = tmpNaam(b.pad);
      tijdelijk.push({ tmp, pad: b.pad });
      // Never through something already there (a link put in its place): the name was cleared above.
      await writeFile(tmp, b.inhoud, { flag: 'wx' });
      stopt();
    }
    for (const a of apparaten) {
      await writeFile(a.pad, a.inhoud).catch((e: NodeJS.ErrnoException) => {
        e.path ??= a.pad;
        throw e;
      });
      stopt();
    }
    while (tijdelijk.length) {
      const t = tijdelijk[0]!;
      await rename(t.tmp, t.pad);
      tijdelijk.shift();
      geplaatst.push(t.pad);
      stopt();
    }
  } catch (e) {
    await Promise.all(tijdelijk.map((t) => rm(t.tmp, { force: true })));
    if (e instanceof OnderbrokenFout) {
      for (const v of vrij.splice(0)) v();
      process.stderr.write(`\nvth: onderbroken (${e.sein}); ${geplaatst.length ? `al op hun plaats: ${geplaatst.join(', ')}; de rest is niet geschreven` : 'er is niets geschreven'}\n`);
      process.exit(e.sein === 'SIGINT' ? 130 : 143);
    }
    throw e;
  } finally {
    for (const v of vrij) v();
    process.removeListener('SIGINT', bijInt);
    process.removeListener('SIGTERM', bijTerm);
  }
}
