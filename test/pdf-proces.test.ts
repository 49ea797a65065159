/**
 * LibreOffice started, LibreOffice ended: vth owns the process group of a PDF conversion. A
 * LibreOffice that hangs is stopped at the time limit, SIGTERM during the conversion ends it with
 * vth's "onderbroken" message, and in both cases no process and no temporary folder stay behind.
 * A VTH_SOFFICE that is no LibreOffice, or stops at once, fails within seconds with its reason.
 * (Fake soffice scripts stand in for LibreOffice; the real one is tested in word.test.ts.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

const heeftUno = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { timeout: 30_000 }).status === 0;

/** A fake soffice: says it is LibreOffice, then hangs (with a child of its own) or stops at once. */
function nepSoffice(map: string, gedrag: 'hangt' | 'stopt'): { pad: string; pids: string } {
  const pad = path.join(map, `soffice-${gedrag}`);
  const pids = path.join(map, 'pids');
  writeFileSync(
    pad,
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice 7.4 (nep)"; exit 0; fi\n` +
      (gedrag === 'hangt' ? `echo $$ >> ${pids}\nsleep 1000 &\necho $! >> ${pids}\nwait\n` : 'exit 7\n'),
  );
  chmodSync(pad, 0o755);
  return { pad, pids };
}

/** Whether a process runs: a zombie (killed, not yet reaped by whoever adopted it) does not. */
const leeft = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** Whether every pid in the file is gone (within a second: SIGKILL is delivered asynchronously). */
async function allesWeg(pids: string): Promise<boolean> {
  const lijst = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
  expect(lijst.length).toBeGreaterThan(0);
  for (let i = 0; i < 20 && lijst.some(leeft); i++) await new Promise((r) => setTimeout(r, 50));
  return !lijst.some(leeft);
}

describe.skipIf(!heeftUno)('LibreOffice started, LibreOffice ended', () => {
  it('a LibreOffice that hangs is stopped at the time limit, with its reason; nothing stays behind', async () => {
    const map = tijdelijkeMap();
    const tmp = path.join(map, 'tmp');
    mkdirSync(tmp);
    const nep = nepSoffice(map, 'hangt');
    const begin = Date.now();
    const r = vth(['uvp', VOORBEELD, '--format', 'pdf', '-o', path.join(map, 'uit'), '-q'], { env: { VTH_SOFFICE: nep.pad, VTH_PDF_MAX_S: '3', TMPDIR: tmp } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LibreOffice deed er langer dan 3 seconden over om uvp-2025-dinkelberg.docx naar PDF om te zetten en is gestopt (grens: VTH_PDF_MAX_S)');
    expect(Date.now() - begin).toBeLessThan(30_000);
    expect(await allesWeg(nep.pids)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('SIGTERM during the conversion: vth says "onderbroken", stops LibreOffice, removes its folder and writes nothing', async () => {
    const map = tijdelijkeMap();
    const tmp = path.join(map, 'tmp');
    mkdirSync(tmp);
    const nep = nepSoffice(map, 'hangt');
    const uit = path.join(map, 'uit');
    const kind = spawn(process.execPath, [path.join(ROOT, 'bin/vth.js'), 'uvp', VOORBEELD, '--format', 'pdf', '-o', uit, '-q'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', VTH_SOFFICE: nep.pad, VTH_PDF_MAX_S: '120', TMPDIR: tmp },
    });
    let stderr = '';
    kind.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const einde = new Promise<number | null>((klaar) => kind.on('exit', (c) => klaar(c)));
    // Wait until LibreOffice (the fake) runs.
    for (let i = 0; i < 200 && !(existsSync(nep.pids) && readFileSync(nep.pids, 'utf8').trim().split('\n').length >= 2); i++) await new Promise((r) => setTimeout(r, 100));
    kind.kill('SIGTERM');
    expect(await einde).toBe(143);
    expect(stderr).toContain('vth: onderbroken (SIGTERM) tijdens het omzetten naar PDF; LibreOffice is gestopt en er is niets geschreven');
    expect(await allesWeg(nep.pids)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(uit)).toBe(false);
  }, 60_000);

  it('--herbereken runs LibreOffice the same way: stopped at the time limit, and on SIGTERM, with nothing left behind', async () => {
    const map = tijdelijkeMap();
    const tmp = path.join(map, 'tmp');
    mkdirSync(tmp);
    const nep = nepSoffice(map, 'hangt');
    const r = vth(['controleer', VOORBEELD, '--herbereken'], { env: { VTH_SOFFICE: nep.pad, VTH_PDF_MAX_S: '2', TMPDIR: tmp } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LibreOffice deed er langer dan 2 seconden over om werkmap.xlsx te herberekenen en is gestopt (grens: VTH_PDF_MAX_S)');
    expect(await allesWeg(nep.pids)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    const nep2 = nepSoffice(tijdelijkeMap(), 'hangt');
    const kind = spawn(process.execPath, [path.join(ROOT, 'bin/vth.js'), 'controleer', VOORBEELD, '--herbereken'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', VTH_SOFFICE: nep2.pad, TMPDIR: tmp } });
    let stderr = '';
    kind.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const einde = new Promise<number | null>((klaar) => kind.on('exit', (c) => klaar(c)));
    for (let i = 0; i < 200 && !(existsSync(nep2.pids) && readFileSync(nep2.pids, 'utf8').trim().split('\n').length >= 2); i++) await new Promise((r) => setTimeout(r, 100));
    kind.kill('SIGTERM');
    expect(await einde).toBe(143);
    expect(stderr).toContain('vth: onderbroken (SIGTERM) tijdens het herberekenen door LibreOffice; LibreOffice is gestopt en er is niets geschreven');
    expect(await allesWeg(nep2.pids)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);

  it('a VTH_SOFFICE that is no LibreOffice, or stops at once, fails within seconds with the reason (exit 2)', () => {
    const map = tijdelijkeMap();
    for (const [soffice, bericht] of [
      ['/bin/echo', 'VTH_SOFFICE wijst naar /bin/echo, maar dat is geen LibreOffice (`/bin/echo --version` zegt: "echo (GNU coreutils)'],
      [nepSoffice(map, 'stopt').pad, 'LibreOffice stopte meteen (exitcode 7) in plaats van te starten'],
    ] as const) {
      const begin = Date.now();
      const r = vth(['uvp', VOORBEELD, '--format', 'pdf', '-o', path.join(tijdelijkeMap(), 'uit'), '-q'], { env: { VTH_SOFFICE: soffice } });
      expect(r.code, soffice).toBe(2);
      expect(r.stderr, soffice).toContain(bericht);
      expect(Date.now() - begin, soffice).toBeLessThan(20_000);
    }
  });
});
