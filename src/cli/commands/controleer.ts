import { controleer } from '../../compute/controle.js';
import { telMeldingen, sorteerMeldingen } from '../../model/melding.js';
import { EXIT } from '../fouten.js';
import { laadWerkmap } from '../laad.js';
import { isStil } from '../looptijd.js';
import { formatteerMeldingen, kleuren, meldingJson, samenvattingTekst } from '../uitvoer.js';

export async function controleerOpdracht(pad: string, opts: { json?: boolean; alle?: boolean }): Promise<number> {
  const wm = await laadWerkmap(pad);
  const meldingen = controleer(wm);
  const telling = telMeldingen(meldingen);
  if (opts.json) {
    const uit = {
      meldingen: sorteerMeldingen(meldingen).map(meldingJson),
      samenvatting: {
        werkmap: pad,
        gemeente: wm.instellingen.gemeente ?? null,
        jaar: wm.instellingen.jaar ?? null,
        bladen: Object.keys(wm.bladen),
        fouten: telling.fout,
        waarschuwingen: telling.waarschuwing,
        meldingen: telling.melding,
      },
    };
    process.stdout.write(JSON.stringify(uit, null, 2) + '\n');
  } else {
    const c = kleuren();
    const tekst = formatteerMeldingen(isStil() ? meldingen.filter((m) => m.niveau === 'fout') : meldingen, c, !!opts.alle);
    if (tekst) process.stdout.write(tekst + '\n\n');
    const wie = [wm.instellingen.gemeente, wm.instellingen.jaar].filter(Boolean).join(' ');
    const oordeel = telling.fout > 0 ? c.red('niet in orde') : c.green('in orde');
    const verborgen = !opts.alle && telling.melding > 0 ? ' (meldingen tonen met --alle)' : '';
    process.stdout.write(`${wie ? wie + ': ' : ''}werkmap ${oordeel}: ${samenvattingTekst(meldingen)}${verborgen}\n`);
  }
  return telling.fout > 0 ? EXIT.PROBLEEM : EXIT.OK;
}
