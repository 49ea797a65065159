import type * as Commander from 'commander';
import { EXIT, GebruikFout, systeemFoutTekst } from './fouten.js';
import { zetLooptijd } from './looptijd.js';
import type { Formaat } from './schrijf.js';

// For bin/vth.js, which loads this module's bundle and nothing else of vth before a command runs.
export { systeemFoutTekst };

// Node's fs and module without their ES facades: importing 'node:fs' reads every export, among them
// fs.ReadStream, whose getter loads Node's stream modules, which the help does not need.
const { fstatSync, statSync, writeSync } = process.getBuiltinModule('node:fs');
const Module = process.getBuiltinModule('node:module');
const { createRequire } = Module;

// Only commander and these small modules load for `vth --help` and `--version`: what a command needs
// (writing output, the error classes of reading and writing) is imported when it runs, so that the
// help costs little more than Node's own start (test/veiligheid.test.ts checks what loads).
const schrijf = () => import('./schrijf.js');

// commander is CommonJS: through require() Node loads it as such (some 5 ms), where an ES import first
// has cjs-module-lexer scan the file for the names it exports and builds a module facade (some 9 ms).
const require = createRequire(import.meta.url);
const { Command, CommanderError, Option } = laadCommander();
type Command = Commander.Command;

/**
 * commander, without node:child_process at its top: commander needs it only to run a subcommand as
 * an executable of its own, which vth never does, and it brings Node's net, stream, dgram and readline
 * modules (some 40 of Node's own, 3 ms of what `vth --help` costs above Node's start). While
 * commander's files load, their `require('node:child_process')` gets an object that loads the real
 * module when it is first used. Module._load is the hook every require() goes through (what
 * require-in-the-middle and the APM tools use); where it is missing, commander loads as usual.
 */
function laadCommander(): typeof Commander {
  const M = Module as unknown as { _load?: (this: unknown, verzoek: string, ...rest: unknown[]) => unknown };
  const laad = M._load;
  if (typeof laad !== 'function') return require('commander') as typeof Commander;
  const uitgesteld = new Proxy({}, { get: (_, k) => (require('node:child_process') as Record<PropertyKey, unknown>)[k] });
  M._load = function (verzoek, ...rest) {
    return verzoek === 'node:child_process' || verzoek === 'child_process' ? uitgesteld : laad.call(this, verzoek, ...rest);
  };
  try {
    return require('commander') as typeof Commander;
  } finally {
    M._load = laad;
  }
}

/**
 * V8's flags for a command's run (dist/cli/v8.cjs, with the code cache they must agree with), by way of
 * dist/cli from here and from the bundle in dist/bundel alike: the one module bin/vth.js loaded.
 */
function zetV8Vlaggen(): void {
  (require('../cli/v8.cjs') as typeof import('./v8.cjs')).zetV8Vlaggen();
}

/** Whether a file descriptor may be a terminal: a character device (a terminal, /dev/null), or unknown. */
function misschienTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}

/** commander's own reading of NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE (its `useColor`, not exported). */
function kleurGevraagd(): boolean | undefined {
  const e = process.env;
  if (e.NO_COLOR || e.FORCE_COLOR === '0' || e.FORCE_COLOR === 'false') return false;
  if (e.FORCE_COLOR || e.CLICOLOR_FORCE !== undefined) return true;
  return undefined;
}

/**
 * Help and version text go to file descriptor 1 directly: process.stdout on a pipe would first load
 * Node's net and stream modules, which nothing else in `vth --help` needs. Whatever writeSync cannot
 * write (a full non-blocking pipe, a reader that stopped) goes through process.stdout after all, whose
 * guard in bin/vth.js says or ignores the error as for any other output.
 */
function schrijfUit(s: string): void {
  const b = Buffer.from(s);
  let klaar = 0;
  try {
    while (klaar < b.length) klaar += writeSync(1, b, klaar);
  } catch {
    process.stdout.write(b.subarray(klaar));
  }
}

const STIL = 'stil: geen voortgang en geen waarschuwingen, alleen fouten en de samenvatting';
const HERBEREKEN = 'laat LibreOffice de formules van .xlsx-bestanden eerst herberekenen (in een tijdelijke kopie; nodig voor bestanden van openpyxl of pandas)';

