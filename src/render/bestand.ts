import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/**
 * Writes files all-or-nothing: every file goes to a temporary name first, and only when all are
 * written are they renamed into place. Existing files are refused unless `force`.
 */
export async function schrijfAtomair(
  bestanden: { pad: string; inhoud: string | Uint8Array }[],
  opties: { force?: boolean } = {},
): Promise<void> {
  if (!opties.force) {
    for (const b of bestanden) if (await bestaat(b.pad)) throw new BestaatAlFout(b.pad);
  }
  const tijdelijk: { tmp: string; pad: string }[] = [];
  // A device or pipe (`-o /dev/stdout`, `/dev/full`) is written to, never replaced by a regular file.
  const apparaten: { pad: string; inhoud: string | Uint8Array }[] = [];
  try {
    for (const b of bestanden) {
      const st = await stat(b.pad).catch(() => undefined);
      if (st && !st.isFile() && !st.isDirectory()) {
        apparaten.push(b);
        continue;
      }
      await mkdir(path.dirname(b.pad), { recursive: true });
      const tmp = path.join(path.dirname(b.pad), `.vth-tmp-${randomBytes(6).toString('hex')}-${path.basename(b.pad)}`);
      tijdelijk.push({ tmp, pad: b.pad });
      await writeFile(tmp, b.inhoud);
    }
    for (const a of apparaten) {
      await writeFile(a.pad, a.inhoud).catch((e: NodeJS.ErrnoException) => {
        e.path ??= a.pad;
        throw e;
      });
    }
    for (const t of tijdelijk) await rename(t.tmp, t.pad);
  } catch (e) {
    await Promise.all(tijdelijk.map((t) => rm(t.tmp, { force: true })));
    throw e;
  }
}
