/**
 * V8 for a run of vth: its code cache for vth's bundle and the CommonJS packages it loads, and its
 * flags for a command's run.
 *
 * CommonJS on purpose (a .cts file, built to dist/cli/v8.cjs): bin/vth.js requires it before the
 * bundle, and a CommonJS module loads without Node's ES module loader.
 *
 * Why a code cache. On Node 20 every start compiles vth's JavaScript again: for `vth uvp --format md`
 * on the example some 1,2 MB of source, each function when it first runs. V8 can keep what it compiled
 * (`script.createCachedData()`) and take it back in a later run (`new vm.Script(…, { cachedData })`),
 * which is what Node 22's `module.enableCompileCache()` does and what Node 20 lacks. `npm run build`
 * runs some commands on the example with the cache being written (scripts/bundel.mjs); a user's run only
 * reads it. Measured in docs/architecture.md ("One bundle and V8's code cache").
 *
 * When the cache is not used. A file that is not the file the cache was made from, a cache V8 rejects
 * (another Node, other flags), a file outside vth's folder, one that is not CommonJS, or one that
 * mentions `import(`: each is compiled as Node would, and runs the same. Only the time differs.
 * - Which file: V8 itself only compares a source's length. The cache's name holds the file's inode,
 *   size and ctime, which every write of the file changes (npm gives all its files one fixed mtime,
 *   so the mtime would not do), so no text is read twice or hashed (node:crypto and node:zlib would
 *   cost `vth --help` some 4 and 2 ms to load).
 * - `import(`: on Node 20 a script taken from the cache has lost its callback for import() ("A
 *   dynamic import callback was not specified", tried in two processes); vth's own code has none.
 */
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');

/** vth's folder (this file is dist/cli/v8.cjs): only its own files and its packages are cached. */
const WORTEL = path.resolve(__dirname, '../..') + path.sep;
/** Where `npm run build` leaves the cache. */
export const CACHEMAP = path.resolve(__dirname, '../codecache');

interface ModuleIntern {
  exports: unknown;
  filename: string;
  require(id: string): unknown;
  _compile(inhoud: string, bestand: string, formaat?: string): unknown;
}
type ModuleKlasse = typeof import('node:module') & {
  prototype: ModuleIntern;
  wrap(s: string): string;
  _resolveFilename(verzoek: string, ouder: ModuleIntern, isMain: boolean, opties?: unknown): string;
  _resolveLookupPaths(verzoek: string, ouder: ModuleIntern): string[] | null;
  _cache: Record<string, unknown>;
  _extensions: Record<string, unknown>;
};

/** Whether the cache is being written (only by scripts/bundel.mjs, through VTH_CODECACHE=schrijven). */
let schrijven = false;
/** Written: the scripts compiled before V8's flags were set, and those after (see zetV8Vlaggen). */
const voorVlaggen: [string, vm.Script][] = [];
const naVlaggen: [string, vm.Script][] = [];
let vlaggenGezet = false;
/** What the cache did in this run, for the test and `VTH_CODECACHE=tel`. */
export const telling = { gebruikt: 0, afgewezen: 0, zonder: 0, node: 0 };

/** The cache's file for a source file: its place in vth's folder, and which file it is (see above). */
function cacheNaam(bestand: string): string | undefined {
  const st = fs.statSync(bestand, { throwIfNoEntry: false });
  if (!st) return undefined;
  return `${bestand.slice(WORTEL.length).split(path.sep).join('~')}.${st.ino}.${st.size}.${st.ctimeMs}`;
}

/**
 * Compiles vth's CommonJS files with V8's code cache from here on. Called once by bin/vth.js, before
 * the bundle loads; does nothing when Node lacks what it needs (the files then compile as always).
 */
