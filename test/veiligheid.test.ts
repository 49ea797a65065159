import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdTekst, mdTekstVolledig, mdVeilig } from '../src/render/markdown.js';
import { schoonTekst, schoonTekstVolledig } from '../src/ingest/tabel.js';
import { Rational } from '../src/model/rational.js';
import { laadTemplates } from '../src/render/handlebars.js';
import { parseProductcode } from '../src/model/productcode.js';
import { INSTELLINGEN_CSV, maakMap, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

const md = new MarkdownIt({ html: true });

function cellenPerRij(tekst: string): number[] {
  const n: number[] = [];
  let c = 0;
  for (const t of md.parse(tekst, {})) {
    if (t.type === 'tr_open') c = 0;
    if (t.type === 'th_open' || t.type === 'td_open') c++;
    if (t.type === 'tr_close') n.push(c);
  }
  return n;
}

describe('properties', () => {
  it('Markdown escaping never changes a table\'s cell count', () => {
    const tekens = fc.constantFrom('|', '\\', '\n', '\r', '#', '-', '+', '*', '_', '`', '<', '>', '&', '{', '}', '[', ']', '=', '@', 'a', ' ', '1', '.', 'ë', '\t');
    fc.assert(
      fc.property(fc.array(fc.array(tekens, { maxLength: 12 }).map((a) => a.join('')), { minLength: 3, maxLength: 3 }), (cellen) => {
        const tabel = `| a | b | c |\n|---|---|---|\n| ${cellen.map(mdTekst).join(' | ')} |\n`;
        const n = cellenPerRij(tabel);
        return n.length === 2 && n.every((x) => x === 3);
      }),
      { numRuns: 500 },
    );
  });

  it('cleaning a cell\'s text: the shortcut for clean text gives exactly what every step gives', () => {
    const tekens = fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '\u2007', '\u202f', '\u202e', '\u200b', '\u2060', '\u2066', '\u061c', '\ufeff', '\u3000', '\u2028', 'a', 'ë', '1', ';', '€');
    fc.assert(
      fc.property(fc.array(tekens, { maxLength: 10 }).map((a) => a.join('')), (s) => schoonTekst(s) === schoonTekstVolledig(s)),
      { numRuns: 20_000 },
    );
  });

  it('Markdown escaping\'s shortcut for plain text gives exactly what the full escaping gives', () => {
    const tekens = fc.constantFrom('|', '\\', '\n', '\r', '#', '-', '+', '*', '_', '`', '<', '>', '&', ';', '=', '~', '[', ']', 'a', ' ', '\t', '1', '9', '.', ')', 'ë', 'x');
    fc.assert(
      fc.property(fc.array(tekens, { maxLength: 14 }).map((a) => a.join('')), (s) => mdTekst(s) === mdTekstVolledig(s)),
      { numRuns: 20_000 },
    );
  });

  it('mdVeilig makes every string of a view safe, copies only what changes and never changes its input', () => {
    const veilig = { a: 'gewoon', n: 3, rijen: [{ x: 'tekst' }, { x: 'a|b' }], vast: [{ y: 'niets' }], r: Rational.of(1n, 3n), d: new Date(0) };
    const kopie = structuredClone({ ...veilig, r: undefined });
    const uit = mdVeilig(veilig);
    expect(uit.rijen[1]!.x).toBe('a\\|b');
    expect(uit.rijen[0]).toBe(veilig.rijen[0]);
    expect(uit.vast).toBe(veilig.vast);
    expect(uit.r).toBe(veilig.r);
    expect(uit).not.toBe(veilig);
    expect({ ...veilig, r: undefined }).toEqual(kopie);
    const alleVeilig = { a: 'x', b: [{ c: 'y' }] };
    expect(mdVeilig(alleVeilig)).toBe(alleVeilig);
    // A key "__proto__" after the first changed one stays an own property of the copy (found by the property below).
    const proto = mdVeilig(JSON.parse('{"":["<"],"__proto__":null}') as Record<string, unknown>);
    expect(Object.keys(proto)).toEqual(['', '__proto__']);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const voor = JSON.stringify(j);
        const u = mdVeilig(j);
        expect(JSON.stringify(j)).toBe(voor);
        // Every string of the output is the escaped string of the input at the same place.
        const zelfde = (a: unknown, b: unknown): boolean =>
          typeof a === 'string'
            ? b === mdTekst(a)
            : Array.isArray(a)
              ? Array.isArray(b) && a.length === b.length && a.every((x, i) => zelfde(x, b[i]))
              : a && typeof a === 'object'
                ? !!b && typeof b === 'object' && Object.keys(a).every((k) => zelfde((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
                : a === b;
        return zelfde(j, u);
      }),
      { numRuns: 300 },
    );
  });

  it('a product code parses back to its own segments', () => {
    fc.assert(
      fc.property(fc.constantFrom('A1', 'A2', 'A3', 'A4'), fc.integer({ min: 0, max: 99 }), fc.option(fc.integer({ min: 0, max: 99 })), (tv, g, p) => {
        const code = `${tv}.${String(g).padStart(2, '0')}${p === null ? '' : '.' + String(p).padStart(2, '0')}`;
        const r = parseProductcode(code)!;
        return r.taakveld === tv && r.groep === code.slice(0, 5) && r.product === code;
      }),
    );
  });
});

