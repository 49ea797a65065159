// npm run bench: speed and memory of the Zaken aggregation and of start-up, each as a ratio against
// a baseline measured in the same run on the same machine. A report, not a test: nothing is asserted.
//   npm run bench            10 000, 100 000 and 1 000 000 rows
//   npm run bench -- --snel  10 000 and 100 000 rows
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schrijfCsv, schrijfXlsx } from './zaken-genereren.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const snel = process.argv.includes('--snel');
const groottes = snel ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const map = mkdtempSync(path.join(tmpdir(), 'vth-bench-'));
const JAAR = 2025;

/** Runs a Node snippet in a fresh process; returns its wall time (ms, measured inside) and peak RSS (MB). */
function node(code, args = [], timeout = 900_000) {
  const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout });
  if (r.status !== 0) return { fout: (r.error?.code === 'ETIMEDOUT' ? `afgebroken na ${timeout / 1000} s` : (r.stderr || '').split('\n').find((l) => l.trim()) || `exit ${r.status}`) };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// Peak memory from /proc/self/status (VmHWM, this process only). getrusage's maxrss is unsuitable:
// Linux carries the parent's high-water mark over fork and exec, so every child would report the
// bench's own peak.
const METING = (body) => `
const t0 = performance.now();
${body}
const ms = performance.now() - t0;
const { readFileSync } = await import('node:fs');
const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
console.log(JSON.stringify({ ms, rssMB: hwm / 1024, n }));`;

const baselineCsv = (pad) =>
  node(
    METING(`
import { createReadStream } from 'node:fs';
let n = -1, rest = '';
for await (const c of createReadStream(${JSON.stringify(pad)}, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const d = (rest + c).split('\\n'); rest = d.pop();
  for (const l of d) { l.split(';'); n++; }
}`),
  );
const baselineXlsx = (pad) =>
  node(
    METING(`
const { default: ExcelJS } = await import('exceljs');
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(${JSON.stringify(pad)});
const n = wb.worksheets[0].actualRowCount - 1;`),
    ['--max-old-space-size=16000'],
    600_000,
  );
// The reader vth used before its own: exceljs's streaming WorkbookReader, rows only.
const exceljsStromend = (pad) =>
  node(
    METING(`
const { default: ExcelJS } = await import('exceljs');
const { createReadStream } = await import('node:fs');
const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(${JSON.stringify(pad)}), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
let n = -1;
for await (const blad of reader) { for await (const row of blad) n++; break; }`),
  );
const vth = (pad, args = []) =>
  node(
    METING(`
const { verwerkZaken } = await import('./dist/cli/zaken.js');
const { CodeKoppeling } = await import('./dist/compute/koppeling.js');
const { CODES } = await import('./scripts/zaken-genereren.mjs');
// Every case matched to a programme line, as in a real jaarverslag run.
const koppeling = new CodeKoppeling(CODES.map((code) => ({ code, product: code })));
const u = await verwerkZaken(${JSON.stringify(pad)}, ${JAAR}, undefined, undefined, { koppeling });
const n = u.gelezen;`),
    args,
  );

function pandas(pad) {
  const lezen = pad.endsWith('.xlsx') ? "pd.read_excel(sys.argv[1], dtype=str, keep_default_na=False)" : "pd.read_csv(sys.argv[1], sep=';', dtype=str, keep_default_na=False)";
  const code = `
import time, sys
t0 = time.perf_counter()
import pandas as pd
df = ${lezen}
df['u'] = pd.to_numeric(df['uren'].str.replace(',', '.', regex=False), errors='coerce')
g = df.groupby('productcode').agg(aantal=('zaaknummer', 'size'), uren=('u', 'sum'))
ms = (time.perf_counter() - t0) * 1000
hwm = int([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])
print('{"ms": %f, "rssMB": %f, "n": %d}' % (ms, hwm / 1024, len(df)))`;
  // Debian's python3-pandas lives with /usr/bin/python3; another python3 on the PATH may lack it.
  const py = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { timeout: 60_000 }).status === 0);
  if (!py) return { fout: 'pandas niet beschikbaar (apt-get install -y python3-pandas)' };
  const r = spawnSync(py, ['-c', code, pad], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { fout: r.error?.code === 'ETIMEDOUT' ? 'pandas afgebroken na 600 s' : 'pandas niet beschikbaar' };
  return JSON.parse(r.stdout.trim());
}

const fmt = (x, d = 0) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d }).format(x);
const regel = (naam, m) => (m.fout ? `  ${naam.padEnd(34)} ${m.fout}` : `  ${naam.padEnd(34)} ${fmt(m.ms).padStart(8)} ms  ${fmt((m.n / m.ms) * 1000).padStart(11)} rijen/s  piek ${fmt(m.rssMB).padStart(6)} MB`);
const ratio = (a, b, wat) => (a.fout || b.fout ? '' : `  ${wat.padEnd(34)} ${fmt(a.ms / b.ms, 2)}× de tijd, ${fmt(a.rssMB / b.rssMB, 2)}× het geheugen`);

