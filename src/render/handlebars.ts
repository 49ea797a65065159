import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { leesKleinBestand } from '../ingest/grenzen.js';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { nlDatum } from '../model/datum.js';
import { nlGetal } from '../model/getal.js';
import { Rational } from '../model/rational.js';
import { mdTekst, mdVeilig } from './markdown.js';

export const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** How every template is compiled, at build time (scripts/precompileer-templates.mjs) and at run time alike. */
export const COMPILEER_OPTIES = { noEscape: true, strict: false, preventIndent: true } as const;

type Spec = { bron: string; spec: Parameters<typeof Handlebars.template>[0] };
const require = createRequire(import.meta.url);
const gebouwdeMappen = new Map<string, Record<string, Spec> | null>();

/**
 * A built-in template as compiled by `npm run build` (dist/render/templates/<map>.cjs, one file per
 * folder of templates/, so that a document loads only its own). Absent when running from the sources
 * (tests); a template whose source is no longer the source it was compiled from is compiled instead,
 * never shown stale. The whole source is kept and compared, not a hash of it: comparing two strings
 * needs nothing loaded, where SHA-1 brought node:crypto (some 20 of Node's modules) to every run.
 */
function gebouwd(pad: string, bron: string): Spec['spec'] | undefined {
  const rel = path.relative(TEMPLATES, pad).split(path.sep);
  if (rel.length !== 2 || rel[0] === '..') return undefined;
  const [map, f] = rel as [string, string];
  if (!gebouwdeMappen.has(map)) {
    let inhoud: Record<string, Spec> | null = null;
    try {
      // By way of dist/render, so that the bundle in dist/bundel (scripts/bundel.mjs) finds them too.
      inhoud = require(`../render/templates/${map}.cjs`) as Record<string, Spec>;
    } catch {
      // not built: compile at run time
    }
    gebouwdeMappen.set(map, inhoud);
  }
  const spec = gebouwdeMappen.get(map)?.[f];
  return spec && spec.bron === bron ? spec.spec : undefined;
}

/** A template problem the user can fix: names the file and, where Handlebars knows it, the line. */
export class TemplateFout extends Error {
  constructor(bericht: string) {
    super(bericht);
    this.name = 'TemplateFout';
  }
}

const getal = (x: unknown): Rational | undefined =>
  x instanceof Rational ? x : typeof x === 'number' && Number.isFinite(x) ? Rational.fromNumber(x) : undefined;

/**
 * A text made by concatenation is a tree of its pieces in V8 (a cons string): a table row of twenty
 * pieces some 1,2 KB instead of its 140 characters, kept so until the whole document is read once.
 * Reading its last character makes V8 flatten it into one run of characters (measured: 200.000 such
 * rows 252 MB and 0,86 s as trees, 44 MB and 0,20 s flattened). Elsewhere than V8 only a read.
 */
export function vlak(s: string): string {
  if (s.length > 0) s.charCodeAt(s.length - 1);
  return s;
}

