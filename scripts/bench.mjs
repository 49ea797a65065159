// npm run bench: speed and memory of vth, each as a ratio against a baseline measured in the same run on
// the same machine. A report, not a test: nothing is asserted.
//   npm run bench                          everything: start-up, werkmap 1.000/10.000/100.000 lines,
//                                          exports of 200.000 and 1.000.000 rows (and the whole jaarverslag
//                                          on them), frequentie on 10.000 and 100.000 objects, IBT for 350
//                                          municipalities; each row with the target of issue 30 where it has one
//   npm run bench -- --snel                smaller sizes (werkmap up to 10.000, exports of 200.000 rows)
//   npm run bench -- --alleen opstart,werkmap,export,frequentie,ibt   only these parts
//   npm run bench -- --alleen export-xlsx  only the 1.000.000-row .xlsx export, vth against pandas (no exceljs)
//   npm run bench -- --alleen export-csv   only the CSV exports (their floor, vth, pandas, the whole jaarverslag)
//   npm run bench -- --alleen werkmap --groottes 100000                 only these werkmap sizes
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schrijfWerkmap } from './werkmap-genereren.mjs';
import { schrijfCsv, schrijfXlsx } from './zaken-genereren.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const snel = process.argv.includes('--snel');
const alleenArg = process.argv.indexOf('--alleen');
const delen = new Set(alleenArg > 0 ? process.argv[alleenArg + 1].split(',') : ['opstart', 'werkmap', 'export', 'frequentie', 'ibt', 'omgevingsdienst']);
if (delen.has('export')) delen.add('export-csv');
const map = mkdtempSync(path.join(tmpdir(), 'vth-bench-'));
const JAAR = 2025;
const VTH = path.join(root, 'bin/vth.js');
const PIEK = path.join(root, 'test/piek.mjs');

/** Runs a Node snippet in a fresh process; returns its wall time (ms, measured inside) and peak RSS (MB). */
function node(code, args = [], timeout = 900_000) {
  const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout });
  if (r.status !== 0) return { fout: (r.error?.code === 'ETIMEDOUT' ? `afgebroken na ${timeout / 1000} s` : (r.stderr || '').split('\n').find((l) => l.trim()) || `exit ${r.status}`) };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs `vth args` as a user does (bin/vth.js in a fresh Node); wall time from outside, peak RSS from the child's own VmHWM. */
function vthOpdracht(args, n, timeout = 900_000) {
  const piek = path.join(map, `piek-${process.pid}`);
  rmSync(piek, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PIEK, VTH, ...args], { cwd: map, encoding: 'utf8', timeout, env: { ...process.env, VTH_PIEK_BESTAND: piek } });
  const ms = performance.now() - t0;
  if (r.error?.code === 'ETIMEDOUT') return { fout: `afgebroken na ${timeout / 1000} s` };
  if (r.status !== 0 && r.status !== 1) return { fout: (r.stderr || '').split('\n').find((l) => l.trim()) || `exit ${r.status}` };
  return { ms, rssMB: Number(readFileSync(piek, 'utf8')) / 1024, n };
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
// The physical floor of reading an export (issue 30, item 4): the same bytes in 1 MB blocks, line ends
// and separators found, the cases counted per product code (the second column, by a hash of its
// bytes), without a string or an object per cell or row. No checking, no dates, no hours: what no
// reader of this file can go below on this machine.
const vloerCsv = (pad) =>
  node(
    METING(`
const { openSync, readSync, closeSync } = await import('node:fs');
const fd = openSync(${JSON.stringify(pad)}, 'r');
const blok = Buffer.allocUnsafe(1 << 20);
const perCode = new Map();
let n = -1, veld = 0, h = 0, gelezen;
while ((gelezen = readSync(fd, blok, 0, blok.length, null)) > 0) {
  for (let i = 0; i < gelezen; i++) {
    const c = blok[i];
    if (c === 10) { perCode.set(h, (perCode.get(h) ?? 0) + 1); n++; veld = 0; h = 0; }
    else if (c === 59) veld++;
    else if (veld === 1) h = (Math.imul(h, 31) + c) | 0;
  }
}
closeSync(fd);`),
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
const vthZaken = (pad, args = []) =>
  node(
    METING(`
const { verwerkZaken } = await import('./dist/laden/zaken.js');
const { CodeKoppeling } = await import('./dist/compute/koppeling.js');
const { CODES } = await import('./scripts/zaken-genereren.mjs');
// Every case matched to a programme line, as in a real jaarverslag run.
const koppeling = new CodeKoppeling(CODES.map((code) => ({ code, product: code })));
const u = await verwerkZaken(${JSON.stringify(pad)}, ${JAAR}, undefined, undefined, { koppeling });
const n = u.gelezen;`),
    args,
  );

let python;
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
  python ??= ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { timeout: 60_000 }).status === 0) ?? null;
  if (!python) return { fout: 'pandas niet beschikbaar (apt-get install -y python3-pandas)' };
  const r = spawnSync(python, ['-c', code, pad], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { fout: r.error?.code === 'ETIMEDOUT' ? 'pandas afgebroken na 600 s' : 'pandas niet beschikbaar' };
  return JSON.parse(r.stdout.trim());
}

