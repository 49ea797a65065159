import { isLeeg, type Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { isTotaalTekst } from './totaal.js';
import { lijktOpProductcode, parseProductcode, TAAKVELDEN, taakveldPrefix } from './productcode.js';
import type { ProgrammaRegel, Subtotaal } from './types.js';

export const PRODUCT_KOLOMMEN = [
  { veld: 'code', naam: 'code', aliassen: ['productcode', 'pdc code', 'pdc'] },
  { veld: 'product', naam: 'product', aliassen: ['omschrijving', 'productnaam', 'activiteit'], verplicht: true },
  { veld: 'taakveld', naam: 'taakveld', aliassen: ['taak'] },
  { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder', 'team'] },
  { veld: 'aantal', naam: 'aantal', aliassen: ['prognose', 'verwacht aantal', 'aantal verwacht', 'geraamd aantal'], getal: 'aantal' },
  { veld: 'kental', naam: 'kental', aliassen: ['normtijd', 'kengetal', 'norm', 'kental uren'], getal: 'uren' },
  { veld: 'uren', naam: 'uren', aliassen: ['totaal', 'totaal uren', 'uren totaal', 'benodigde uren', 'capaciteit uren'], getal: 'uren-of-fte' },
  { veld: 'prioriteit', naam: 'prioriteit', aliassen: ['risico', 'klasse'] },
  { veld: 'wettelijk', naam: 'wettelijk', aliassen: ['wettelijke taak', 'wettelijk verplicht'] },
  { veld: 'opmerking', naam: 'opmerking', aliassen: ['opmerkingen', 'toelichting'] },
  { veld: 'doel', naam: 'doel', aliassen: ['doelen', 'draagt bij aan', 'bijdrage aan doel'] },
  { veld: 'vast', naam: 'vast', aliassen: ['aantal vast'] },
  { veld: 'risicoklasse', naam: 'risicoklasse', aliassen: ['rk', 'protocolklasse'] },
  { veld: 'gebied', naam: 'gebied', aliassen: ['deskundigheidsgebied'] },
  { veld: 'deelnemer', naam: 'deelnemer', aliassen: ['gemeente', 'bevoegd gezag', 'opdrachtgever'] },
  { veld: 'prijs', naam: 'prijs', aliassen: ['vaste prijs', 'prijs per stuk', 'tarief'], getal: 'getal' },
] as const;

/** The prefixes of a code before each of its dots, upper case: `A2.09.01` → `A2`, `A2.09`. */
export function groepPrefixen(code: string): string[] {
  const c = code.toUpperCase();
  const uit: string[] = [];
  for (let i = c.indexOf('.'); i > 0; i = c.indexOf('.', i + 1)) uit.push(c.slice(0, i));
  return uit;
}

/** "KD1, KD3" or "KD1; KD3" → ids; undefined when empty. */
function doelIds(s: string): string[] | undefined {
  const ids = s.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  return ids.length ? ids : undefined;
}

const ALLEEN_GETAL = /^[\d\s.,]*$/;

/** A group or taakveld code without a product part: `A2`, `A2.09`. */
function groepscode(code: string): string | undefined {
  const m = /^([A-Z]\d{1,2})(\.\d{1,3})?$/i.exec(code.trim());
  return m ? code.trim().toUpperCase() : undefined;
}

export function leesProducten(tabel: Tabel): { regels: ProgrammaRegel[]; subtotalen: Subtotaal[]; meldingen: Melding[] } {
  const subtotalen: Subtotaal[] = [];
  let sindsVorige: number[] = [];
  /** Every group prefix of the codes seen so far (`A2` and `A2.09` of `A2.09.01`): a total row closes a group only if it has lines. */
  const groepen = new Set<string>();
  let volgnummer = 0;
  /** The taakveld a heading row ("Toezicht", "A2 Toezicht") sets for the lines below it. */
  let kop: { tekst: string; rij: number } | undefined;
  const { items, meldingen } = leesBlad(
    tabel,
    PRODUCT_KOLOMMEN,
    (v, r): ProgrammaRegel | undefined => {
      const code = v.tekst('code');
      const product = v.tekst('product');
      const leeg = (veld: 'aantal' | 'kental' | 'uren') => isLeeg(r.cel(veld));
      const groep = groepscode(code);
      const sluitGroep = groep !== undefined && groepen.has(groep);
      const alleenUren = code === '' && product === '' && leeg('aantal') && leeg('kental') && !leeg('uren');
      const totaal =
        isTotaalTekst(code) ||
        ((code === '' || groep !== undefined) && isTotaalTekst(product)) ||
        (sluitGroep && leeg('aantal') && leeg('kental') && !leeg('uren')) ||
        alleenUren;
      if (totaal) {
        const tekst = [code, product].filter(Boolean).join(' ') || `totaal op rij ${r.rij.rij}`;
        subtotalen.push({
          plaats: r.plaats('uren'),
          tekst,
          uren: v.getal('uren', { vergelijk: true }),
          regels: sindsVorige,
          regelsVoor: volgnummer,
          groep: sluitGroep ? groep : undefined,
        });
        sindsVorige = [];
        return undefined;
      }
      // A heading: text only, no figures and no afdeling. It names the taakveld of the lines below.
      if ((code === '' || groep !== undefined) && (product !== '' || code !== '') && leeg('aantal') && leeg('kental') && leeg('uren') && v.tekst('afdeling') === '') {
        const tekst = [code, product].filter(Boolean).join(' ');
        kop = { tekst, rij: r.rij.rij };
        const bekend = groep !== undefined || taakveldPrefix(tekst) !== null;
        v.meldingen.push(
          bekend
            ? melding('melding', 'kopregel', `"${tekst}" is een kopregel: de regels eronder horen bij dat taakveld`, r.plaats('product'))
            : melding('waarschuwing', 'kopregel', `"${tekst}" heeft geen aantal, kental of uren en is gelezen als kop boven de regels eronder; is het een regel, vul dan aantal en kental (of uren) in`, r.plaats('product')),
        );
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
      const kopPrefix = kop ? taakveldPrefix(kop.tekst.replace(/^[A-Z]\d\s+/i, '')) ?? taakveldPrefix(kop.tekst) : null;
      if (eigenTaakveld === '' && kop) {
        taakveld = kopPrefix ? TAAKVELDEN[kopPrefix]! : kop.tekst;
        taakveldBron = 'kop';
      }
      if (taakveld === '') {
        const prefix = productcode?.taakveld;
        taakveld = prefix && TAAKVELDEN[prefix] ? TAAKVELDEN[prefix]! : '';
        taakveldBron = taakveld ? 'code' : 'geen';
        if (!taakveld) {
          v.meldingen.push(
            melding('waarschuwing', 'taakveld-onbekend', `regel "${product || code}" heeft geen taakveld en de code geeft er geen`, r.plaats('taakveld')),
          );
        }
      } else if (productcode) {
        const prefix = taakveldPrefix(taakveld);
        if (prefix && TAAKVELDEN[productcode.taakveld] && prefix !== productcode.taakveld) {
          const waar = taakveldBron === 'kop' ? `onder de kop "${kop!.tekst}" (rij ${kop!.rij})` : `bij ${taakveld}`;
          v.meldingen.push(
            melding(
              'waarschuwing',
              'code-taakveld',
              `code ${code} hoort volgens het voorvoegsel bij ${TAAKVELDEN[productcode.taakveld]} (${productcode.taakveld}), maar de regel staat ${waar}; de regel blijft bij ${taakveld}`,
              r.plaats('code'),
            ),
          );
        }
      }
      const aantal = v.getal('aantal', { nietNegatief: true });
      // `protocol`: the kental is the hours per project the toezichtprotocol gives for the line's risk class.
      const kentalTekst = r.tekst('kental');
      // A figure is never the word: only text with something besides digits is normalised.
      const kentalProtocol = !ALLEEN_GETAL.test(kentalTekst) && normaliseerKop(kentalTekst) === 'protocol';
      const kental: ProgrammaRegel['kental'] = kentalProtocol ? { soort: 'geen', woord: 'protocol' } : v.getal('kental', { nietNegatief: true });
      // With aantal × kental, a line total is only compared: a formula without result there never blocks.
      const uren = v.getal('uren', { nietNegatief: true, vergelijk: aantal.soort === 'getal' && kental.soort === 'getal' });
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
        doelen: doelIds(v.tekst('doel')),
        aantalVast: v.jaNee('vast'),
        risicoklasse: v.tekst('risicoklasse') || undefined,
        gebied: v.tekst('gebied') || undefined,
        kentalProtocol,
        deelnemer: v.tekst('deelnemer') || undefined,
        prijs: r.heeft('prijs') ? v.getal('prijs', { nietNegatief: true }) : undefined,
        kolomPlaatsen: r.plaatsen(['aantal', 'kental', 'uren', 'afdeling', 'code', 'prioriteit', 'doel', 'risicoklasse', 'deelnemer', 'prijs']),
      };
      sindsVorige.push(regel.volgnummer);
      if (regel.code) for (const p of groepPrefixen(regel.code)) groepen.add(p);
      return regel;
    },
    { eigenTotalen: true },
  );
  houdRegelsInHunBlok(items, subtotalen, meldingen);
  // Duplicate codes: not a unique key in real programmes, but usually a mistake. An omgevingsdienst
  // plans the same product for each deelnemer: there the key is deelnemer and code.
  const perCode = new Map<string, ProgrammaRegel>();
  for (const r of items) {
    if (!r.code) continue;
    const sleutel = r.deelnemer ? `${r.deelnemer.toLowerCase()}|${r.code.toUpperCase()}` : r.code.toUpperCase();
    const eerder = perCode.get(sleutel);
    if (eerder) {
      meldingen.push(
        melding('waarschuwing', 'code-dubbel', `code ${r.code} komt ook voor op rij ${eerder.plaats.rij} ("${eerder.product}")`, r.kolomPlaatsen.code ?? r.plaats),
      );
    } else perCode.set(sleutel, r);
  }
  return { regels: items, subtotalen, meldingen };
}

/**
 * The user's layout beats the code's prefix. A block is the lines up to a total row (and the lines
 * after the last one). A line whose taakveld came from its code prefix, in a block where every other
 * line's prefix names one other taakveld, is a typo in the code (A3.02.05 among A2 lines above
 * "Totaal toezicht"): it stays in its block's taakveld, with a warning that names both.
 */
function houdRegelsInHunBlok(regels: ProgrammaRegel[], subtotalen: Subtotaal[], meldingen: Melding[]): void {
  const blokken: ProgrammaRegel[][] = [];
  const perVolgnummer = new Map(regels.map((r) => [r.volgnummer, r]));
  let gehad = 0;
  for (const s of subtotalen) {
    const blok = s.regels.map((v) => perVolgnummer.get(v)).filter((r): r is ProgrammaRegel => r !== undefined);
    if (blok.length) blokken.push(blok);
    gehad = Math.max(gehad, s.regelsVoor);
  }
  const rest = regels.filter((r) => r.volgnummer >= gehad);
  if (rest.length) blokken.push(rest);
  for (const blok of blokken) {
    const opCode = blok.filter((r) => r.taakveldBron === 'code' && r.productcode && TAAKVELDEN[r.productcode.taakveld]);
    // Counted once per block, not per line (a block of 100.000 lines would take 10^10 steps).
    const perPrefix = new Map<string, number>();
    for (const r of opCode) perPrefix.set(r.productcode!.taakveld, (perPrefix.get(r.productcode!.taakveld) ?? 0) + 1);
    // The others of a line all share one prefix that differs from its own only when the block holds
    // exactly two prefixes and the line's own occurs once.
    if (perPrefix.size !== 2) continue;
    for (const r of opCode) {
      const eigen = r.productcode!.taakveld;
      if (perPrefix.get(eigen) !== 1) continue;
      const blokPrefix = [...perPrefix.keys()].find((p) => p !== eigen)!;
      const anderen = perPrefix.get(blokPrefix)!;
      // At least two others, all with one prefix, and this line's differs.
      if (anderen < 2) continue;
      meldingen.push(
        melding(
          'waarschuwing',
          'code-taakveld',
          `code ${r.code} hoort volgens het voorvoegsel bij ${TAAKVELDEN[eigen]} (${eigen}), maar de regel staat tussen ${anderen} regels van ${TAAKVELDEN[blokPrefix]} (${blokPrefix}) in hetzelfde blok; de regel blijft bij ${TAAKVELDEN[blokPrefix]}. Is de code een tikfout?`,
          r.kolomPlaatsen.code ?? r.plaats,
        ),
      );
      r.taakveld = TAAKVELDEN[blokPrefix]!;
      r.taakveldBron = 'blok';
    }
  }
}
