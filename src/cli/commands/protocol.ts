import { berekenProtocol, type ProtocolUitkomst } from '../../compute/protocol.js';
import { nlGetal } from '../../model/getal.js';
import { melding, type Melding } from '../../model/melding.js';
import { laadTemplates } from '../../render/handlebars.js';
import { protocolView } from '../../report/protocol.js';
import { EXIT } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { schrijfOfToon } from '../schrijf.js';
import { kleuren, tekstTabel, zonderKleur } from '../uitvoer.js';
import type { Kleuren } from '../kleur.js';

export interface ProtocolOpties {
  format: 'tabel' | 'md' | 'json';
  output?: string;
  force?: boolean;
}

function tabel(p: ProtocolUitkomst, c: Kleuren): string {
  const niveaus = p.klassen[0]?.perNiveau.map((n) => n.niveau) ?? [];
  const rijen = p.klassen.map((k) => [k.klasse, ...k.perNiveau.map((n) => String(n.items)), nlGetal(k.minuten, 1), c.bold(nlGetal(k.uren, 2))]);
  return tekstTabel(['klasse', ...niveaus.map((n) => `niveau ${n}`), 'minuten', 'uren per project'], rijen, [false, ...niveaus.map(() => true), true, true], c);
}

export async function protocolOpdracht(pad: string, opts: ProtocolOpties): Promise<number> {
  const wm = await laadWerkmap(pad);
  const p = wm.toezichtprotocol && wm.niveaus ? berekenProtocol(wm.toezichtprotocol.items, wm.toezichtprotocol.klassen, wm.niveaus) : undefined;
  const meldingen: Melding[] = [...wm.meldingen, ...(p?.meldingen ?? []).map((m) => (m.plaats.bestand ? m : melding(m.niveau, m.code, m.bericht, wm.bladen.Niveaus ?? { bestand: wm.pad })))];
  if (!meldVoorOpdracht(meldingen, wm, ['Instellingen', 'Toezichtprotocol', 'Niveaus'], ['Toezichtprotocol', 'Niveaus']) || !p) return EXIT.PROBLEEM;
  const gemeente = wm.instellingen.gemeente ?? '';
  const titel = `Toezichtprotocol: uren per risicoklasse${gemeente ? `, gemeente ${gemeente}` : ''}`;
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(`${titel}\n\n${tabel(p, opts.output ? zonderKleur : kleuren())}`, opts);
      break;
    case 'json':
      await schrijfOfToon(
        JSON.stringify(
          {
            gemeente,
            items: wm.toezichtprotocol!.items.length,
            vastMinuten: p.vast.toNumber(),
            perKlasse: p.klassen.map((k) => ({ klasse: k.klasse, uren: k.uren.toNumber(), minuten: k.minuten.toNumber(), items: Object.fromEntries(k.perNiveau.map((n) => [n.niveau, n.items])) })),
          },
          null,
          2,
        ),
        opts,
      );
      break;
    case 'md':
      await schrijfOfToon(laadTemplates('protocol')({ titel, protocol: protocolView(p, wm.toezichtprotocol!.items, wm.toezichtprotocol!.klassen, wm.niveaus ?? []) }), opts);
      break;
  }
  if (opts.output) process.stderr.write(`geschreven: ${opts.output}\n`);
  return EXIT.OK;
}
