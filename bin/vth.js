#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`vth risico … | head`) is no error: stop quietly, as Unix tools do.
for (const stroom of [process.stdout, process.stderr]) {
  stroom.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`vth: interne fout: ${e?.message ?? e}\n`);
    process.exitCode = 3;
  },
);
