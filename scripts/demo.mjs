// `npm run demo`: runs vth on the example municipality the way a user would, writing to ./uitvoer.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const werkmap = 'fixtures/voorbeeldgemeente/werkmap.xlsx';
// Word always; PDF when LibreOffice Writer is installed (otherwise vth would rightly end with exit 2).
const { zoekWriter } = await import('../dist/render/pdf.js');
const pdf = zoekWriter().writer;
const documenten = ['--format', `md,xlsx,docx${pdf ? ',pdf' : ''}`, '--huisstijl', 'fixtures/huisstijl/dinkelberg.docx'];
if (!pdf) console.log('LibreOffice Writer is niet geïnstalleerd: de demo maakt geen PDF (apt-get install libreoffice-writer-nogui python3-uno).');

// The werkmap's findings are shown once, by controleer; the other steps run with -q (errors only).
/** Each step with the exit codes that count as success for it (a shortfall is a finding, not a failure). */
const stappen = [
  { args: ['controleer', werkmap], ok: [0] },
  { args: ['risico', werkmap, '-o', 'uitvoer/risico-2025-dinkelberg.md', '--force', '-q'], ok: [0] },
  // The example municipality is short in one afdeling on purpose: exit 1 shows the deferral proposal.
  { args: ['capaciteit', werkmap, '-q'], ok: [1] },
  { args: ['capaciteit', werkmap, '-o', 'uitvoer/capaciteit-2025-dinkelberg.md', '--force', '-q'], ok: [1] },
  // One area short without a motivation and one not to judge, on purpose: exit 1 shows both.
  { args: ['kwaliteit', werkmap, '-q'], ok: [1] },
  { args: ['uvp', werkmap, '-o', 'uitvoer', ...documenten, '--force', '-q'], ok: [0] },
  { args: ['jaarverslag', werkmap, '--zaken', 'fixtures/voorbeeldgemeente/zaken-2025.csv', '-o', 'uitvoer', ...documenten, '--force', '-q'], ok: [0] },
  // The example omgevingsdienst: a part per deelnemer and the whole; its Toezicht is short on purpose (exit 1).
  { args: ['uvp', 'fixtures/omgevingsdienst-voorbeeld', '-o', 'uitvoer/omgevingsdienst', '--per-deelnemer', '--format', 'md,xlsx,docx', '--force', '-q'], ok: [0] },
  { args: ['capaciteit', 'fixtures/omgevingsdienst-voorbeeld', '-q'], ok: [1] },
  // The example region holds one broken workbook on purpose: exit 1 says a municipality was not judged.
  { args: ['ibt', 'fixtures/regio-voorbeeld', '-o', 'uitvoer/ibt', '--force'], ok: [1] },
];

let mislukt = false;
for (const { args, ok } of stappen) {
  console.log(`\n$ vth ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vth.js'), ...args], { cwd: root, stdio: 'inherit' });
  if (!ok.includes(r.status ?? -1)) {
    console.error(`demo: "vth ${args.join(' ')}" eindigde met exitcode ${r.status}`);
    mislukt = true;
  }
}
process.exitCode = mislukt ? 1 : 0;
