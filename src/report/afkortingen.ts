import { vergelijkNl, type Gevoeligheid } from '../model/nl-volgorde.js';
import type { Afkorting } from '../model/types.js';

/**
 * The field's common abbreviations, as real programmes spell them out. A municipality's own sheet
 * Afkortingen adds to these and wins where it gives another meaning.
 */
export const STANDAARD_AFKORTINGEN: Readonly<Record<string, string>> = {
  APV: 'Algemene plaatselijke verordening',
  Bal: 'Besluit activiteiten leefomgeving',
  Bbl: 'Besluit bouwwerken leefomgeving',
  'BIG-8': 'de beleidscyclus voor vergunningverlening, toezicht en handhaving, in acht stappen',
  Bkl: 'Besluit kwaliteit leefomgeving',
  BOA: 'buitengewoon opsporingsambtenaar',
  Bor: 'Besluit omgevingsrecht',
  BUS: 'Besluit uniforme saneringen',
  EVC: 'erkenning van verworven competenties',
  fte: 'fulltime-equivalent (een volledige formatieplaats)',
  IBT: 'interbestuurlijk toezicht',
  KC: 'kwaliteitscriteria VTH',
  LHSO: 'Landelijke Handhavingsstrategie Omgevingsrecht',
  OD: 'omgevingsdienst',
  OM: 'Openbaar Ministerie',
  Ow: 'Omgevingswet',
  PDC: 'producten- en dienstencatalogus',
  PM: 'pro memorie (nog niet te ramen)',
  RIEC: 'Regionaal Informatie- en Expertisecentrum',
  SPUK: 'specifieke uitkering',
  UVP: 'uitvoeringsprogramma',
  VTH: 'vergunningverlening, toezicht en handhaving',
  Wabo: 'Wet algemene bepalingen omgevingsrecht',
  Wkb: 'Wet kwaliteitsborging voor het bouwen',
  ZZS: 'zeer zorgwekkende stoffen',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Dutch order as ICU gives it (`localeCompare(b, 'nl', …)`), without ICU where the names allow
 * (`model/nl-volgorde.ts vergelijkNl`): these short lists were the only thing a UVP in Markdown sorted
 * with a collator, whose first costs some 10 ms. A name ICU must order (an accent, a space, lower case
 * where case counts) is compared by ICU.
 */
export function sorteerNl(namen: string[], gevoeligheid: Gevoeligheid): string[] {
  return namen.sort((a, b) => vergelijkNl(a, b, gevoeligheid));
}

/**
 * The abbreviations a document uses, with their meaning: whole words only and case as written (Bal is
 * the decree, "bal" is not), found in one pass over the text. Sorted as a reader looks them up.
 */
export function gebruikteAfkortingen(tekst: string, eigen: readonly Afkorting[] = []): { afkorting: string; betekenis: string }[] {
  const lijst = new Map(Object.entries(STANDAARD_AFKORTINGEN));
  for (const a of eigen) lijst.set(a.afkorting, a.betekenis);
  if (!lijst.size) return [];
  const namen = [...lijst.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${namen.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const gevonden = new Set<string>();
  for (const m of tekst.matchAll(re)) gevonden.add(m[1]!);
  return sorteerNl([...gevonden], 'base').map((afkorting) => ({ afkorting, betekenis: lijst.get(afkorting)! }));
}

/**
 * Words in capitals that look like an abbreviation but have no meaning in the list or the municipality's
 * sheet (PVH, REV): the document's list cannot explain them, so the verantwoording names them for the
 * author. Codes (GT.01, KD3, R18, OD12) and words that are only a capital and a number are left out.
 */
export function onverklaardeAfkortingen(tekst: string, eigen: readonly Afkorting[] = []): string[] {
  const bekend = new Set([...Object.keys(STANDAARD_AFKORTINGEN), ...eigen.map((a) => a.afkorting)]);
  const gevonden = new Set<string>();
  for (const m of tekst.matchAll(/(?<![\p{L}\p{N}.&/-])([A-Z][A-Z&/]*[A-Z])(?![\p{L}\p{N}-])(?!\.\d)/gu)) {
    const w = m[1]!;
    if (w.length < 2 || w.length > 8 || bekend.has(w)) continue;
    // A combination of known ones (VV/T&H is not, but "OD/IBT" would be) is explained by its parts.
    if (w.split(/[&/]/).every((deel) => bekend.has(deel))) continue;
    gevonden.add(w);
  }
  return sorteerNl([...gevonden], 'variant');
}