console.log(`vth bench (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
console.log('Eerst \`npm run build\`; bestanden in', map);
const samenvatting = [];
try {
  for (const n of groottes) {
    const csv = path.join(map, `zaken-${n}.csv`);
    await schrijfCsv(csv, n, 7);
    console.log(`\nZakenexport CSV, ${fmt(n)} rijen (${fmt(statSync(csv).size / 1e6, 1)} MB)`);
    const b = baselineCsv(csv);
    const v = vth(csv);
    const p = pandas(csv);
    console.log(regel('basis: regels lezen en splitsen', b));
    console.log(regel('vth: lezen, controleren, tellen', v));
    console.log(regel('pandas: read_csv + groupby', p));
    console.log(ratio(v, b, 'vth / basis'));
    if (!p.fout) console.log(ratio(v, p, 'vth / pandas'));
    samenvatting.push({ soort: 'csv', n, v, b, p });

    const xlsx = path.join(map, `zaken-${n}.xlsx`);
    await schrijfXlsx(xlsx, n, 7);
    console.log(`\nZakenexport XLSX, ${fmt(n)} rijen (${fmt(statSync(xlsx).size / 1e6, 1)} MB)`);
    const bx = baselineXlsx(xlsx);
    const vx = vth(xlsx);
    // V8 collects lazily when it has room; with a capped heap the same run shows what it really needs.
    const vk = vth(xlsx, ['--max-old-space-size=256']);
    const ex = exceljsStromend(xlsx);
    const px = pandas(xlsx);
    console.log(regel('basis: exceljs laadt alles', bx));
    console.log(regel('exceljs stromend, alleen rijen', ex));
    console.log(regel('vth: stromend lezen en tellen', vx));
    console.log(regel('vth, heap begrensd op 256 MB', vk));
    console.log(regel('pandas: read_excel + groupby', px));
    console.log(ratio(vx, bx, 'vth / basis'));
    console.log(ratio(vx, ex, 'vth / exceljs stromend'));
    if (!px.fout) console.log(ratio(vx, px, 'vth / pandas'));
    samenvatting.push({ soort: 'xlsx', n, v: vx, b: bx, p: px });
  }

  console.log('\nIBT voor een regio van 350 gemeenten (kopieën van de voorbeeldgemeente, elk met een eigen naam)');
  const regio = path.join(map, 'regio');
  for (let i = 0; i < 350; i++) {
    const d = path.join(regio, `g${String(i).padStart(3, '0')}`);
    cpSync(path.join(root, 'fixtures/voorbeeldgemeente/csv'), d, { recursive: true });
    const f = path.join(d, 'instellingen.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/gemeente;[^\r\n]*/, `gemeente;Gemeente ${i}`));
  }
  const ibt = (werkers) => {
    const args = ['node', 'vth', 'ibt', regio, '-o', path.join(map, `ibt-${werkers}`), '--werkers', String(werkers), '-q'];
    return node(
      METING(`
const { main } = await import('./dist/cli/main.js');
await main(${JSON.stringify(args)});
const n = 350;`),
    );
  };
  const serieel = ibt(1);
  const par = ibt(2);
  const gem = (naam, m) => (m.fout ? `  ${naam.padEnd(34)} ${m.fout}` : `  ${naam.padEnd(34)} ${fmt(m.ms).padStart(8)} ms  ${fmt((m.n / m.ms) * 1000, 1).padStart(11)} gemeenten/s  piek ${fmt(m.rssMB).padStart(6)} MB`);
  console.log(gem('één thread (--werkers 1)', serieel));
  console.log(gem('twee threads (--werkers 2)', par));
  console.log(ratio(par, serieel, 'twee / één thread'));

  console.log('\nOpstarttijd (mediaan van 7)');
  const mediaan = (args) => {
    const t = [];
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      spawnSync(process.execPath, args, { cwd: root });
      t.push(performance.now() - s);
    }
    return t.sort((a, b) => a - b)[3];
  };
  const kaal = mediaan(['-e', '0']);
  const hulp = mediaan(['bin/vth.js', '--help']);
  const uit = mkdtempSync(path.join(tmpdir(), 'vth-bench-uvp-'));
  const uvp = mediaan(['bin/vth.js', 'uvp', 'fixtures/voorbeeldgemeente/werkmap.xlsx', '-o', uit, '--force']);
  rmSync(uit, { recursive: true, force: true });
  console.log(`  node -e 0                          ${fmt(kaal)} ms`);
  console.log(`  vth --help                         ${fmt(hulp)} ms  (${fmt(hulp / kaal, 2)}× kale Node; doel ≤ 1,5×)`);
  console.log(`  vth uvp (voorbeeldgemeente)        ${fmt(uvp)} ms  (${fmt(uvp / kaal, 2)}× kale Node)`);
} finally {
  rmSync(map, { recursive: true, force: true });
}