export function installeerCodeCache(): void {
  const Module = require('node:module') as ModuleKlasse;
  const origineel = Module.prototype._compile;
  if (typeof origineel !== 'function' || typeof Module.wrap !== 'function') return;
  const modus = process.env.VTH_CODECACHE;
  schrijven = modus === 'schrijven';
  if (modus === 'tel') process.on('exit', () => fs.writeSync(2, `codecache ${JSON.stringify(telling)}\n`));
  if (schrijven) process.on('exit', () => schrijfCache([...(vlaggenGezet ? [] : voorVlaggen), ...naVlaggen]));

  Module.prototype._compile = function (this: ModuleIntern, inhoud: string, bestand: string, formaat?: string) {
    const naam =
      formaat !== 'module' && bestand.startsWith(WORTEL) && (bestand.endsWith('.js') || bestand.endsWith('.cjs')) && !inhoud.includes('import(')
        ? cacheNaam(bestand)
        : undefined;
    if (!naam) {
      if (bestand.startsWith(WORTEL)) telling.node++;
      return origineel.call(this, inhoud, bestand, formaat);
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(path.join(CACHEMAP, naam));
    } catch {
      // no cache for this file: compiled as usual
    }
    let script: vm.Script;
    try {
      // A first line `#!…` is allowed only at the very start of a script; as a comment it keeps every
      // position in the file the same, for stack traces.
      script = new vm.Script(Module.wrap(inhoud.startsWith('#!') ? `//${inhoud}` : inhoud), {
        filename: bestand,
        cachedData,
      });
    } catch (e) {
      // Not a CommonJS script after all (ES module syntax in a .js file): Node decides, as without us.
      if (e instanceof SyntaxError) return origineel.call(this, inhoud, bestand, formaat);
      throw e;
    }
    if (!cachedData) telling.zonder++;
    else if (script.cachedDataRejected) telling.afgewezen++;
    else telling.gebruikt++;
    if (schrijven) (vlaggenGezet ? naVlaggen : voorVlaggen).push([naam, script]);

    const mod = this;
    const vereis = ((id: string) => mod.require(id)) as NodeJS.Require;
    const resolve = ((verzoek: string, opties?: unknown) => Module._resolveFilename(verzoek, mod, false, opties)) as NodeJS.RequireResolve;
    resolve.paths = (verzoek: string) => Module._resolveLookupPaths(verzoek, mod);
    vereis.resolve = resolve;
    vereis.main = require.main;
    vereis.cache = Module._cache as NodeJS.Require['cache'];
    vereis.extensions = Module._extensions as NodeJS.Require['extensions'];
    const omhulsel = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return omhulsel.call(mod.exports, mod.exports, vereis, mod, bestand, path.dirname(bestand));
  };
}

/** Writes what V8 compiled for these scripts, each file whole or not at all. */
function schrijfCache(scripts: [string, vm.Script][]): void {
  fs.mkdirSync(CACHEMAP, { recursive: true });
  for (const [naam, script] of scripts) {
    const doel = path.join(CACHEMAP, naam);
    fs.writeFileSync(`${doel}.${process.pid}.tmp`, script.createCachedData());
    fs.renameSync(`${doel}.${process.pid}.tmp`, doel);
  }
}

/**
 * V8's settings for a command's run, set before it reads anything (not for `--help` or `--version`,
 * where loading node:v8 and its heap utilities would be a fifth of what the help costs).
 *
 * V8 takes a cache only under the flags it was made under. The files loaded before this (the bundle's
 * entry and commander, for the help and every command alike) are therefore cached here, before the
 * flags change, when the cache is being written; the files a command loads after, at its end.
 */
export function zetV8Vlaggen(): void {
  if (schrijven && !vlaggenGezet) schrijfCache(voorVlaggen);
  vlaggenGezet = true;
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  // Let the heap grow by 20% between collections instead of V8's default (up to double): a werkmap of
  // 100.000 lines then peaks at about 430 MB instead of 690 MB, and a 1.000.000-row case export at
  // 126 MB instead of 171 MB, for some 5% more time. A tuning of the collector only; it takes effect
  // for the heap's growth from here on (the heap is a few MB when a command starts).
  setFlagsFromString('--heap-growing-percent=20');
  // Let a function run 8 times longer before V8 considers optimising it with TurboFan (the budget is
  // 67584 by default). A run of vth is short and its code is cold: at the default, TurboFan compiles
  // dozens of functions that have run a few hundred times and are then done, at more cost than it
  // saves. With this, `vth uvp --format md` on the example takes some 15% less CPU time; on 100.000
  // lines or a 1.000.000-row export the hot loops are still optimised, a few milliseconds later, and
  // the runs take as long as before (measured in docs/architecture.md, "Lazy commands").
  setFlagsFromString(`--interrupt-budget=${8 * 67584}`);
}