describe('output safety', () => {
  it('a user template cannot pull in files from outside its folder, and has no helper that does I/O', () => {
    const eigen = tijdelijkeMap();
    writeFileSync(path.join(eigen, 'uvp-titel.md.hbs'), '{{> ../../../../etc/passwd}}\n');
    const render = laadTemplates('uvp', eigen);
    expect(() => render({})).toThrow(/could not be found|niet gevonden|fout bij het invullen/);
    const eigen2 = tijdelijkeMap();
    writeFileSync(path.join(eigen2, 'uvp-titel.md.hbs'), '{{lookup this "constructor"}}{{#with this}}{{constructor.constructor}}{{/with}}\n');
    expect(laadTemplates('uvp', eigen2)({ a: 1 })).not.toMatch(/function|\[native code\]/);
  });

  it('an output folder inside the werkmap never overwrites an input, not even with --force', async () => {
    // A workbook of the user's that happens to have the name of the document vth would write.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notities').addRow(['eigen aantekeningen']);
    const invoer = Buffer.from(await wb.xlsx.writeBuffer());
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental\nA1.05.00;Toets;4;20\n',
      'uvp-2025-testdorp.xlsx': invoer,
    });
    const r = vth(['uvp', map, '-o', map, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${map} is de invoermap ${map} zelf; kies een uitvoermap buiten de invoer`);
    expect(readFileSync(path.join(map, 'uvp-2025-testdorp.xlsx')).equals(invoer)).toBe(true);
    expect(readdirSync(map).sort()).toEqual(['instellingen.csv', 'producten.csv', 'uvp-2025-testdorp.xlsx']);
  });
});

describe('determinism: every command twice on the same input gives the same bytes', () => {
  const regio = path.join(ROOT, 'fixtures/regio-voorbeeld');
  const zaken = path.join(path.dirname(VOORBEELD), 'zaken-2025.csv');
  it.each([
    ['controleer --json', ['controleer', VOORBEELD, '--json']],
    ['risico json', ['risico', VOORBEELD, '--format', 'json']],
    ['risico tabel', ['risico', VOORBEELD]],
    ['capaciteit json', ['capaciteit', VOORBEELD, '--format', 'json']],
    ['capaciteit md', ['capaciteit', VOORBEELD, '--format', 'md']],
  ])('%s (stdout)', (_, args) => {
    const a = vth(args);
    const b = vth(args);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
  });

  it.each([
    ['uvp', (o: string) => ['uvp', VOORBEELD, '-o', o]],
    ['jaarverslag', (o: string) => ['jaarverslag', VOORBEELD, '--zaken', zaken, '-o', o]],
    ['ibt', (o: string) => ['ibt', regio, '-o', o]],
    ['risico md', (o: string) => ['risico', VOORBEELD, '--format', 'md', '-o', path.join(o, 'r.md')]],
  ])('%s (files; .xlsx compared without its zip timestamps)', (_, args) => {
    const a = tijdelijkeMap();
    const b = tijdelijkeMap();
    vth(args(a));
    vth(args(b));
    const fa = readdirSync(a).sort();
    expect(fa.length).toBeGreaterThan(0);
    expect(readdirSync(b).sort()).toEqual(fa);
    for (const f of fa) {
      const x = readFileSync(path.join(a, f));
      const y = readFileSync(path.join(b, f));
      if (f.endsWith('.xlsx')) expect(onzip(x), f).toEqual(onzip(y));
      else expect(x.equals(y), f).toBe(true);
    }
  });
});

/** The parts of a zip, decompressed: the workbook's content without the entries' modification times. */
function onzip(buf: Buffer): Record<string, string> {
  const r = spawnSync('python3', ['-c', 'import sys,zipfile,io,json;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));print(json.dumps({n:z.read(n).decode("utf8","replace") for n in sorted(z.namelist())}))'], { input: buf, encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

describe('start-up: commands load only what they need', () => {
  function geladen(args: string[]): string[] {
    const log = path.join(tijdelijkeMap(), 'laad.log');
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/laadlog.mjs'), path.join(ROOT, 'bin/vth.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, VTH_LAADLOG: log, NO_COLOR: '1', NODE_DEBUG: 'module' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).not.toBe(3);
    // ESM imports from the resolve hook; require() (Handlebars is CommonJS) from Node's own module debug log.
    const vereist = [...r.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => m[1]!);
    const urls = [...new Set([...readFileSync(log, 'utf8').split('\n').filter(Boolean), ...vereist])];
    // bin/vth.js loads vth as a bundle (scripts/bundel.mjs): a file of it stands for the modules of dist
    // it holds, as its build listed them.
    const inhoud = JSON.parse(readFileSync(path.join(ROOT, 'dist/bundel/inhoud.json'), 'utf8')) as Record<string, string[]>;
    return urls.flatMap((u) => {
      const m = /\/dist\/bundel\/([^/]+\.cjs)$/.exec(u);
      if (!m) return [u];
      expect(inhoud[m[1]!], u).toBeDefined();
      return inhoud[m[1]!]!.map((d) => path.join(ROOT, d));
    });
  }
  const pakket = (urls: string[], naam: string) => urls.some((u) => u.includes(`/node_modules/${naam}/`));
  it('the load log sees packages loaded by import and by require', () => {
    const urls = geladen(['uvp', VOORBEELD, '-o', tijdelijkeMap(), '--format', 'md', '-q']);
    expect(pakket(urls, 'commander')).toBe(true);
    expect(pakket(urls, 'handlebars')).toBe(true);
  });

  it('vth --help loads no workbook, chart, template or CSV library', () => {
    const urls = geladen(['--help']);
    expect(urls.length).toBeGreaterThan(3);
    for (const p of ['exceljs', 'handlebars', 'papaparse']) expect(pakket(urls, p), p).toBe(false);
  });

  it('vth --help and --version load commander and the command line, nothing of reading, computing or writing', () => {
    for (const args of [['--help'], ['--version']]) {
      const urls = geladen(args);
      const eigen = urls.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.indexOf('/dist/') + 1));
      expect(eigen.sort(), args[0]).toEqual(['dist/cli/fouten.js', 'dist/cli/looptijd.js', 'dist/cli/main.js', 'dist/cli/v8.cjs']);
      expect(urls.filter((u) => u.includes('/node_modules/') && !pakket([u], 'commander')), args[0]).toEqual([]);
      // node:crypto and node:fs/promises came with the writer; none of it is needed to print help.
      expect(urls.filter((u) => u === 'node:crypto' || u === 'node:fs/promises'), args[0]).toEqual([]);
    }
  });

  it('vth --help and --version load none of Node\'s process, network or stream modules, nor node:v8: commander\'s child_process is deferred, the help is written with writeSync', () => {
    // Node's own list of loaded modules at exit, written with writeSync (process.stderr would load the
    // stream modules itself), from a CommonJS preload (an --import would load them for its loader).
    const stub = path.join(tijdelijkeMap(), 'geladen.cjs');
    writeFileSync(stub, "process.on('exit', () => require('node:fs').writeSync(2, '\\nGELADEN ' + JSON.stringify(process.moduleLoadList) + '\\n'));");
    for (const args of [['--help'], ['--version'], ['uvp', '--help']]) {
      const r = spawnSync(process.execPath, ['--require', stub, path.join(ROOT, 'bin/vth.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(5);
      const geladen: string[] = JSON.parse(/^GELADEN (.*)$/m.exec(r.stderr)![1]!);
      for (const m of ['NativeModule child_process', 'NativeModule net', 'NativeModule stream', 'NativeModule v8']) expect(geladen, `${args.join(' ')}: ${m}`).not.toContain(m);
    }
    // A command still gets V8's settings and its output streams (stdout through a pipe loads net).
    const r = spawnSync(process.execPath, ['--require', stub, path.join(ROOT, 'bin/vth.js'), 'risico', VOORBEELD], { cwd: ROOT, encoding: 'utf8' });
    const geladen: string[] = JSON.parse(/^GELADEN (.*)$/m.exec(r.stderr)![1]!);
    expect(geladen).toContain('NativeModule v8');
    expect(r.stdout).toContain('risico');
  });

  it('terminal colours need no package: chalk (13 ms to load) is only the tests\' oracle', () => {
    const urls = geladen(['uvp', VOORBEELD, '-o', tijdelijkeMap(), '--format', 'md', '-q', '--force']);
    expect(urls.some((u) => u.endsWith('/dist/cli/kleur.js'))).toBe(true);
    expect(pakket(urls, 'chalk')).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies.chalk).toBeUndefined();
  });

  it('a command that fails still says why, with the error classes loaded only then', () => {
    const r = vth(['uvp', path.join(tijdelijkeMap(), 'bestaat-niet.xlsx'), '-o', tijdelijkeMap()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vth: werkmap ".*bestaat-niet\.xlsx" bestaat niet/m);
  });

  it('saxes is loaded with require() and markdown-it as its single-file build: Node scans no CommonJS for exports, and loads one file instead of 76', () => {
    const uit = tijdelijkeMap();
    const urls = geladen(['uvp', VOORBEELD, '-o', uit, '--format', 'docx', '-q', '--force']);
    // Through import(), saxes would pass the resolve hook; through require() only Node's module log sees it.
    expect(urls.filter((u) => pakket([u], 'saxes') && u.startsWith('file:'))).toEqual([]);
    expect(pakket(urls, 'saxes')).toBe(true);
    const md = urls.filter((u) => pakket([u], 'markdown-it'));
    expect(md.map((u) => u.slice(u.indexOf('/node_modules/') + 1))).toEqual(['node_modules/markdown-it/dist/markdown-it.js']);
    for (const p of ['entities', 'linkify-it', 'mdurl', 'uc.micro', 'punycode.js']) expect(pakket(urls, p), p).toBe(false);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('Word charts need no diagnostic report to find resvg\'s binding (resvg-js asks one to tell glibc from musl: 10 ms)', () => {
    const stub = `data:text/javascript,${encodeURIComponent("process.report.getReport = () => { throw new Error('getReport gevraagd'); };")}`;
    const r = spawnSync(process.execPath, ['--import', stub, path.join(ROOT, 'bin/vth.js'), 'uvp', VOORBEELD, '-o', tijdelijkeMap(), '--format', 'docx', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/getReport gevraagd/);
    expect(r.status, r.stderr).toBe(0);
  });

  it('vth controleer loads no workbook, chart or template library, on CSV files and on a workbook (vth reads .xlsx itself)', () => {
    const csv = geladen(['controleer', path.join(ROOT, 'fixtures/voorbeeldgemeente/csv')]);
    expect(csv.some((u) => u.endsWith('/dist/ingest/csv.js'))).toBe(true);
    // papaparse only for text with quotes (loaded by require, when first needed): the example has none.
    for (const p of ['exceljs', 'handlebars', 'papaparse']) expect(pakket(csv, p), p).toBe(false);
    const metAanhaling = tijdelijkeMap();
    cpSync(path.join(ROOT, 'fixtures/voorbeeldgemeente/csv'), metAanhaling, { recursive: true });
    const instellingen = path.join(metAanhaling, 'instellingen.csv');
    writeFileSync(instellingen, readFileSync(instellingen, 'utf8').replace('gemeente;Dinkelberg', 'gemeente;"Dinkelberg"'));
    expect(pakket(geladen(['controleer', metAanhaling]), 'papaparse')).toBe(true);
    const xlsx = geladen(['controleer', VOORBEELD]);
    for (const p of ['exceljs', 'handlebars', 'papaparse']) expect(pakket(xlsx, p), p).toBe(false);
  });

  it('documents load no workbook library (vth writes .xlsx itself); only vth init, for its notes, loads exceljs', () => {
    const uit = tijdelijkeMap();
    for (const opdracht of ['uvp', 'jaarverslag']) {
      const md = geladen([opdracht, VOORBEELD, '-o', uit, '--format', 'md,xlsx', '-q', '--force']);
      expect(pakket(md, 'handlebars'), opdracht).toBe(true);
      expect(pakket(md, 'exceljs'), opdracht).toBe(false);
      expect(md.some((u) => u.endsWith('/dist/render/xlsx-schrijver.js')), opdracht).toBe(true);
    }
    expect(pakket(geladen(['init', path.join(uit, 'nieuw'), '-q']), 'exceljs')).toBe(true);
  });

  it('vth uvp uses the templates compiled at build time: only the Handlebars runtime is loaded, not its compiler', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/vth.js'), 'uvp', VOORBEELD, '-o', tijdelijkeMap(), '--format', 'md', '-q', '--force'], {
      cwd: ROOT,
      env: { ...process.env, NODE_DEBUG: 'module', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const geladen = r.stderr.split('\n').filter((l) => /^MODULE \d+: load "/.test(l));
    expect(geladen.some((l) => l.includes('dist/render/templates/uvp.cjs'))).toBe(true);
    expect(geladen.some((l) => l.includes('handlebars/dist/handlebars.runtime.js'))).toBe(true);
    expect(geladen.filter((l) => /handlebars\/(lib|dist\/cjs)\//.test(l))).toEqual([]);
  });
});

describe('first use: the README\'s quick start, exactly as written, in a clean clone', () => {
  const git = spawnSync('git', ['-C', ROOT, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
  const kan = git.status === 0 && git.stdout.trim() === 'true';
  if (!kan) console.warn('OVERGESLAGEN: geen git-checkout; de snelstart uit de README is niet in een schone kloon gevolgd.');
  it.runIf(kan)('`npm ci && npm run demo` from the README works in a fresh clone and writes the documents', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blok = /## De twee opdrachten om te beginnen\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(blok).toBeTruthy();
    const demo = blok!.split('\n').find((l) => l.includes('npm run demo'))!.replace(/\s+#.*$/, '');
    expect(demo).toBe('npm ci && npm run demo');
    const kloon = path.join(tijdelijkeMap('vth-kloon-'), 'vth');
    expect(spawnSync('git', ['clone', '--quiet', ROOT, kloon]).status).toBe(0);
    // The clone has what is committed; the shared folder beside the project is not needed.
    const r = spawnSync('bash', ['-c', demo], { cwd: kloon, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 600_000 });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    for (const f of ['uvp-2025-dinkelberg.md', 'uvp-2025-dinkelberg.xlsx', 'jaarverslag-2025-dinkelberg.md', 'risico-2025-dinkelberg.md', 'capaciteit-2025-dinkelberg.md']) {
      expect(existsSync(path.join(kloon, 'uitvoer', f)), f).toBe(true);
    }
    expect(existsSync(path.join(kloon, 'uitvoer/ibt/ibt-overzicht-2025.xlsx'))).toBe(true);
  }, 600_000);
});

