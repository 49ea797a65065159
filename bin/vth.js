#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): Node starts it without its ES module loader. It loads V8's code cache
// for what follows (dist/cli/v8.cjs), then vth's command line as one bundle (dist/bundel, made by
// `npm run build`; docs/architecture.md, "One bundle and V8's code cache"). V8's settings for a
// command's run (heap growth, optimisation budget) are set when a command starts, not here: `vth
// --help` and `--version` do without them.
require('../dist/cli/v8.cjs').installeerCodeCache();
const { main, systeemFoutTekst } = require('../dist/bundel/vth.cjs');

// A reader that stops early (`vth risico … | head`) is no error: stop quietly, as Unix tools do.
// Any other failure to write the output (a full disk behind `> bestand`) is said in Dutch, exit 2.
function bewaak(stroom) {
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
// Each stream is guarded when first used: process.stdout and process.stderr are made on first access,
// and on a pipe that loads Node's net and stream modules, which `vth --help` (written with
// fs.writeSync) does not need.
for (const naam of ['stdout', 'stderr']) {
  const { get } = Object.getOwnPropertyDescriptor(process, naam);
  Object.defineProperty(process, naam, {
    configurable: true,
    enumerable: true,
    get() {
      const stroom = get.call(process);
      Object.defineProperty(process, naam, { configurable: true, enumerable: true, get: () => stroom });
      bewaak(stroom);
      return stroom;
    },
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
