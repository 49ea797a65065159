import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { melding, type Melding } from './melding.js';
import { lijktOpProductcode, parseProductcode, TAAKVELDEN, taakveldPrefix } from './productcode.js';
import type { ProgrammaRegel, Subtotaal } from './types.js';

export const PRODUCT_KOLOMMEN = [
  { veld: 'code', naam: 'code', aliassen: ['productcode', 'pdc code', 'pdc'] },
  { veld: 'product', naam: 'product', aliassen: ['omschrijving', 'productnaam', 'activiteit'], verplicht: true },
  { veld: 'taakveld', naam: 'taakveld', aliassen: ['taak'] },
  { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder', 'team'] },
  { veld: 'aantal', naam: 'aantal', aliassen: ['prognose', 'verwacht aantal'] },
  { veld: 'kental', naam: 'kental', aliassen: ['normtijd', 'kengetal', 'norm'] },
  { veld: 'uren', naam: 'uren', aliassen: ['totaal', 'totaal uren', 'uren totaal'] },
  { veld: 'prioriteit', naam: 'prioriteit', aliassen: ['risico', 'klasse'] },
  { veld: 'wettelijk', naam: 'wettelijk', aliassen: ['wettelijke taak', 'wettelijk verplicht'] },
  { veld: 'opmerking', naam: 'opmerking', aliassen: ['opmerkingen', 'toelichting'] },
] as const;

export function leesProducten(tabel: Tabel): { regels: ProgrammaRegel[]; subtotalen: Subtotaal[]; meldingen: Melding[] } {
  const subtotalen: Subtotaal[] = [];
  let sindsVorige: number[] = [];
  let volgnummer = 0;
  const { items, meldingen } = leesBlad(tabel, PRODUCT_KOLOMMEN, (v, r): ProgrammaRegel | undefined => {
    const code = v.tekst('code');
    const product = v.tekst('product');
    if (code === '' && /^totaal\b/i.test(product)) {
      subtotalen.push({ plaats: r.plaats('uren'), tekst: product, uren: v.getal('uren'), regels: sindsVorige });
      sindsVorige = [];
      return undefined;
    }
    if (product === '') {
      v.meldingen.push(melding('fout', 'waarde-leeg', `regel${code ? ` ${code}` : ''} heeft geen productnaam`, r.plaats('product')));
    }
    let productcode = undefined;
    if (code !== '') {
      productcode = parseProductcode(code) ?? undefined;
      if (!productcode && lijktOpProductcode(code)) {
        v.meldingen.push(
          melding('waarschuwing', 'code-onjuist', `code "${code}" is geen geldige productcode (zoals A1.17.00 of A4.19)`, r.plaats('code')),
        );
      }
    }
    const eigenTaakveld = v.tekst('taakveld');
    let taakveld = eigenTaakveld;
    let taakveldBron: ProgrammaRegel['taakveldBron'] = 'kolom';
    if (eigenTaakveld === '') {
      const prefix = productcode?.taakveld;
      taakveld = prefix && TAAKVELDEN[prefix] ? TAAKVELDEN[prefix]! : '';
      taakveldBron = taakveld ? 'code' : 'geen';
      if (!taakveld) {
        v.meldingen.push(
          melding('waarschuwing', 'taakveld-onbekend', `regel "${product || code}" heeft geen taakveld en de code geeft er geen`, r.plaats('taakveld')),
        );
      }
    } else if (productcode) {
      const prefix = taakveldPrefix(eigenTaakveld);
      if (prefix && TAAKVELDEN[productcode.taakveld] && prefix !== productcode.taakveld) {
        v.meldingen.push(
          melding(
            'waarschuwing',
            'code-taakveld',
            `code ${code} hoort volgens het voorvoegsel bij ${TAAKVELDEN[productcode.taakveld]} (${productcode.taakveld}), maar de regel staat bij ${eigenTaakveld}; de regel blijft bij ${eigenTaakveld}`,
            r.plaats('code'),
          ),
        );
      }
    }
    const aantal = v.getal('aantal', { nietNegatief: true });
    const kental = v.getal('kental', { nietNegatief: true });
    const uren = v.getal('uren', { nietNegatief: true });
    const regel: ProgrammaRegel = {
      plaats: r.plaats(),
      volgnummer: volgnummer++,
      code: code || undefined,
      productcode,
      product,
      taakveld,
      taakveldBron,
      afdeling: v.tekst('afdeling') || undefined,
      aantal,
      kental,
      uren,
      prioriteit: v.tekst('prioriteit') || undefined,
      wettelijk: v.jaNee('wettelijk'),
      opmerking: v.tekst('opmerking') || undefined,
      kolomPlaatsen: {
        aantal: r.heeft('aantal') ? r.plaats('aantal') : undefined,
        kental: r.heeft('kental') ? r.plaats('kental') : undefined,
        uren: r.heeft('uren') ? r.plaats('uren') : undefined,
        afdeling: r.heeft('afdeling') ? r.plaats('afdeling') : undefined,
        code: r.heeft('code') ? r.plaats('code') : undefined,
        prioriteit: r.heeft('prioriteit') ? r.plaats('prioriteit') : undefined,
      },
    };
    sindsVorige.push(regel.volgnummer);
    return regel;
  });
  // Duplicate codes: not a unique key in real programmes, but usually a mistake.
  const perCode = new Map<string, ProgrammaRegel>();
  for (const r of items) {
    if (!r.code) continue;
    const eerder = perCode.get(r.code.toUpperCase());
    if (eerder) {
      meldingen.push(
        melding('waarschuwing', 'code-dubbel', `code ${r.code} komt ook voor op rij ${eerder.plaats.rij} ("${eerder.product}")`, r.kolomPlaatsen.code ?? r.plaats),
      );
    } else perCode.set(r.code.toUpperCase(), r);
  }
  return { regels: items, subtotalen, meldingen };
}