const EXIT_TEKST = `
Exitcodes:
  0  alles in orde (waarschuwingen kunnen er zijn)
  1  de controle vond een probleem: fouten in de invoer, een capaciteitstekort,
     of een gemeente die niet te beoordelen was
  2  verkeerd gebruik, invoer die helemaal niet te lezen is, of --format pdf
     zonder LibreOffice (de andere formaten zijn dan wel geschreven)
  3  interne fout in vth (meld dit, met de uitvoer van --debug)`;

const TITELS: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

function maakProgramma(zetExit: (code: number) => void): Command {
  const program = new Command();
  const standaard = program.configureOutput();
  program
    .name('vth')
    .description('Gereedschap voor de jaarlijkse VTH-programmering: controle, risicoanalyse, capaciteit, uitvoeringsprogramma, jaarverslag en IBT.')
    .version('0.1.0', '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .option('--debug', 'toon bij een interne fout de volledige foutmelding')
    .addHelpText('after', EXIT_TEKST)
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, styleTitle: (t) => TITELS[t] ?? t, subcommandTerm: (c) => `${c.name()} ${c.usage()}`.trim() })
    .exitOverride()
    .hook('preAction', zetV8Vlaggen)
    .configureOutput({
      writeOut: (s) => schrijfUit(vertaalHulp(s)),
      // commander asks process.stdout whether it is a terminal (for the width and colours of the
      // help), which makes the stream: on a pipe that loads Node's net and stream modules. Output that
      // is no character device is certainly no terminal: 80 columns (commander's width then) and
      // colours only when asked for, as commander decides then. A character device (a terminal,
      // /dev/null) is left to commander.
      getOutHelpWidth: () => (misschienTerminal(1) ? standaard.getOutHelpWidth!() : 80),
      getOutHasColors: () => (misschienTerminal(1) ? standaard.getOutHasColors!() : (kleurGevraagd() ?? false)),
      writeErr: (s) => process.stderr.write(vertaalCommander(s)),
      outputError: (s, write) => write(vertaalCommander(s)),
    });

  program
    .command('controleer')
    .description('controleer een werkmap en toon elke fout met bestand, blad, rij en kolom')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden')
    .option('--json', 'uitvoer als JSON')
    .option('--alle', 'toon ook meldingen (zoals onbekende kolommen)')
    .option('-q, --quiet', 'alleen de fouten en de samenvatting')
    .option('--herbereken', HERBEREKEN)
    .addHelpText('after', `\nVoorbeeld:\n  vth controleer fixtures/voorbeeldgemeente/werkmap.xlsx\n${EXIT_TEKST}`)
    .action(async (werkmap: string, opts: { json?: boolean; alle?: boolean; quiet?: boolean }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const { controleerOpdracht } = await import('./commands/controleer.js');
      zetExit(await controleerOpdracht(werkmap, opts));
    });

  program
    .command('init')
    .description('maak een nieuwe werkmap met alle bladen, kolommen en voorbeeldregels')
    .argument('<map>', 'map waarin de werkmap komt (wordt aangemaakt)')
    .option('--gemeente <naam>', 'naam van de gemeente', 'Voorbeeldgemeente')
    .addOption(new Option('--jaar <jaar>', 'programmajaar').argParser(parseJaar))
    .option('--force', 'overschrijf een bestaande werkmap')
    .option('-q, --quiet', STIL)
    .addHelpText('after', `\nVoorbeeld:\n  vth init mijn-werkmap --gemeente Dinkelland --jaar 2026\n${EXIT_TEKST}`)
    .action(async (map: string, opts: { gemeente: string; jaar?: number; force?: boolean; quiet?: boolean }) => {
      zetLooptijd(opts);
      const { initOpdracht } = await import('./commands/init.js');
      zetExit(await initOpdracht(map, opts));
    });

  program
    .command('risico')
    .description('bereken risicoscores en prioriteitsklassen met het eigen risicomodel van de werkmap')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden')
    .addOption(new Option('--format <soort>', 'uitvoer: tabel, md, xlsx of json (standaard: volgens de extensie van -o, anders tabel)').choices(['tabel', 'md', 'xlsx', 'json']))
    .option('-o, --output <pad>', 'schrijf naar dit bestand (bij md komt de grafiek ernaast)')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .addHelpText(
      'after',
      `\nVoorbeelden:\n  vth risico fixtures/voorbeeldgemeente/werkmap.xlsx\n  vth risico fixtures/voorbeeldgemeente/werkmap.xlsx --format md -o uitvoer/risico.md\n${EXIT_TEKST}`,
    )
    .action(async (werkmap: string, opts: { format?: Formaat; output?: string; force?: boolean; quiet?: boolean }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const format = s.bepaalFormaat(opts.format, opts.output);
      const { risicoOpdracht } = await import('./commands/risico.js');
      zetExit(await risicoOpdracht(werkmap, { ...opts, format }));
    });

  program
    .command('frequentie')
    .description('bereken per object de controlefrequentie uit klasse en naleefgedrag, en het aantal controles per product')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden, met de bladen Objecten en Frequenties')
    .addOption(new Option('--format <soort>', 'uitvoer: tabel, md, xlsx of json (standaard: volgens de extensie van -o, anders tabel)').choices(['tabel', 'md', 'xlsx', 'json']))
    .option('-o, --output <pad>', 'schrijf naar dit bestand')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .option('--interval <klasse=maanden>', 'scenario: controle-interval van een klasse (Hoog=6) of klasse en naleefgedrag (Hoog:slecht=3) in plaats van het blad Frequenties; herhaalbaar', (v: string, eerder: string[] = []) => [...eerder, v])
    .option('--zaken <export>', 'zakenexport met per controle het object en het resultaat: het naleefgedrag volgt dan uit de laatste controles (instelling "naleefgedrag uit controles")')
    .addHelpText(
      'after',
      `\nVoorbeelden:\n  vth frequentie fixtures/voorbeeldgemeente/werkmap.xlsx\n  vth frequentie fixtures/voorbeeldgemeente/werkmap.xlsx --format json -o uitvoer/frequenties.json\n${EXIT_TEKST}`,
    )
    .action(async (werkmap: string, opts: { format?: Formaat; output?: string; force?: boolean; quiet?: boolean; interval?: string[]; zaken?: string }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const format = s.bepaalFormaat(opts.format, opts.output);
      const { frequentieOpdracht } = await import('./commands/frequentie.js');
      zetExit(await frequentieOpdracht(werkmap, { ...opts, format }));
    });

  program
    .command('kwaliteit')
    .description('toets de kwaliteitscriteria (kritieke massa) per deskundigheidsgebied: voldoet, voldoet niet, gemotiveerd afgeweken, elders belegd of niet te beoordelen')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden, met de bladen Kwaliteitscriteria en Medewerkers')
    .addOption(new Option('--format <soort>', 'uitvoer: tabel, md, xlsx of json (standaard: volgens de extensie van -o, anders tabel)').choices(['tabel', 'md', 'xlsx', 'json']))
    .option('-o, --output <pad>', 'schrijf naar dit bestand')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .option('--zaken <export>', 'zakenexport met een kolom medewerker: de uren per persoon per gebied komen dan uit de export (gekoppeld via de kolom gebied in Producten of Zaaktypen), de opgegeven uren worden ermee vergeleken')
    .addHelpText(
      'after',
      `\nVoorbeelden:\n  vth kwaliteit fixtures/voorbeeldgemeente/werkmap.xlsx\n  vth kwaliteit fixtures/voorbeeldgemeente/werkmap.xlsx --format xlsx -o uitvoer/kwaliteitscriteria.xlsx\n\nExitcode 0: elk gebied voldoet, is gemotiveerd afgeweken of elders belegd; 1: een gebied voldoet niet zonder motivering of is niet te beoordelen (of fouten in de invoer); 2: onleesbare invoer of verkeerd gebruik.\n`,
    )
    .action(async (werkmap: string, opts: { format?: Formaat; output?: string; force?: boolean; quiet?: boolean; zaken?: string }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const format = s.bepaalFormaat(opts.format, opts.output);
      const { kwaliteitOpdracht } = await import('./commands/kwaliteit.js');
      zetExit(await kwaliteitOpdracht(werkmap, { ...opts, format }));
    });

  program
    .command('protocol')
    .description('reken het toezichtprotocol om naar uren per project per risicoklasse (het kental dat het protocol inhoudt)')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden, met de bladen Toezichtprotocol en Niveaus')
    .addOption(new Option('--format <soort>', 'uitvoer: tabel, md of json (standaard: volgens de extensie van -o, anders tabel)').choices(['tabel', 'md', 'json']))
    .option('-o, --output <pad>', 'schrijf naar dit bestand')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .addHelpText('after', `\nVoorbeelden:\n  vth protocol fixtures/voorbeeldgemeente/werkmap.xlsx\n  vth protocol fixtures/voorbeeldgemeente/werkmap.xlsx --format json -o uitvoer/protocol.json\n${EXIT_TEKST}`)
    .action(async (werkmap: string, opts: { format?: Formaat; output?: string; force?: boolean; quiet?: boolean }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const format = s.bepaalFormaat(opts.format, opts.output);
      if (format === 'xlsx') throw new GebruikFout('vth protocol schrijft tabel, md of json');
      const { protocolOpdracht } = await import('./commands/protocol.js');
      zetExit(await protocolOpdracht(werkmap, { ...opts, format }));
    });

  const verzamel = (v: string, eerder: string[] = []) => [...eerder, v];
  program
    .command('capaciteit')
    .description('zet de benodigde uren af tegen de beschikbare capaciteit per afdeling en stel bij een tekort uitstel voor')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden')
    .addOption(new Option('--format <soort>', 'uitvoer: tabel, md, xlsx of json (standaard: volgens de extensie van -o, anders tabel)').choices(['tabel', 'md', 'xlsx', 'json']))
    .option('-o, --output <pad>', 'schrijf naar dit bestand (bij md komt de grafiek ernaast)')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--fte <afdeling=waarde>', 'scenario: fte van een afdeling wijzigen (+1,5 of -0,5) of vastzetten (3); herhaalbaar', verzamel)
    .option('--productieve-uren <uren>', 'scenario: productieve uren per fte voor alle afdelingen')
    .option('--reservering <afdeling=waarde>', 'scenario: reservering van een afdeling vervangen door een percentage (5%) of uren (120); herhaalbaar', verzamel)
    .option('--interval <klasse=maanden>', 'scenario: controle-interval van een klasse (Hoog=6) of klasse en naleefgedrag (Hoog:slecht=3) in plaats van het blad Frequenties; herhaalbaar', verzamel)
    .option('--herbereken', HERBEREKEN)
    .addHelpText(
      'after',
      `\nVoorbeelden:\n  vth capaciteit fixtures/voorbeeldgemeente/werkmap.xlsx\n  vth capaciteit fixtures/voorbeeldgemeente/werkmap.xlsx --fte "Toezicht en handhaving=+0,5"\n  vth capaciteit fixtures/voorbeeldgemeente/werkmap.xlsx --format md -o uitvoer/capaciteit.md\n\nExitcode 0: capaciteit toereikend; 1: tekort (of fouten in de invoer); 2: onleesbare invoer of verkeerd gebruik.\n`,
    )
    .action(async (werkmap: string, opts: Omit<import('./commands/capaciteit.js').CapaciteitOpties, 'format'> & { format?: Formaat; quiet?: boolean }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      const format = s.bepaalFormaat(opts.format, opts.output);
      const { capaciteitOpdracht } = await import('./commands/capaciteit.js');
      zetExit(await capaciteitOpdracht(werkmap, { ...opts, format }));
    });

  program
    .command('uvp')
    .description('maak het uitvoeringsprogramma (Markdown, Excel, Word en PDF, met grafieken)')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden')
    .requiredOption('-o, --output <map>', 'map waarin de documenten komen')
    .option('--templates <map>', 'eigen templates; elk bestand vervangt het ingebouwde met dezelfde naam')
    .option('--format <soorten>', 'md, xlsx, docx en/of pdf, met komma\'s (pdf via LibreOffice)', 'md,xlsx')
    .option('--huisstijl <referentie.docx>', 'Word-document van de gemeente waarvan de stijlen, bladspiegel, kop- en voettekst worden overgenomen')
    .option('--per-deelnemer', 'omgevingsdienst (blad Deelnemers): een deel per deelnemer en het programma als geheel')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .addHelpText('after', `\nVoorbeelden:\n  vth uvp fixtures/voorbeeldgemeente/werkmap.xlsx -o uitvoer\n  vth uvp fixtures/voorbeeldgemeente/werkmap.xlsx -o uitvoer --format docx,pdf --huisstijl fixtures/huisstijl/dinkelberg.docx\n  vth uvp fixtures/omgevingsdienst-voorbeeld -o uitvoer/od --per-deelnemer\n${EXIT_TEKST}`)
    .action(async (werkmap: string, opts: import('./commands/uvp.js').UvpOpties & { quiet?: boolean }) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      s.controleerUitvoerMap(opts.output, 'uvp');
      const { uvpOpdracht } = await import('./commands/uvp.js');
      zetExit(await uvpOpdracht(werkmap, opts));
    });

  program
    .command('jaarverslag')
    .description('maak het jaarverslag: plan tegen realisatie, doelen, tijdigheid en naleefgedrag')
    .argument('<werkmap>', 'een .xlsx-werkmap of een map met .xlsx- en .csv-bestanden')
    .requiredOption('-o, --output <map>', 'map waarin de documenten komen')
    .option('--zaken <export>', 'zakenexport uit het zaaksysteem (.csv of .xlsx), ook heel groot')
    .option('--kolom <veld=kop>', 'welke kolom van de zakenexport een veld is, als twee kolommen het kunnen zijn (ontvangen="Datum ontvangst"); herhaalbaar', (v: string, eerder: string[] = []) => [...eerder, v])
    .option('--templates <map>', 'eigen templates; elk bestand vervangt het ingebouwde met dezelfde naam')
    .option('--format <soorten>', 'md, xlsx, json, docx en/of pdf, met komma\'s (pdf via LibreOffice)', 'md,xlsx')
    .option('--huisstijl <referentie.docx>', 'Word-document van de gemeente waarvan de stijlen, bladspiegel, kop- en voettekst worden overgenomen')
    .option('--per-deelnemer', 'omgevingsdienst (blad Deelnemers): een jaarverslag per deelnemer uit één zakenexport met een kolom deelnemer, en het geheel')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--herbereken', HERBEREKEN)
    .addHelpText('after', `\nVoorbeeld:\n  vth jaarverslag fixtures/voorbeeldgemeente/werkmap.xlsx --zaken fixtures/voorbeeldgemeente/zaken-2025.csv -o uitvoer\n${EXIT_TEKST}`)
    .action(async (werkmap: string, opts: import('./commands/jaarverslag.js').JaarverslagOpties) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(werkmap, opts);
      zetLooptijd(opts);
      s.controleerUitvoerMap(opts.output, 'jaarverslag');
      const { jaarverslagOpdracht } = await import('./commands/jaarverslag.js');
      zetExit(await jaarverslagOpdracht(werkmap, opts));
    });

  program
    .command('ibt')
    .description('beoordeel per gemeente de IBT-criteria van de provincie en maak een overzicht voor de regio')
    .argument('<regio>', 'map met per gemeente een werkmap (.xlsx-bestand of map)')
    .requiredOption('-o, --output <map>', 'map waarin de rapporten en het overzicht komen')
    .addOption(new Option('--jaar <jaar>', 'beoordeel dit jaar; een werkmap voor een ander jaar is niet te beoordelen').argParser(parseJaar))
    .option('--zaken-map <map>', 'map met zakenexports per gemeente (bestandsnaam = gemeente of werkmap)')
    .option('--templates <map>', 'eigen templates voor ibt.md.hbs en ibt-overzicht.md.hbs')
    .option('--format <soorten>', 'md, xlsx, json, docx en/of pdf, met komma\'s (pdf via LibreOffice)', 'md,xlsx')
    .option('--huisstijl <referentie.docx>', 'Word-document van de gemeente waarvan de stijlen, bladspiegel, kop- en voettekst worden overgenomen')
    .option('--force', 'overschrijf bestaande uitvoer')
    .option('-q, --quiet', STIL)
    .option('--provincie <naam|bestand.json>', 'provincieprofiel: standaard, noord-brabant, noord-holland of een eigen .json-bestand (standaard: de provincie in de werkmap als vth er een profiel voor heeft, anders standaard)')
    .option('--peildatum <dd-mm-jjjj>', 'de dag waarop de provincie de balans opmaakt: later vastgestelde documenten tellen niet, een jaar dat nog loopt is niet te beoordelen')
    .option('--uvp-uiterlijk <dd-mm>', 'het UVP is op tijd als het vóór deze dag van het jaar is vastgesteld (standaard: uit het provincieprofiel, 01-02)')
    .option('--jaarverslag-uiterlijk <dd-mm>', 'het jaarverslag is op tijd als het vóór deze dag van het jaar erna is vastgesteld (standaard: uit het provincieprofiel, 01-05)')
    .option('--realisatie-groen <procent>', 'gerealiseerde uren vanaf dit percentage van de geplande zijn groen', '90')
    .option('--realisatie-oranje <procent>', 'vanaf dit percentage oranje, daaronder rood', '75')
    .option('--tijdigheid-norm <procent>', 'norm voor tijdige besluiten als geen doel er een geeft', '95')
    .option('--tijdigheid-marge <procentpunt>', 'zoveel onder de norm is nog oranje', '5')
    .addOption(new Option('--werkers <aantal>', 'aantal werkthreads (standaard 1, met een paar gemeenten tegelijk; elke gemeente met een grens aan geheugen en tijd); 2 kan helpen op een machine met meer rekenkernen').argParser(parseWerkers))
    .addHelpText('after', `\nVoorbeeld:\n  vth ibt fixtures/regio-voorbeeld -o uitvoer/ibt\n\nExitcode 0: elke gemeente is beoordeeld (ook als het oordeel rood is); 1: een of meer gemeenten waren niet te beoordelen; 2: verkeerd gebruik.\n`)
    .action(async (regio: string, opts: import('./commands/ibt.js').IbtOpties) => {
      controleerSoort(opts);
      const s = await schrijf();
      s.meldInvoer(regio, opts);
      zetLooptijd(opts);
      s.controleerUitvoerMap(opts.output, 'ibt');
      const { ibtOpdracht } = await import('./commands/ibt.js');
      zetExit(await ibtOpdracht(regio, opts));
    });

  return program;
}