/** Helpers for Dutch figures. None does I/O: a user's template can only format what the view holds. */
function registreerHelpers(hb: typeof Handlebars): void {
  // #each as Handlebars has it, each pass's text flattened as it is made (see `vlak`): the tables of
  // a UVP of 100.000 lines are 200.000 passes.
  const each = hb.helpers.each!;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    if (!options?.fn) return each.call(this, context, options);
    const fn = options.fn;
    return each.call(this, context, { ...options, fn: (ctx: unknown, o?: Handlebars.RuntimeOptions) => vlak(fn(ctx, o)) });
  });
  const opt = (args: unknown[]) => args.slice(0, -1);
  // A template's decimals are a number from 0 to 10: `{{getal x 100000000}}` would build a string of
  // a hundred million digits (50 s); beyond 10 is a template error that names the value.
  const decimalen = (d: unknown, standaard: number): number => {
    if (typeof d !== 'number') return standaard;
    if (!Number.isInteger(d) || d < 0 || d > 10) throw new Error(`het aantal decimalen ${d} moet een geheel getal van 0 tot 10 zijn`);
    return d;
  };
  hb.registerHelper('getal', (x: unknown, ...rest: unknown[]) => {
    const [d] = opt(rest);
    const r = getal(x);
    return r ? nlGetal(r, decimalen(d, 2), typeof d === 'number') : '';
  });
  // A figure that may be unknown: "onbekend", never an empty cell a reader takes for 0.
  hb.registerHelper('bekend', (x: unknown, ...rest: unknown[]) => {
    const [d] = opt(rest);
    const r = getal(x);
    return r ? nlGetal(r, decimalen(d, 2), typeof d === 'number') : 'onbekend';
  });
  hb.registerHelper('uren', (x: unknown) => {
    const r = getal(x);
    return r ? nlGetal(r, 2) : '';
  });
  hb.registerHelper('procent', (x: unknown, ...rest: unknown[]) => {
    const [d] = opt(rest);
    const r = getal(x);
    return r ? `${nlGetal(r, decimalen(d, 1))}%` : '';
  });
  // An amount in euros with cents, as the Dutch write it: € 63.375,29; an unknown amount says so.
  hb.registerHelper('euro', (x: unknown) => {
    const r = getal(x);
    return r ? `€ ${nlGetal(r, 2, true)}` : 'onbekend';
  });
  hb.registerHelper('datum', (x: unknown) => (x instanceof Date ? nlDatum(x) : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // After a colon a sentence goes on in lower case ("Wat eraan gebeurt: de tweede …"), unless it starts with a name or an abbreviation.
  hb.registerHelper('kleineLetter', (x: unknown) => (typeof x === 'string' && /^\p{Lu}\p{Ll}/u.test(x) ? x[0]!.toLowerCase() + x.slice(1) : x));
  // A Rational is an object, so `#if` would take a zero as true: `nietNul` asks the figure itself.
  hb.registerHelper('nietNul', (...args: unknown[]) => opt(args).some((x) => { const r = getal(x); return r !== undefined && !r.isZero(); }));
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  // View strings are already Markdown-safe; `md` is for text a template builds itself.
  hb.registerHelper('md', (x: unknown) => (typeof x === 'string' ? mdTekst(x) : ''));
}

/** Handlebars reports the place as `lineNumber` or in the message ("Parse error on line 5", "- 3:3"). */
function regelVan(e: unknown): string {
  const err = e as { lineNumber?: number; message?: string };
  if (typeof err.lineNumber === 'number') return `, regel ${err.lineNumber}`;
  const m = /on line (\d+)/.exec(err.message ?? '') ?? /- (\d+):\d+\s*$/.exec(err.message ?? '');
  return m ? `, regel ${m[1]}` : '';
}

/** One template: the built-in ones are a few KB; a megabyte is a mistake, not a document. */
export const MAX_TEMPLATE = 1024 * 1024;

function lijst(map: string): string[] {
  return existsSync(map) ? readdirSync(map).filter((f) => f.endsWith('.hbs')).sort() : [];
}

/**
 * Loads a document's templates: built-in `templates/<document>/*.hbs` and `templates/gedeeld/*.hbs`,
 * each overridable by a file of the same name in `eigen`. Every file is a partial named after its
 * file name without `.md.hbs`; the main template is `<document>.md.hbs`.
 */
export function laadTemplates(document: string, eigen?: string): (view: unknown) => string {
  const bronnen = new Map<string, string>();
  for (const map of [path.join(TEMPLATES, 'gedeeld'), path.join(TEMPLATES, document)]) {
    for (const f of lijst(map)) bronnen.set(f, path.join(map, f));
  }
  if (eigen) {
    if (!existsSync(eigen)) throw new TemplateFout(`templatemap "${eigen}" bestaat niet`);
    for (const f of lijst(eigen)) bronnen.set(f, path.join(eigen, f));
  }
  const hoofd = `${document}.md.hbs`;
  if (!bronnen.has(hoofd)) throw new TemplateFout(`template ${hoofd} ontbreekt`);
  const delen = [...bronnen].map(([f, pad]) => {
    const gelezen = leesKleinBestand(pad, MAX_TEMPLATE);
    if ('reden' in gelezen) throw new TemplateFout(`template ${pad} ${gelezen.reden}`);
    const bron = gelezen.inhoud.toString('utf8');
    return { f, pad, bron, spec: gebouwd(pad, bron) };
  });
  // Only the runtime (half the load time, and no compiling) when every template was compiled at build time.
  const alleKlaar = delen.every((d) => d.spec);
  // The runtime as the package's single-file build: one file to load instead of twenty (10 ms, not 35).
  const pakket = require(alleKlaar ? 'handlebars/dist/handlebars.runtime.js' : 'handlebars') as typeof Handlebars & { default?: typeof Handlebars };
  const hb = (pakket.default ?? pakket).create();
  registreerHelpers(hb);
  const gecompileerd = new Map<string, Handlebars.TemplateDelegate>();
  for (const { f, pad, bron, spec } of delen) {
    let t: Handlebars.TemplateDelegate;
    if (spec) t = hb.template(spec);
    else {
      try {
        hb.parse(bron);
      } catch (e) {
        throw new TemplateFout(`fout in template ${pad}${regelVan(e)}: ${inHetNederlands((e as Error).message)}`);
      }
      t = hb.compile(bron, COMPILEER_OPTIES);
    }
    // Each template names its own file when filling it fails, so that an error in a user's partial
    // is not blamed on the built-in main template; the innermost name wins.
    const metNaam: Handlebars.TemplateDelegate = (context, opties) => {
      try {
        return t(context, opties);
      } catch (e) {
        if (e instanceof TemplateFout) throw e;
        throw new TemplateFout(`fout bij het invullen van ${pad}${regelVan(e)}: ${inHetNederlands((e as Error).message)}`);
      }
    };
    gecompileerd.set(f, metNaam);
    hb.registerPartial(f.replace(/\.md\.hbs$|\.hbs$/, ''), metNaam);
  }
  const main = gecompileerd.get(hoofd)!;
  return (view: unknown) => main(mdVeilig(view), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** Handlebars speaks English; the messages a template writer meets most, in Dutch (the rest as given). */
export function inHetNederlands(bericht: string): string {
  const eerste = bericht.split('\n')[0]!.trim();
  const vertalingen: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^Missing helper: "(.+)"$/, (m) => `onbekende helper "${m[1]}" (vth kent getal, bekend, uren, procent, datum, eq, gt, nietNul en md)`],
    [/^#(\w+) requires exactly one argument$/, (m) => `#${m[1]} heeft precies één waarde nodig`],
    [/^Must pass iterator to #each$/, () => '#each heeft een lijst nodig'],
    [/^The partial (.+) could not be found$/, (m) => `het deel (partial) "${m[1]}" bestaat niet`],
    [/^Parse error on line (\d+):?$/, () => 'de template klopt niet (een {{ … }} die niet sluit of niet past)'],
    [/^Parse error on line \d+:?\s*(.*)$/, () => 'de template klopt niet (een {{ … }} die niet sluit of niet past)'],
    [/^(\w+) doesn't match (\w+)( - \d+:\d+)?$/, (m) => `{{/${m[2]}}} sluit {{#${m[1]}}} niet af`],
  ];
  for (const [re, zin] of vertalingen) {
    const m = re.exec(eerste);
    if (m) return zin(m);
  }
  return eerste;
}
