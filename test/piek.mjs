// Preloaded with --import in tests: on exit, writes this process's peak resident memory (VmHWM, in
// KB) to the file named by VTH_PIEK_BESTAND, so that a test can bound a child's memory.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (m && process.env.VTH_PIEK_BESTAND) writeFileSync(process.env.VTH_PIEK_BESTAND, m[1]);
});