/** `--zaken` must be a file and `--templates` a folder: said plainly, before anything else is checked. */
function controleerSoort(o: object): void {
  const opts = o as { zaken?: unknown; templates?: unknown };
  const soort = (p: string) => statSync(p, { throwIfNoEntry: false });
  if (typeof opts.zaken === 'string' && soort(opts.zaken)?.isDirectory()) throw new GebruikFout(`--zaken ${opts.zaken} is een map; geef het bestand van de zakenexport (.csv of .xlsx)`);
  if (typeof opts.templates === 'string' && soort(opts.templates)?.isFile()) throw new GebruikFout(`--templates ${opts.templates} is een bestand; geef de map met de eigen templates`);
}

function parseWerkers(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new GebruikFout(`--werkers "${s}" moet een geheel getal van 1 tot 64 zijn`);
  return n;
}

function parseJaar(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new GebruikFout(`--jaar "${s}" is geen jaartal`);
  return n;
}

/** commander's help adds "(choices: …)" and "(default: …)" in English. */
export function vertaalHulp(s: string): string {
  // commander may wrap a long description right after "default:", so the space can be a line break.
  return s.replace(/\(choices:(\s)/g, '(keuze uit:$1').replace(/\(default:(\s)/g, '(standaard:$1').replace(/\bdefault:(\s)/g, 'standaard:$1');
}

/** Translates commander's own English messages into Dutch, with the prefix every vth message has. */
function vertaalCommander(msg: string): string {
  return vertaalHulp(msg)
    .replace(/^error: missing required argument '(.+)'/, "fout: het argument '$1' ontbreekt")
    .replace(/^error: unknown command '(.+)'/, "fout: onbekende opdracht '$1'")
    .replace(/^error: unknown option '(.+)'/, "fout: onbekende optie '$1'")
    .replace(/^error: too many arguments.*/, 'fout: te veel argumenten')
    .replace(/^error: required option '(.+)' not specified/, "fout: de optie '$1' is verplicht")
    .replace(/^error: option '(.+)' argument missing/, "fout: optie '$1' heeft een waarde nodig")
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./, "fout: '$2' is geen geldige waarde voor $1; kies uit $3")
    .replace(/\(Did you mean (.+)\?\)/, '(bedoelde u $1?)')
    .replace(/^(error|fout): /, 'vth: ');
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const debug = argv.includes('--debug');
  const program = maakProgramma((c) => (exitCode = c));
  program.usage('[opties] [opdracht]');
  for (const c of program.commands) {
    // commander writes "[options]"; the rest of the help is Dutch.
    c.usage(c.usage().replace('[options]', '[opties]'));
    c.helpOption('-h, --help', 'toon deze hulp');
    c.configureHelp({ styleTitle: (t) => TITELS[t] ?? t });
  }
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ONLEESBAAR;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.ONLEESBAAR;
    }
    let meldFout: typeof import('./meld-fout.js').meldFout;
    try {
      ({ meldFout } = await import('./meld-fout.js'));
    } catch {
      // Not even that module could be loaded (no file handles left, say): the bare message.
      const systeem = systeemFoutTekst(e);
      process.stderr.write(`vth: ${systeem ?? `interne fout: ${(e as Error)?.message ?? e}`}\n`);
      return systeem ? EXIT.ONLEESBAAR : EXIT.INTERN;
    }
    return meldFout(e, debug);
  }
}
