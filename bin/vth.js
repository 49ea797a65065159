#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
// Let the heap grow by 20% between collections instead of V8's default (up to double): a werkmap of
// 100.000 lines then peaks at about 430 MB instead of 690 MB, and a 1.000.000-row case export at
// 126 MB instead of 171 MB, for some 5% more time.
// A tuning of the collector only; it takes effect for the heap's growth from here on.
setFlagsFromString('--heap-growing-percent=20');
// Let a function run 8 times longer before V8 considers optimising it with TurboFan (the budget is
// 67584 by default). A run of vth is short and its code is cold: at the default, TurboFan compiles
// dozens of functions that have run a few hundred times and are then done, at more cost than it
// saves. With this, `vth uvp --format md` on the example takes some 15% less CPU time; on 100.000
// lines or a 1.000.000-row export the hot loops are still optimised, a few milliseconds later, and
// the runs take as long as before (measured in docs/architecture.md, "Lazy commands").
setFlagsFromString(`--interrupt-budget=${8 * 67584}`);
import { main } from '../dist/cli/main.js';
import { systeemFoutTekst } from '../dist/cli/fouten.js';

// A reader that stops early (`vth risico … | head`) is no error: stop quietly, as Unix tools do.
// Any other failure to write the output (a full disk behind `> bestand`) is said in Dutch, exit 2.
for (const stroom of [process.stdout, process.stderr]) {
  stroom.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stroom === process.stdout) {
      try {
        process.stderr.write(`vth: de uitvoer kon niet worden geschreven: ${systeemFoutTekst(e) ?? e.message}\n`);
      } catch {}
    }
    process.exit(2);
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
