import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTELLINGEN_CSV, maakMap, ROOT, tijdelijkeMap } from './helpers.js';
import { geneste, grootBlad, groteCsv, liegendeInhoud } from './vijandig/maak.js';

/** Runs vth as a user does and reports the child's own peak memory (VmHWM, via test/piek.mjs). */
function vthMetPiek(args: string[], env: Record<string, string> = {}) {
  const piek = path.join(tijdelijkeMap(), 'piek');
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/piek.mjs'), path.join(ROOT, 'bin/vth.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', VTH_PIEK_BESTAND: piek, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, piekMB: existsSync(piek) ? Number(readFileSync(piek, 'utf8')) / 1024 : NaN };
}

// Generous bounds for a loaded machine: the point is "seconds and well under 1 GB", not a benchmark.
const MAX_MB = 700;

describe('hostile werkmappen are refused within bounds (exit 2, a Dutch message naming the file and the limit)', () => {
  it('30 million nested elements in a 300 KB workbook', async () => {
    const map = tijdelijkeMap();
    const pad = await geneste(map, 30_000_000);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('genest.xlsx wordt niet gelezen: uitgepakt zou het 86 MB zijn (onderdeel xl/worksheets/sheet1.xml: 86 MB)');
    expect(r.stderr).toContain('VTH_MAX_WERKMAP_MB');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('elements nested deeper than any workbook, in a small part; also when the directory understates the size', async () => {
    const pad = await geneste(tijdelijkeMap(), 100_000);
    let r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("genest.xlsx wordt niet gelezen: onderdeel xl/worksheets/sheet1.xml nest XML-elementen dieper dan 64 niveaus (een werkblad gaat zo'n 6 diep)\n");
    // The 30 million deep, claiming 1.000 bytes: refused on what it really inflates to.
    const leugen = await geneste(tijdelijkeMap(), 30_000_000, 1000);
    r = vthMetPiek(['controleer', leugen]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('onderdeel xl/worksheets/sheet1.xml pakt uit tot meer dan 32 MB (de zip-inhoudsopgave zegt 1.000 bytes)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a 250 MB sheet in a small workbook, honestly declared', async () => {
    const pad = await grootBlad(tijdelijkeMap(), 250);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/groot\.xlsx wordt niet gelezen: uitgepakt zou het 25[01] MB zijn \(onderdeel xl\/worksheets\/sheet1\.xml: 25[01] MB\)/);
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a part whose directory says 1.000 bytes and which inflates to 1 GB', async () => {
    const pad = await liegendeInhoud(tijdelijkeMap(), 1024);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('liegt.xlsx wordt niet gelezen: onderdeel xl/worksheets/sheet1.xml pakt uit tot meer dan 32 MB (de zip-inhoudsopgave zegt 1.000 bytes)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a 199 MB werkmap CSV; VTH_MAX_WERKMAP_MB sets the bound', () => {
    const map = groteCsv(tijdelijkeMap(), 199);
    const r = vthMetPiek(['controleer', map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('producten.csv is 199 MB; werkmapbestanden boven 32 MB worden niet gelezen (grens: VTH_MAX_WERKMAP_MB, zie docs/werkmap.md)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
    expect(readdirSync(map)).toEqual(['producten.csv']);
    const voorbeeld = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
    const klein = vthMetPiek(['controleer', voorbeeld], { VTH_MAX_WERKMAP_MB: '0.01' });
    expect(klein.code).toBe(2);
    expect(klein.stderr).toMatch(/werkmap\.xlsx is 0,\d\d MB; werkmapbestanden boven 0,01 MB worden niet gelezen/);
    expect(vthMetPiek(['controleer', voorbeeld]).code).not.toBe(2);
  });
});

describe('inputs are never overwritten or entered, with or without --force', () => {
  function werkmapMap() {
    const map = tijdelijkeMap();
    cpSync(path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx'), path.join(map, 'werkmap.xlsx'));
    cpSync(path.join(ROOT, 'fixtures/voorbeeldgemeente/csv'), path.join(map, 'csv'), { recursive: true });
    symlinkSync(path.join(map, 'csv'), path.join(map, 'link'));
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld'), path.join(map, 'regio'), { recursive: true });
    return map;
  }
  const inhoud = (map: string) => readdirSync(map, { recursive: true }).map(String).sort().join('\n');

  it('each way to hit an input is refused (exit 2) before any work, and nothing changes', () => {
    const map = werkmapMap();
    const voor = inhoud(map);
    const werkboek = readFileSync(path.join(map, 'werkmap.xlsx'));
    const gevallen: [string[], string][] = [
      [['risico', 'werkmap.xlsx', '--format', 'xlsx', '-o', 'werkmap.xlsx', '--force'], 'werkmap.xlsx is de invoer werkmap.xlsx zelf; uitvoer overschrijft nooit invoer, ook niet met --force'],
      [['risico', 'csv', '-o', 'csv/risico.md'], 'csv/risico.md ligt in de invoermap csv; kies een uitvoermap buiten de invoer'],
      [['uvp', 'csv', '-o', 'link/uit', '--force'], 'link/uit ligt in de invoermap csv'],
      [['uvp', 'csv', '-o', 'csv/../csv/uit'], 'ligt in de invoermap csv'],
      [['ibt', 'regio', '-o', 'regio', '--force'], 'regio is de invoermap regio zelf'],
      [['ibt', 'regio', '-o', 'regio/uit'], 'regio/uit ligt in de invoermap regio'],
    ];
    for (const [args, bericht] of gevallen) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/vth.js'), ...args, '-q'], { cwd: map, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(bericht);
    }
    expect(inhoud(map)).toBe(voor);
    expect(readFileSync(path.join(map, 'werkmap.xlsx')).equals(werkboek)).toBe(true);
  });

  it('a device is written to, never replaced by a file; a full disk or stdout is a Dutch message with exit 2', () => {
    const werkmap = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
    let r = vthMetPiek(['risico', werkmap, '-o', '/dev/full', '--force', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('vth: /dev/full: de schijf (of het apparaat) is vol (ENOSPC)');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const vol = spawnSync('sh', ['-c', `"${process.execPath}" "${path.join(ROOT, 'bin/vth.js')}" risico "${werkmap}" -q > /dev/full`], { encoding: 'utf8' });
    expect(vol.status).toBe(2);
    expect(vol.stderr).toContain('vth: de uitvoer kon niet worden geschreven: de schijf (of het apparaat) is vol (ENOSPC)');
    r = vthMetPiek(['uvp', werkmap, '-o', '/dev/null/uit']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('interne fout');
  });
});

describe('one bad municipality never costs the others their report', () => {
  it('a bomb, an over-long name, a dangling symlink and a symlink loop among good municipalities', async () => {
    const regio = tijdelijkeMap();
    for (const g of ['aaberg', 'beekdal']) cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld', g), path.join(regio, g), { recursive: true });
    cpSync(await liegendeInhoud(tijdelijkeMap(), 256), path.join(regio, 'bom.xlsx'));
    symlinkSync(path.join(regio, 'bestaat-niet'), path.join(regio, 'weg'));
    symlinkSync(path.join(regio, 'kring'), path.join(regio, 'kring'));
    symlinkSync(path.join(regio, 'weg.txt'), path.join(regio, 'notities.txt'));
    // A municipality whose name makes a file name longer than any file system allows.
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld', 'doelwijk'), path.join(regio, 'lang'), { recursive: true });
    const pad = path.join(regio, 'lang', 'werkmap.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pad);
    wb.getWorksheet('Instellingen')!.eachRow((row) => {
      if (String(row.getCell(1).value).toLowerCase() === 'gemeente') row.getCell(2).value = 'Langnaam'.repeat(42);
    });
    await wb.xlsx.writeFile(pad);
    for (const werkers of ['1', '2']) {
      const uit = path.join(tijdelijkeMap(), 'ibt');
      const r = vthMetPiek(['ibt', regio, '-o', uit, '--format', 'md', '--werkers', werkers]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toContain('interne fout');
      expect(r.stdout).toContain('IBT 2025: 6 gemeenten:');
      expect(r.stdout).toMatch(/niet te beoordelen: bom \(bom\.xlsx\): bom\.xlsx wordt niet gelezen: onderdeel xl\/worksheets\/sheet1\.xml pakt uit tot meer dan 32 MB/);
      expect(r.stdout).toContain('niet te beoordelen: weg (weg): weg is een verwijzing (symlink) naar iets dat niet bestaat');
      expect(r.stdout).toContain('niet te beoordelen: kring (kring): kring is een verwijzing (symlink) die in een kring naar zichzelf terugwijst');
      const namen = readdirSync(uit).sort();
      expect(namen).toContain('ibt-2025-aaberg.md');
      expect(namen).toContain('ibt-2025-beekdal.md');
      expect(namen).toContain('ibt-overzicht-2025.md');
      expect(namen.find((n) => n.startsWith('ibt-2025-langnaam'))!.length).toBeLessThan(100);
      expect(r.piekMB).toBeLessThan(MAX_MB);
    }
  });
});

describe('a case export inside a werkmap folder', () => {
  it('is read as the export only, never as a werkmap sheet: a 40 MB export does not trip the werkmap bound', () => {
    const regio = tijdelijkeMap();
    const map = path.join(regio, 'aaberg');
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld/aaberg'), map, { recursive: true });
    const [kop, ...rijen] = readFileSync(path.join(map, 'zaken-2025.csv'), 'utf8').trim().split('\n');
    const blok = rijen.join('\n') + '\n';
    const delen = [kop + '\n'];
    for (let n = 0; n < (40 * 1024 * 1024) / blok.length; n++) delen.push(blok);
    writeFileSync(path.join(map, 'zaken-2025.csv'), delen.join(''));
    const c = vthMetPiek(['controleer', map, '-q']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.piekMB).toBeLessThan(200);
    // One rule for every name an export goes by, here and in vth ibt's search (`zaken*`).
    renameSync(path.join(map, 'zaken-2025.csv'), path.join(map, 'Zakenexport 2025.csv'));
    expect(vthMetPiek(['controleer', map, '-q']).code).toBe(0);
    const r = vthMetPiek(['ibt', regio, '-o', path.join(tijdelijkeMap(), 'ibt'), '--format', 'md', '-q']);
    expect(r.stdout).toContain('IBT 2025: 1 gemeente:');
    expect(r.stdout).not.toContain('niet te beoordelen: Aaberg');
  });
});

describe('interrupted and concurrent runs', () => {
  /** A region of 150 municipalities (copies of the example with their own names): a long write phase. */
  function groteRegio(): string {
    const regio = tijdelijkeMap();
    for (let i = 0; i < 150; i++) {
      const d = path.join(regio, `g${i}`);
      cpSync(path.join(ROOT, 'fixtures/voorbeeldgemeente/csv'), d, { recursive: true });
      const f = path.join(d, 'instellingen.csv');
      writeFileSync(f, readFileSync(f, 'utf8').replace(/gemeente;[^\r\n]*/, `gemeente;Gem${i}`));
    }
    return regio;
  }

  it('SIGTERM in the write phase removes the temporary files and says what was written; a rerun then works', async () => {
    const regio = groteRegio();
    const uit = path.join(tijdelijkeMap(), 'ibt');
    mkdirSync(uit);
    let onderbroken = 0;
    for (let poging = 0; poging < 3 && onderbroken === 0; poging++) {
      const kind = spawn(process.execPath, [path.join(ROOT, 'bin/vth.js'), 'ibt', regio, '-o', uit, '-q', '--force'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      kind.stderr.on('data', (b) => (err += b));
      // The first temporary file shows that the write phase has begun: stop the run there.
      const w = watch(uit, (_, naam) => {
        if (naam?.startsWith('.vth-tmp-')) kind.kill('SIGTERM');
      });
      const code = await new Promise<number | null>((r) => kind.on('exit', (c) => r(c)));
      w.close();
      expect(readdirSync(uit).filter((n) => n.startsWith('.vth')), 'no temporary file or lock left').toEqual([]);
      if (code === 143) {
        onderbroken++;
        expect(err).toMatch(/vth: onderbroken \(SIGTERM\); (er is niets geschreven|al op hun plaats: .*; de rest is niet geschreven)/);
      }
    }
    expect(onderbroken).toBe(1);
    const r = vthMetPiek(['ibt', regio, '-o', uit, '-q', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(uit).filter((n) => n.endsWith('.md'))).toHaveLength(151);
  }, 120_000);

  it('stale temporary files of an earlier run and a lock of a process that is gone are cleaned up; a live lock is waited for, then refused', () => {
    const uit = path.join(tijdelijkeMap(), 'uit');
    mkdirSync(uit);
    writeFileSync(path.join(uit, '.vth-tmp-0123456789ab-uvp-2025-dinkelberg.md'), 'half');
    writeFileSync(path.join(uit, '.vth-slot'), '999999999');
    writeFileSync(path.join(uit, 'eigen notities.md'), 'van de gebruiker');
    const voorbeeld = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
    expect(vthMetPiek(['uvp', voorbeeld, '-o', uit, '-q']).code).toBe(0);
    expect(readdirSync(uit).sort()).toEqual(['eigen notities.md', 'uvp-2025-dinkelberg-capaciteit.svg', 'uvp-2025-dinkelberg-risico.svg', 'uvp-2025-dinkelberg-verantwoording.md', 'uvp-2025-dinkelberg.md', 'uvp-2025-dinkelberg.xlsx']);
    // This test process is alive: its lock holds.
    writeFileSync(path.join(uit, '.vth-slot'), String(process.pid));
    const r = vthMetPiek(['uvp', voorbeeld, '-o', uit, '-q', '--force'], { VTH_SLOT_WACHT_MS: '300' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`in ${uit} schrijft al een andere vth (proces ${process.pid}); wacht tot die klaar is, of kies een andere uitvoermap`);
    // vth init writes through the same lock: a held folder is the same message, not an internal error.
    const init = vthMetPiek(['init', uit, '--gemeente', 'X', '--jaar', '2026'], { VTH_SLOT_WACHT_MS: '300' });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('schrijft al een andere vth');
  });
});

describe('control characters from cells never reach the terminal or a document raw', () => {
  it('ESC, OSC and BEL in a werkmap cell and in a case export value are shown as ␛ and ␇', () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental\nA1.05.00;"Toets \u001b]0;titel\u0007 \u001b[2J";4;20\nA1.06.00;Melding;"\u001b[31m4";20\n',
    });
    const zaken = path.join(tijdelijkeMap(), 'zaken.csv');
    writeFileSync(zaken, 'zaaknummer;productcode;ontvangen;besluit;uren\nZ1;A1.05.00;03-02-2025;10-02-2025;2\nZ2;"X\u001b[2J\u0007";03-02-2025;10-02-2025;2\n');
    const uit = path.join(tijdelijkeMap(), 'uit');
    const runs = [
      vthMetPiek(['controleer', map]),
      vthMetPiek(['risico', map]),
      vthMetPiek(['uvp', map, '-o', uit, '--format', 'md']),
    ];
    // The bad aantal stops the documents; a werkmap without it gives them, and the export is read.
    writeFileSync(path.join(map, 'producten.csv'), 'code;product;aantal;kental\nA1.05.00;"Toets \u001b]0;titel\u0007 \u001b[2J";4;20\n');
    runs.push(vthMetPiek(['uvp', map, '-o', uit, '--format', 'md']), vthMetPiek(['jaarverslag', map, '--zaken', zaken, '-o', path.join(tijdelijkeMap(), 'jv'), '--format', 'md']));
    const alles = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(alles).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(alles).toContain('"␛[31m4" is geen getal');
    expect(alles).toContain('X␛[2J␇');
    const md = readFileSync(path.join(uit, 'uvp-2025-testdorp.md'), 'utf8');
    expect(md).toContain('Toets ␛\\]0;titel␇ ␛\\[2J');
    for (const f of readdirSync(uit)) expect(readFileSync(path.join(uit, f), 'utf8'), f).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('smaller traps', () => {
  const voorbeeld = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');

  it('130.000 findings: exit 1 with every one counted, no stack overflow', () => {
    const regels = ['code;product;taakveld;afdeling;aantal;kental (uren)'];
    for (let i = 0; i < 130_000; i++) regels.push(`A1.${String(i % 99).padStart(2, '0')}.${String(i % 97).padStart(2, '0')};P${i};Vergunningen;V;x${i};-3`);
    const map = maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, 'producten.csv': regels.join('\n') });
    const r = vthMetPiek(['controleer', map, '-q']);
    expect(r.code, r.stderr.slice(-300)).toBe(1);
    expect(r.stdout).toMatch(/werkmap niet in orde: 260000 fouten/);
  });

  it('options the werkmap would refuse are refused on the command line too, in Dutch, exit 2', () => {
    const uit = path.join(tijdelijkeMap(), 'uit');
    const gevallen: [string[], string][] = [
      [['capaciteit', voorbeeld, '--reservering', 'Vergunningen=500%'], '--reservering "Vergunningen=500%": een reservering van meer dan 100% kan niet'],
      [['jaarverslag', voorbeeld, '--zaken', ROOT, '-o', uit], `--zaken ${ROOT} is een map; geef het bestand van de zakenexport (.csv of .xlsx)`],
      [['uvp', voorbeeld, '-o', uit, '--templates', voorbeeld], `--templates ${voorbeeld} is een bestand; geef de map met de eigen templates`],
      [['init', voorbeeld, '--gemeente', 'X', '--jaar', '2026'], 'werkmap.xlsx'],
    ];
    for (const [args, bericht] of gevallen) {
      const r = vthMetPiek(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(bericht);
      expect(r.stderr).not.toContain('interne fout');
    }
    expect(existsSync(uit)).toBe(false);
  });

  it('a template asking for a hundred million decimals is a template error, not 50 seconds of work', () => {
    const tpl = tijdelijkeMap();
    writeFileSync(path.join(tpl, 'uvp.md.hbs'), '# x\n{{getal 1 100000000}}\n');
    const uit = path.join(tijdelijkeMap(), 'uit');
    const r = vthMetPiek(['uvp', voorbeeld, '-o', uit, '--templates', tpl, '--format', 'md', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fout bij het invullen van ${path.join(tpl, 'uvp.md.hbs')}: het aantal decimalen 100000000 moet een geheel getal van 0 tot 10 zijn`);
    expect(existsSync(uit)).toBe(false);
  });
});

describe('templates and province profiles: regular files within a bound', () => {
  it('a template that links to /dev/zero, a FIFO, a folder and a 2 MB template are refused at once, naming the file (exit 2)', () => {
    const voorbeeld = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
    const tpl = tijdelijkeMap();
    const pad = path.join(tpl, 'uvp.md.hbs');
    const gevallen: [string, () => void, string][] = [
      ['/dev/zero', () => symlinkSync('/dev/zero', pad), 'is geen gewoon bestand'],
      ['FIFO', () => spawnSync('mkfifo', [pad]), 'is geen gewoon bestand'],
      ['map', () => mkdirSync(pad), 'is een map, geen bestand'],
      ['2 MB', () => writeFileSync(pad, `# x\n${'a'.repeat(2 * 1024 * 1024)}\n`), 'is 2 MB; hoogstens 1 MB is toegestaan'],
    ];
    for (const [naam, maak, bericht] of gevallen) {
      rmSync(pad, { recursive: true, force: true });
      maak();
      const uit = path.join(tijdelijkeMap(), 'uit');
      const r = vthMetPiek(['uvp', voorbeeld, '-o', uit, '--templates', tpl, '--format', 'md', '-q']);
      expect(r.code, naam).toBe(2);
      expect(r.stderr, naam).toContain(`template ${pad} ${bericht}`);
      expect(r.piekMB, naam).toBeLessThan(MAX_MB);
      expect(existsSync(uit), naam).toBe(false);
    }
  });

  it('a 100 MB province profile, a device and a FIFO are refused before they are read (exit 2)', () => {
    const map = tijdelijkeMap();
    const groot = path.join(map, 'groot.json');
    writeFileSync(groot, `{"naam": "x", "toelichting": "${'a'.repeat(100 * 1024 * 1024)}"}`);
    const fifo = path.join(map, 'fifo.json');
    spawnSync('mkfifo', [fifo]);
    const apparaat = path.join(map, 'nul.json');
    symlinkSync('/dev/zero', apparaat);
    for (const [profiel, bericht] of [
      [groot, 'is 100 MB; hoogstens 1 MB is toegestaan'],
      [fifo, 'is geen gewoon bestand'],
      [apparaat, 'is geen gewoon bestand'],
    ]) {
      const uit = path.join(tijdelijkeMap(), 'uit');
      const r = vthMetPiek(['ibt', path.join(ROOT, 'fixtures/regio-voorbeeld'), '-o', uit, '--provincie', profiel!]);
      expect(r.code, profiel).toBe(2);
      expect(r.stderr, profiel).toContain(`provincieprofiel "${profiel}" ${bericht}`);
      expect(r.piekMB).toBeLessThan(MAX_MB);
      expect(existsSync(uit)).toBe(false);
    }
  });
});

describe('vth ibt bounds each municipality in memory and time', () => {
  it('one municipality over the heap limit, or over the time limit, gets its row; the others are judged', async () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld/aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld/beekdal'), path.join(regio, 'beekdal'), { recursive: true });
    // Within the werkmap bound (30 MB), but exceljs needs some 700 MB to read it.
    cpSync(await grootBlad(tijdelijkeMap(), 30), path.join(regio, 'groot.xlsx'));
    const geheugen = vthMetPiek(['ibt', regio, '-o', path.join(tijdelijkeMap(), 'a'), '--format', 'md', '-q'], { VTH_IBT_MAX_MB: '150' });
    expect(geheugen.code, geheugen.stderr).toBe(1);
    expect(geheugen.stdout).toContain('niet te beoordelen: groot (groot.xlsx): het verwerken ging over de geheugengrens van 150 MB (grens: VTH_IBT_MAX_MB)');
    expect(geheugen.stdout).toContain('IBT 2025: 3 gemeenten: 1 groen, 1 oranje, 0 rood, 1 niet te beoordelen.');
    const tijd = vthMetPiek(['ibt', regio, '-o', path.join(tijdelijkeMap(), 'b'), '--format', 'md', '-q', '--werkers', '2'], { VTH_IBT_MAX_S: '1' });
    expect(tijd.code, tijd.stderr).toBe(1);
    expect(tijd.stdout).toContain('niet te beoordelen: groot (groot.xlsx): het verwerken duurde langer dan 1 seconde (grens: VTH_IBT_MAX_S)');
    expect(tijd.stdout).toContain('1 groen, 1 oranje, 0 rood, 1 niet te beoordelen.');
  }, 120_000);
});
