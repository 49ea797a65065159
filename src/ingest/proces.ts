// LibreOffice started, LibreOffice ended: one way to run it (for the PDF and for --herbereken).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Runs a LibreOffice step in a process group of its own and owns it: on its end, on the time limit
 * and on SIGINT or SIGTERM the whole group is killed (LibreOffice's soffice.bin included) and the
 * temporary folder removed. On a signal vth stops with its "onderbroken" message.
 */
export async function inEigenGroep(cmd: string, args: string[], o: { tmp: string; wat: string; maxS: number }): Promise<{ code: number | null; stderr: string; teLang: boolean }> {
  const kind = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = () => {
    try {
      if (kind.pid) process.kill(-kind.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  };
  let stderr = '';
  kind.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  let teLang = false;
  const max = o.maxS;
  const klok = setTimeout(() => {
    teLang = true;
    stop();
  }, max * 1000);
  const bijSein = (sein: NodeJS.Signals) => {
    stop();
    rmSync(o.tmp, { recursive: true, force: true });
    process.stderr.write(`\nvth: onderbroken (${sein}) tijdens ${o.wat}; LibreOffice is gestopt en er is niets geschreven\n`);
    process.exit(sein === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', bijSein);
  process.once('SIGTERM', bijSein);
  try {
    const code = await new Promise<number | null>((klaar, mis) => {
      kind.once('error', mis);
      kind.once('close', (c) => klaar(c));
    });
    return { code, stderr, teLang };
  } catch (e) {
    return { code: -1, stderr: (e as Error).message, teLang };
  } finally {
    clearTimeout(klok);
    process.removeListener('SIGINT', bijSein);
    process.removeListener('SIGTERM', bijSein);
    stop();
  }
}
