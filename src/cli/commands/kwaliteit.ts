import type { ChalkInstance } from 'chalk';
import { beoordeelKwaliteit } from '../../compute/kwaliteit.js';
import { sorteerMeldingen } from '../../model/melding.js';
import { kwaliteitView, type KwaliteitView } from '../../report/kwaliteit.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout } from '../fouten.js';
import { isStil } from '../looptijd.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { schrijfJson, schrijfOfToon, schrijfWerkboek } from '../schrijf.js';
import { formatteerMeldingen, kleuren, kort, tekstTabel, zonderKleur } from '../uitvoer.js';

export interface KwaliteitOpties {
  format: 'tabel' | 'md' | 'xlsx' | 'json';
  output?: string;
  force?: boolean;
  /** A case export with a column medewerker: the hours per person per area come from it. */
  zaken?: string;
}

function kwaliteitTabel(v: KwaliteitView, c: ChalkInstance): string {
  const kleur = (o: string) => (o === 'voldoet' ? c.green(o) : o === 'voldoet niet' ? c.red(o) : o === 'niet te beoordelen' ? c.gray(o) : o === 'gemotiveerd afgeweken' ? c.yellow(o) : c.cyan(o));
  const tabel = tekstTabel(
    ['gebied', 'norm', 'medewerkers', 'gekwalificeerd', 'oordeel'],
    v.gebieden.map((g) => [kort(g.gebied, 40), kort(g.normTekst, 50), String(g.medewerkers), g.oordeel === 'elders belegd' ? kort(g.belegdBij, 30) : `${g.gekwalificeerd}${g.nodig !== undefined ? ` van ${g.nodig}` : ''}`, kleur(g.oordeel)]),
    [false, false, true, true, false],
    c,
  );
  const regels = [`${v.titel}${v.versie ? ` (${v.versie})` : ''}`, '', tabel, '', v.telling.filter((t) => t.aantal).map((t) => `${kleur(t.oordeel)}: ${t.aantal}`).join('   ')];
  for (const g of v.gebieden) {
    const details = [
      ...g.tekort.map((t) => `  ${t.medewerker}: ${t.tekst}`),
      ...g.onbekend.map((o) => `  ${o.medewerker}: onbekend: ${o.ontbreekt.join(', ')}`),
      ...(g.oordeel === 'niet te beoordelen' && !g.onbekend.length ? [`  ontbreekt: ${g.ontbreekt.join('; ')}`] : []),
      ...(g.motivering && g.oordeel === 'gemotiveerd afgeweken' ? [`  motivering: ${g.motivering}`] : []),
    ];
    if (details.length) regels.push('', c.bold(`${g.gebied}: ${g.oordeel}`), ...details);
  }
  return regels.join('\n');
}

/**
 * `vth kwaliteit`: the kritieke massa per deskundigheidsgebied. A check command: exit 1 when an area
 * falls short without a motivation or cannot be judged, after writing what was asked.
 */
export async function kwaliteitOpdracht(pad: string, opts: KwaliteitOpties): Promise<number> {
  const wm = await laadWerkmap(pad);
  let exportUren;
  if (opts.zaken) {
    const { kcUrenUitZaken } = await import('../../laden/kwaliteit.js');
    const u = await kcUrenUitZaken(opts.zaken, wm);
    const getoond = isStil() ? u.meldingen.filter((m) => m.niveau === 'fout') : u.meldingen.filter((m) => m.niveau !== 'melding');
    if (getoond.length) process.stderr.write(formatteerMeldingen(getoond, kleuren(process.stderr)) + '\n');
    if (u.probleem) throw new GebruikFout(u.probleem);
    if (!isStil()) process.stderr.write(`${u.samenvatting}\n`);
    exportUren = u.exportUren;
  }
  const r = beoordeelKwaliteit(wm, exportUren);
  if (!meldVoorOpdracht([...wm.meldingen, ...(r?.meldingen ?? [])], wm, ['Instellingen', 'Kwaliteitscriteria', 'Medewerkers'], ['Kwaliteitscriteria', 'Medewerkers']) || !r) return EXIT.PROBLEEM;
  // A check that passes on nothing would say "in order" about criteria nobody entered.
  if (r.gebieden.length === 0) {
    process.stderr.write('blad Kwaliteitscriteria heeft geen deskundigheidsgebieden: er is niets te beoordelen. Neem de vastgestelde tabel over (zie vth init).\n');
    return EXIT.PROBLEEM;
  }
  const view = kwaliteitView(r, wm.instellingen.gemeente ?? '', wm.instellingen.jaar ?? '');
  const meldingen = sorteerMeldingen([...wm.meldingen, ...r.meldingen].filter((m) => m.plaats.blad === wm.bladen.Kwaliteitscriteria?.blad || m.plaats.blad === wm.bladen.Medewerkers?.blad));
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(kwaliteitTabel(view, opts.output ? zonderKleur : kleuren()), opts);
      break;
    case 'json': {
      const { kwaliteitJson } = await import('../../render/kwaliteit-json.js');
      await schrijfJson(kwaliteitJson(view, meldingen), opts);
      break;
    }
    case 'md':
      await schrijfOfToon(laadTemplates('kwaliteit')({ kwaliteit: view }), opts);
      break;
    case 'xlsx':
      await schrijfWerkboek(opts, 'kwaliteitscriteria.xlsx', async (wb) => {
        const { voegKwaliteitBladenToe } = await import('../../render/kwaliteit-xlsx.js');
        wb.title = view.titel;
        wb.koptekst = view.titel;
        voegKwaliteitBladenToe(wb, view);
      });
      break;
  }
  if (opts.output) process.stderr.write(`geschreven: ${opts.output}\n`);
  return view.open.length ? EXIT.PROBLEEM : EXIT.OK;
}