const fmt = (x, d = 0) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d }).format(x);
const regel = (naam, m, eenheid = 'rijen/s') =>
  m.fout ? `  ${naam.padEnd(34)} ${m.fout}` : `  ${naam.padEnd(34)} ${fmt(m.ms).padStart(8)} ms  ${fmt((m.n / m.ms) * 1000).padStart(11)} ${eenheid}  piek ${fmt(m.rssMB).padStart(6)} MB`;
const ratio = (a, b, wat) => (a.fout || b.fout ? '' : `  ${wat.padEnd(34)} ${fmt(a.ms / b.ms, 2)}× de tijd, ${fmt(a.rssMB / b.rssMB, 2)}× het geheugen`);
const mediaan = (r) => (r.some((m) => m.fout) ? r.find((m) => m.fout) : [...r].sort((a, b) => a.ms - b.ms)[Math.floor(r.length / 2)]);

console.log(`vth bench (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}); bestanden in ${map}`);
try {
  if (delen.has('opstart')) {
    // Round robin: every command once per round, so that a load from elsewhere on a shared machine
    // falls on all of them alike; the median per command over the rounds.
    const RONDEN = snel ? 7 : 15;
    console.log(`\nOpstarttijd, voorbeeldgemeente (mediaan van ${RONDEN} rondes, wandkloktijd van buitenaf)`);
    const uit = mkdtempSync(path.join(tmpdir(), 'vth-bench-uit-'));
    const wm = 'fixtures/voorbeeldgemeente/werkmap.xlsx';
    const huisstijl = ['--huisstijl', 'fixtures/huisstijl/dinkelberg.docx'];
    const uvp = (format, ...extra) => ['bin/vth.js', 'uvp', wm, '-o', uit, '--format', format, ...extra, '--force', '-q'];
    // [name, args, what it is compared with, target]
    // Node reads the certificates NODE_EXTRA_CA_CERTS names at every start, before any script runs: on
    // a machine that sets it (this project's CI and sandboxes do, a municipality's laptop rarely) that
    // is most of what \`node -e 0\` costs, and every ratio below depends on it. Said, not hidden.
    const extraCa = process.env.NODE_EXTRA_CA_CERTS;
    const zonderCa = { ...process.env };
    delete zonderCa.NODE_EXTRA_CA_CERTS;
    const metingen = [
      ['node -e 0', ['-e', '0']],
      ...(extraCa ? [['node -e 0 zonder NODE_EXTRA_CA_CERTS', ['-e', '0'], undefined, undefined, zonderCa]] : []),
      ['vth --help', ['bin/vth.js', '--help'], 'node -e 0', 1.3],
      ['vth uvp --format md (met grafieken)', uvp('md'), 'node -e 0', 3],
      ['vth jaarverslag --format md', ['bin/vth.js', 'jaarverslag', wm, '-o', uit, '--format', 'md', '--force', '-q'], 'node -e 0'],
      ['vth uvp (md en xlsx)', ['bin/vth.js', 'uvp', wm, '-o', uit, '--force', '-q'], 'node -e 0'],
      ['vth controleer', ['bin/vth.js', 'controleer', wm, '-q'], 'node -e 0'],
      // Word against Markdown for the same UVP: what the .docx (charts to PNG, the house style) adds.
      ['vth uvp --format docx', uvp('docx'), 'vth uvp --format md (met grafieken)', 1.3],
      ['vth uvp --format docx --huisstijl', uvp('docx', ...huisstijl), 'vth uvp --format md (met grafieken)'],
    ];
    if (extraCa) console.log(`  let op: NODE_EXTRA_CA_CERTS=${extraCa} is gezet; Node leest die certificaten bij elke start, ook voor node -e 0`);
    const tijden = new Map(metingen.map(([naam]) => [naam, []]));
    for (let ronde = 0; ronde < RONDEN; ronde++) {
      for (const [naam, args, , , env] of metingen) {
        const s = performance.now();
        const r = spawnSync(process.execPath, args, { cwd: root, ...(env ? { env } : {}) });
        if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
        tijden.get(naam).push(performance.now() - s);
      }
    }
    const mediaan = (naam) => tijden.get(naam).sort((a, b) => a - b)[Math.floor(RONDEN / 2)];
    for (const [naam, , tegen, doel] of metingen) {
      const t = mediaan(naam);
      const verhouding = tegen ? `  ${fmt(t / mediaan(tegen), 2).padStart(5)}× ${tegen === 'node -e 0' ? 'kale Node' : 'uvp --format md'}${doel ? `  (doel ≤ ${fmt(doel, 1)}×)` : ''}` : '';
      console.log(`  ${naam.padEnd(36)} ${fmt(t).padStart(6)} ms${verhouding}`);
    }
    rmSync(uit, { recursive: true, force: true });
  }

  if (delen.has('werkmap')) {
    const groottesArg = process.argv.indexOf('--groottes');
    const groottes = groottesArg > 0 ? process.argv[groottesArg + 1].split(',').map(Number) : snel ? [1_000, 10_000] : [1_000, 10_000, 100_000];
    console.log(`\nWerkmap van ${groottes.map((n) => fmt(n)).join(', ')} productregels en risicoregels, met een tekort (groei per 10×: 1,0 is lineair, doel ≤ 1,5)`);
    // [name, args, at 100.000 lines the issue's target: seconds and MB peak]
    const opdrachten = [
      ['risico (json)', (wm, n) => ['risico', wm, '--format', 'json', '-o', `r-${n}.json`, '--force', '-q']],
      ['capaciteit (json)', (wm, n) => ['capaciteit', wm, '--format', 'json', '-o', `c-${n}.json`, '--force', '-q']],
      ['uvp (md)', (wm, n) => ['uvp', wm, '--format', 'md', '-o', `uvp-md-${n}`, '--force', '-q'], [5, 300]],
      ['uvp (xlsx)', (wm, n) => ['uvp', wm, '--format', 'xlsx', '-o', `uvp-xlsx-${n}`, '--force', '-q'], [5, 300]],
      ['uvp (docx)', (wm, n) => ['uvp', wm, '--format', 'docx', '-o', `uvp-docx-${n}`, '--force', '-q'], [8, 400]],
    ];
    const werkmappen = groottes.map((n) => schrijfWerkmap(path.join(map, `werkmap-${n}`), n));
    // The baseline on the same machine in the same run: only reading the werkmap's sheets, in-process.
    const lezen = werkmappen.map((wm, i) =>
      node(
        METING(`
const { leesWerkmap } = await import(${JSON.stringify(path.join(root, 'dist/ingest/werkmap.js'))});
const g = await leesWerkmap(${JSON.stringify(wm)});
const n = ${groottes[i]};`),
      ),
    );
    console.log('  basis: alleen de bladen lezen');
    for (const [i, n] of groottes.entries()) console.log(regel(`    ${fmt(n)} regels`, lezen[i], 'regels/s'));
    const md = [];
    for (const [naam, args, doel] of opdrachten) {
      console.log(`  ${naam}${doel ? ` (doel bij 100.000 regels: < ${doel[0]} s, < ${doel[1]} MB)` : ''}`);
      let vorige;
      for (const [i, n] of groottes.entries()) {
        const m = vthOpdracht(args(werkmappen[i], n), n);
        if (naam === 'uvp (md)') md[i] = m;
        const groei = vorige && !m.fout && !vorige.fout ? `  groei ${fmt(m.ms / vorige.ms / 10, 2)}` : '';
        const basis = m.fout || lezen[i].fout ? '' : `  ${fmt(m.ms / lezen[i].ms, 1)}× lezen`;
        const tegenMd = naam !== 'uvp (md)' && naam.startsWith('uvp') && md[i] && !md[i].fout && !m.fout ? `, ${fmt(m.ms / md[i].ms, 2)}× md` : '';
        console.log(regel(`    ${fmt(n)} regels`, m, 'regels/s') + groei + basis + tegenMd);
        vorige = m;
      }
    }
  }

  if (delen.has('export-csv')) {
    const groottes = snel ? [200_000] : [200_000, 1_000_000];
    for (const n of groottes) {
      const csv = path.join(map, `zaken-${n}.csv`);
      await schrijfCsv(csv, n, 7);
      console.log(`\nZakenexport CSV, ${fmt(n)} rijen (${fmt(statSync(csv).size / 1e6, 1)} MB; mediaan van 3 rondes, in elke ronde alles één keer)`);
      // Round robin, as for the start-up times: a load from elsewhere on the shared machine falls on
      // all of them alike.
      const metingen = {
        vloer: () => vloerCsv(csv),
        basis: () => baselineCsv(csv),
        vth: () => vthZaken(csv),
        pandas: () => pandas(csv),
        // The whole command as a user runs it: the example werkmap, this export, the documents (md
        // and xlsx), against pandas' read-and-group of the same file.
        jaarverslag: () => vthOpdracht(['jaarverslag', path.join(root, 'fixtures/voorbeeldgemeente/werkmap.xlsx'), '--zaken', csv, '-o', `jaarverslag-${n}`, '--force', '-q'], n),
      };
      const rondes = Object.fromEntries(Object.keys(metingen).map((k) => [k, []]));
      for (let ronde = 0; ronde < 3; ronde++) for (const [k, f] of Object.entries(metingen)) rondes[k].push(f());
      const [f, b, v, p, jv] = Object.keys(metingen).map((k) => mediaan(rondes[k]));
      console.log(regel('vloer: bytes, regeleinden, per code', f));
      console.log(regel('basis: regels lezen en splitsen', b));
      console.log(regel('vth: lezen, controleren, tellen', v));
      console.log(regel('pandas: read_csv + groupby', p));
      console.log(regel('vth jaarverslag (md en xlsx)', jv));
      console.log(ratio(v, f, 'vth / vloer'));
      console.log(ratio(v, b, 'vth / basis'));
      if (!p.fout) console.log(ratio(v, p, 'vth / pandas (doel ≤ 0,60×)'));
      if (!p.fout) console.log(ratio(jv, p, 'jaarverslag / pandas (doel ≤ 1,00×)'));
    }
  }

  if (delen.has('export')) {
    const groottes = snel ? [200_000] : [200_000, 1_000_000];
    for (const n of groottes) {
      const xlsx = path.join(map, `zaken-${n}.xlsx`);
      await schrijfXlsx(xlsx, n, 7);
      console.log(`\nZakenexport XLSX, ${fmt(n)} rijen (${fmt(statSync(xlsx).size / 1e6, 1)} MB)`);
      const bx = baselineXlsx(xlsx);
      const vx = vthZaken(xlsx);
      // V8 collects lazily when it has room; with a capped heap the same run shows what it really needs.
      const vk = vthZaken(xlsx, ['--max-old-space-size=256']);
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
    }
  }

  if (delen.has('export-xlsx')) {
    // The .xlsx export alone, like for like with pandas: the same file read and counted by both, three
    // runs each in turn (the machine is shared, so the ratio of each pair counts, not one time).
    const n = snel ? 200_000 : 1_000_000;
    const xlsx = path.join(map, `zaken-${n}.xlsx`);
    await schrijfXlsx(xlsx, n, 7);
    console.log(`\nZakenexport XLSX, ${fmt(n)} rijen (${fmt(statSync(xlsx).size / 1e6, 1)} MB), vth en pandas om en om`);
    for (let i = 0; i < 3; i++) {
      const vx = vthZaken(xlsx);
      const px = pandas(xlsx);
      console.log(regel('vth: stromend lezen en tellen', vx));
      console.log(regel('pandas: read_excel + groupby', px));
      if (!px.fout) console.log(ratio(vx, px, 'vth / pandas (doel ≤ 0,20×)'));
    }
  }

  if (delen.has('frequentie')) {
    // An object register of n objects (classes and last controls spread over five years), against
    // reading the same werkmap's tables only.
    const groottes = snel ? [1_000, 10_000] : [10_000, 100_000];
    const { mkdirSync } = await import('node:fs');
    console.log(`\nvth frequentie, objectenregister van ${groottes.map((n) => fmt(n)).join(' en ')} objecten (doel bij 100.000: < 3 s, < 300 MB)`);
    let vorige;
    for (const n of groottes) {
      const wm = path.join(map, `register-${n}`);
      mkdirSync(wm, { recursive: true });
      writeFileSync(path.join(wm, 'instellingen.csv'), 'instelling;waarde\ngemeente;Benchdorp\njaar;2025\n');
      writeFileSync(path.join(wm, 'frequenties.csv'), 'klasse;naleefgedrag;interval\nHoog;;12\nHoog;slecht;6\nMidden;;24\nLaag;;36\n');
      const klassen = ['Hoog', 'Midden', 'Laag'];
      const gedrag = ['goed', 'matig', 'slecht', ''];
      const regels = ['object;naam;klasse;naleefgedrag;laatste controle;productcode'];
      for (let i = 0; i < n; i++) {
        const d = new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % 1826) * 86400000);
        const datum = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
        regels.push(`OB${i};Object ${i};${klassen[i % 3]};${gedrag[i % 4]};${i % 50 === 0 ? '' : datum};P${i % 20}`);
      }
      writeFileSync(path.join(wm, 'objecten.csv'), regels.join('\n') + '\n');
      const lezen = node(
        METING(`
const { leesWerkmap } = await import(${JSON.stringify(path.join(root, 'dist/ingest/werkmap.js'))});
const g = await leesWerkmap(${JSON.stringify(wm)});
const n = g.tabellen.reduce((s, t) => s + t.rijen.length, 0);`),
      );
      console.log(regel(`  ${fmt(n)}: alleen de bladen lezen`, lezen, 'objecten/s'));
      const f = vthOpdracht(['frequentie', wm, '--format', 'json', '-o', `frequentie-${n}.json`, '--force', '-q'], n);
      const groei = vorige && !f.fout && !vorige.fout ? `  groei ${fmt(f.ms / vorige.ms / 10, 2)}` : '';
      console.log(regel(`  ${fmt(n)}: vth frequentie (json)`, f, 'objecten/s') + (lezen.fout || f.fout ? '' : `  ${fmt(f.ms / lezen.ms, 2)}× alleen lezen`) + groei);
      vorige = f;
    }
  }

  if (delen.has('omgevingsdienst')) {
    // The same lines as one municipality's werkmap and as an omgevingsdienst's of 30 deelnemers (a
    // column deelnemer, sheet Deelnemers, OD Twente's regional tables): uvp --per-deelnemer against uvp.
    const n = snel ? 10_000 : 100_000;
    const gemeente = schrijfWerkmap(path.join(map, `od-gemeente-${n}`), n);
    const od = schrijfWerkmap(path.join(map, `od-${n}`), n);
    const regels = readFileSync(path.join(od, 'producten.csv'), 'utf8').trimEnd().split('\r\n');
    const namen = Array.from({ length: 30 }, (_, i) => `Deelnemer ${String(i + 1).padStart(2, '0')}`);
    writeFileSync(path.join(od, 'producten.csv'), [`deelnemer;${regels[0]}`, ...regels.slice(1).map((r, i) => `${namen[i % 30]};${r}`)].join('\r\n') + '\r\n');
    // 29 × 3,33% + 3,43% = 100%.
    writeFileSync(path.join(od, 'deelnemers.csv'), ['deelnemer;verdeelsleutel', ...namen.map((d, i) => `${d};${i === 29 ? '3,43' : '3,33'}%`)].join('\r\n') + '\r\n');
    const bron = (f) => readFileSync(path.join(root, 'fixtures/bronnen', f), 'utf8').trim().split(/\r?\n/).slice(1).map((r) => r.split(','));
    writeFileSync(path.join(od, 'projecten.csv'), ['code;project;soort;uren;afdeling', ...bron('odt-twente-uvp2025-projecten.csv').map((r) => `${r[0]};${r[1]};project;${r[2]};Vergunningen`), ...bron('odt-twente-uvp2025-diensten.csv').map((r) => `D${r[0]};${r[1]};dienst;${r[2]};Vergunningen`)].join('\r\n') + '\r\n');
    console.log(`\nOmgevingsdienst: ${fmt(n)} productregels over 30 deelnemers, tegen dezelfde regels als één gemeente (md en xlsx)`);
    const enkel = vthOpdracht(['uvp', gemeente, '-o', 'od-uit-gemeente', '--force', '-q'], n);
    const per = vthOpdracht(['uvp', od, '--per-deelnemer', '-o', 'od-uit', '--force', '-q'], n);
    console.log(regel('  vth uvp (één gemeente)', enkel, 'regels/s'));
    console.log(regel('  vth uvp --per-deelnemer (30 delen + geheel)', per, 'regels/s'));
    console.log(ratio(per, enkel, '--per-deelnemer tegen één gemeente'));
  }

  if (delen.has('ibt')) {
    console.log('\nIBT voor een regio van 350 gemeenten (kopieën van de voorbeeldgemeente, elk met een eigen naam)');
    const regio = path.join(map, 'regio');
    for (let i = 0; i < 350; i++) {
      const d = path.join(regio, `g${String(i).padStart(3, '0')}`);
      cpSync(path.join(root, 'fixtures/voorbeeldgemeente/csv'), d, { recursive: true });
      const f = path.join(d, 'instellingen.csv');
      writeFileSync(f, readFileSync(f, 'utf8').replace(/gemeente;[^\r\n]*/, `gemeente;Gemeente ${i}`));
    }
    const ibt = (werkers) => vthOpdracht(['ibt', regio, '-o', path.join(map, `ibt-${werkers}`), '--werkers', String(werkers), '-q'], 350);
    const serieel = ibt(1);
    const par = ibt(2);
    console.log(regel('één thread (--werkers 1)', serieel, 'gemeenten/s'));
    console.log(regel('twee threads (--werkers 2)', par, 'gemeenten/s'));
    console.log(ratio(par, serieel, 'twee / één thread'));
    console.log('  (piekgeheugen: het hoofdproces met zijn threads)');
  }
} finally {
  rmSync(map, { recursive: true, force: true });
}
