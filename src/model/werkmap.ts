import { isZakenExport, type GelezenWerkmap } from '../ingest/werkmap.js';
import type { Tabel } from '../ingest/tabel.js';
import { leesAfkortingen } from './afkortingen.js';
import { leesCapaciteit } from './capaciteit.js';
import { leesDeelnemers } from './deelnemers.js';
import { leesDoelen } from './doelen.js';
import { leesIndicatoren } from './indicatoren.js';
import { leesInstellingen } from './instellingen.js';
import { bedoeltU, normaliseerKop } from './kolommen.js';
import { leesKwaliteitscriteria } from './kwaliteitscriteria.js';
import { leesMedewerkers } from './medewerkers.js';
import { melding, type Melding, voegToe } from './melding.js';
import { leesProducten } from './producten.js';
import { leesProjecten } from './projecten.js';
import { leesRealisatie } from './realisatie.js';
import { leesReserveringen } from './reserveringen.js';
import { leesRisicoanalyse } from './risicoanalyse.js';
import { leesRisicomodel } from './risicomodel.js';
import { nlGetal } from './getal.js';
import { Rational } from './rational.js';
import { leesTeksten } from './teksten.js';
import { leesFrequenties, leesObjecten } from './objecten.js';
import { leesNiveaus, leesToezichtprotocol } from './protocol.js';
import type { BladNaam, Werkmap } from './types.js';
import { leesVerbeterpunten } from './verbeterpunten.js';
import { leesZaaktypen } from './zaaktypen.js';

/** The sheets of the contract, with their aliases and the command that needs each. */
export const BLADEN: { naam: BladNaam; aliassen: string[]; nodigVoor: string }[] = [
  { naam: 'Instellingen', aliassen: ['instelling', 'algemeen'], nodigVoor: 'alle opdrachten' },
  { naam: 'Risicomodel', aliassen: [], nodigVoor: 'vth risico' },
  { naam: 'Risicoanalyse', aliassen: ['risico analyse', 'risicos', 'risico\'s'], nodigVoor: 'vth risico' },
  { naam: 'Producten', aliassen: ['programma', 'productenlijst'], nodigVoor: 'vth capaciteit en vth uvp' },
  { naam: 'Capaciteit', aliassen: ['formatie'], nodigVoor: 'vth capaciteit' },
  { naam: 'Reserveringen', aliassen: ['reservering'], nodigVoor: 'vth capaciteit' },
  { naam: 'Projecten', aliassen: ['regionale projecten', 'projecten en diensten'], nodigVoor: 'vth capaciteit' },
  { naam: 'Doelen', aliassen: ['doelstellingen'], nodigVoor: 'vth uvp' },
  { naam: 'Teksten', aliassen: ['tekst'], nodigVoor: 'vth uvp' },
  { naam: 'Realisatie', aliassen: [], nodigVoor: 'vth jaarverslag' },
  { naam: 'Indicatoren', aliassen: [], nodigVoor: 'vth jaarverslag' },
  { naam: 'Verbeterpunten', aliassen: [], nodigVoor: 'vth ibt' },
  { naam: 'Objecten', aliassen: ['objectenregister', 'inrichtingen'], nodigVoor: 'vth frequentie' },
  { naam: 'Frequenties', aliassen: ['frequentiematrix', 'controlefrequenties'], nodigVoor: 'vth frequentie' },
  { naam: 'Toezichtprotocol', aliassen: ['protocol', 'toetsprotocol'], nodigVoor: 'vth protocol' },
  { naam: 'Niveaus', aliassen: ['toetsniveaus', 'diepgang'], nodigVoor: 'vth protocol' },
  { naam: 'Deelnemers', aliassen: ['deelnemende gemeenten', 'opdrachtgevers', 'verdeelsleutel', 'verdeelsleutels'], nodigVoor: 'vth uvp --per-deelnemer (een omgevingsdienst met haar deelnemers)' },
  { naam: 'Zaaktypen', aliassen: ['zaaktype', 'koppeling zaaktypen'], nodigVoor: 'vth jaarverslag (zaaktypen van de zakenexport koppelen aan productcodes)' },
  { naam: 'Afkortingen', aliassen: ['afkortingenlijst', 'begrippen en afkortingen'], nodigVoor: 'vth uvp en vth jaarverslag (de lijst met afkortingen)' },
  { naam: 'Kwaliteitscriteria', aliassen: ['kwaliteitscriteria vth', 'kritieke massa', 'kc'], nodigVoor: 'vth kwaliteit' },
  { naam: 'Medewerkers', aliassen: ['medewerker', 'personeel', 'deskundigheid medewerkers'], nodigVoor: 'vth kwaliteit' },
];

/** Sheets users keep beside the data that are no part of the contract: ignored silently. */
const GENEGEERD = new Set(['toelichting', 'uitleg', 'lees mij', 'leesmij', 'readme']);

/** Toelichting and the like, and a case export kept among the sheets (a sheet "Zaken"). */
function isGenegeerd(naam: string): boolean {
  return GENEGEERD.has(normaliseerKop(naam)) || isZakenExport(naam);
}

function bladVoor(naam: string): BladNaam | undefined {
  const n = normaliseerKop(naam);
  return BLADEN.find((b) => normaliseerKop(b.naam) === n || b.aliassen.some((a) => normaliseerKop(a) === n))?.naam;
}

/** An older or spare copy of a sheet: `Producten (2024)`, `Producten 2024`, `Kopie van Producten`, `Producten oud`. */
function kopieVan(naam: string): BladNaam | undefined {
  const n = naam
    .trim()
    .replace(/^(kopie van|copy of)\s+/i, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[\s_-]+((19|20)\d\d|oud|old|kopie|copy|backup|\d)$/i, '');
  return n !== naam.trim() ? bladVoor(n) : undefined;
}

interface Kandidaat {
  tabel: Tabel;
  blad: BladNaam;
  /** 0: the sheet itself; 1: a copy by its name; 2: hidden. Lower wins. */
  rang: number;
  reden: string;
}

/** Assigns tables to contract sheets: by sheet name, else (in a folder) by file name. */
export function wijsBladenToe(gelezen: GelezenWerkmap): { perBlad: Map<BladNaam, Tabel>; meldingen: Melding[] } {
  const perBlad = new Map<BladNaam, Tabel>();
  const meldingen: Melding[] = [];
  const bestandTelt = new Map<string, number>();
  for (const t of gelezen.tabellen) bestandTelt.set(t.bestand, (bestandTelt.get(t.bestand) ?? 0) + 1);
  const kandidaten = new Map<BladNaam, Kandidaat[]>();
  for (const t of gelezen.tabellen) {
    // The sheet by its own name; a name with an addition (`Producten (2024)`, which normaliseerKop would
    // shorten to `Producten`) is a copy.
    let blad = /\([^()]*\)\s*$/.test(t.blad) ? undefined : bladVoor(t.blad);
    let rang = 0;
    let reden = '';
    if (!blad) {
      blad = kopieVan(t.blad);
      if (blad) {
        rang = 1;
        reden = 'een kopie (de naam heeft een toevoeging)';
      }
    }
    // A file `Capaciteit.xlsx` whose only sheet is called `Blad1` is the Capaciteit sheet.
    if (!blad && t.bestandStam && bestandTelt.get(t.bestand) === 1) blad = bladVoor(t.bestandStam);
    const plaats = { bestand: t.bestand, blad: t.blad };
    if (!blad) {
      if (!isGenegeerd(t.blad) && !isGenegeerd(t.bestandStam ?? '')) {
        meldingen.push(melding('melding', 'blad-onbekend', `blad "${t.blad}" hoort niet bij de werkmap en wordt genegeerd`, plaats));
      }
      continue;
    }
    if (t.verborgen) {
      rang = 2;
      reden = 'verborgen';
    }
    const lijst = kandidaten.get(blad) ?? [];
    lijst.push({ tabel: t, blad, rang, reden });
    kandidaten.set(blad, lijst);
  }
  for (const [blad, lijst] of kandidaten) {
    const beste = Math.min(...lijst.map((k) => k.rang));
    const gekozen = lijst.filter((k) => k.rang === beste);
    const t = gekozen[0]!.tabel;
    const plaats = { bestand: t.bestand, blad: t.blad };
    for (const k of gekozen.slice(1)) {
      meldingen.push(
        melding(
          'fout',
          'blad-dubbel',
          `blad ${blad} komt twee keer voor (ook in ${t.bestand}, blad ${t.blad}); welke geldt is onduidelijk: verwijder of hernoem er één`,
          { bestand: k.tabel.bestand, blad: k.tabel.blad },
        ),
      );
    }
    for (const k of lijst.filter((k) => k.rang !== beste)) {
      meldingen.push(
        melding(
          'melding',
          'blad-overgeslagen',
          `blad "${k.tabel.blad}" is ${k.reden} en wordt overgeslagen; gelezen wordt ${t.bestand === k.tabel.bestand ? '' : `${t.bestand}, `}blad "${t.blad}"`,
          { bestand: k.tabel.bestand, blad: k.tabel.blad },
        ),
      );
    }
    if (beste > 0) {
      meldingen.push(melding(beste === 2 ? 'waarschuwing' : 'melding', 'blad-als', `blad "${t.blad}" is ${gekozen[0]!.reden}, maar het enige blad ${blad}; het wordt gelezen`, plaats));
    }
    if (t.koppen.length === 0) {
      meldingen.push(melding('waarschuwing', 'blad-leeg', `blad ${blad} is leeg`, plaats));
    } else if (t.rijen.length === 0) {
      meldingen.push(melding('waarschuwing', 'blad-zonder-regels', `blad ${blad} heeft koppen maar geen regels`, { ...plaats, rij: t.kopRij }));
    }
    perBlad.set(blad, t);
  }
  for (const naam of gelezen.overgeslagen) {
    meldingen.push(melding('melding', 'bestand-overgeslagen', `${naam} is geen .xlsx- of .csv-bestand en wordt overgeslagen`, { bestand: naam }));
  }
  return { perBlad, meldingen };
}

/** Maps every sheet to typed records. Never throws on content: every problem is a finding. */
export function bouwWerkmap(gelezen: GelezenWerkmap): Werkmap {
  const { perBlad, meldingen } = wijsBladenToe(gelezen);
  // An empty sheet has been reported; there is nothing in it to read.
  const bron = (b: BladNaam) => {
    const t = perBlad.get(b);
    return t && t.koppen.length > 0 ? t : undefined;
  };
  const wm: Werkmap = {
    pad: gelezen.pad,
    instellingen: { afwijkingsdrempel: Rational.of(10n), plaatsen: {} },
    bladen: {},
    meldingen,
  };
  for (const [naam, t] of perBlad) wm.bladen[naam] = { bestand: t.bestand, blad: t.blad };

  // Instellingen first: its `schrijfwijze getallen` settles every file whose cells do not settle it
  // themselves, Instellingen included (read again with it, so that `1,200` there is read as stated).
  const inst = bron('Instellingen');
  if (inst) {
    let r = leesInstellingen(inst);
    const notatie = r.instellingen.getalnotatie;
    if (notatie) {
      const hint = { conventie: notatie, bron: `Instellingen zegt "schrijfwijze getallen: ${notatie === 'nl' ? 'Nederlands' : 'Engels'}"` };
      for (const [b, t] of perBlad) perBlad.set(b, { ...t, getalHint: hint });
      r = leesInstellingen(perBlad.get('Instellingen')!);
    }
    wm.instellingen = r.instellingen;
    voegToe(meldingen, r.meldingen);
  } else {
    meldingen.push(
      melding('fout', 'blad-ontbreekt', 'blad Instellingen ontbreekt (met ten minste gemeente en jaar)', { bestand: bestandsnaam(gelezen) }),
    );
  }
  const rm = bron('Risicomodel');
  if (rm) {
    const r = leesRisicomodel(rm);
    wm.risicomodel = r.model;
    voegToe(meldingen, r.meldingen);
  }
  const ra = bron('Risicoanalyse');
  if (ra) {
    const r = leesRisicoanalyse(ra, wm.risicomodel);
    wm.risicoanalyse = r.activiteiten;
    voegToe(meldingen, r.meldingen);
    if (!rm) {
      meldingen.push(melding('fout', 'blad-ontbreekt', 'er is een Risicoanalyse maar geen blad Risicomodel: zonder model geen scores', { bestand: ra.bestand, blad: ra.blad }));
    }
  }
  const simpel = <T>(b: BladNaam, f: (t: Tabel) => T & { meldingen: Melding[] }): T | undefined => {
    const t = bron(b);
    if (!t) return undefined;
    const r = f(t);
    voegToe(meldingen, r.meldingen);
    return r;
  };
  const pr = simpel('Producten', leesProducten);
  if (pr) wm.producten = { regels: pr.regels, subtotalen: pr.subtotalen };
  wm.capaciteit = simpel('Capaciteit', leesCapaciteit)?.afdelingen;
  wm.reserveringen = simpel('Reserveringen', leesReserveringen)?.reserveringen;
  const dn = simpel('Deelnemers', leesDeelnemers);
  if (dn) wm.deelnemers = { deelnemers: dn.deelnemers, sleutels: dn.sleutels };
  const pj = simpel('Projecten', (t) => leesProjecten(t, { regionaal: wm.deelnemers !== undefined, deelnemers: wm.deelnemers?.deelnemers.map((d) => d.naam) }));
  wm.projecten = pj?.projecten;
  wm.projectTotalen = pj?.totalen;
  wm.doelen = simpel('Doelen', leesDoelen)?.doelen;
  wm.teksten = simpel('Teksten', leesTeksten)?.teksten;
  wm.realisatie = simpel('Realisatie', leesRealisatie)?.realisatie;
  wm.indicatoren = simpel('Indicatoren', leesIndicatoren)?.indicatoren;
  wm.verbeterpunten = simpel('Verbeterpunten', leesVerbeterpunten)?.verbeterpunten;
  wm.zaaktypen = simpel('Zaaktypen', leesZaaktypen)?.zaaktypen;
  wm.objecten = simpel('Objecten', leesObjecten)?.objecten;
  wm.frequenties = simpel('Frequenties', leesFrequenties)?.regels;
  const tp = simpel('Toezichtprotocol', leesToezichtprotocol);
  if (tp) wm.toezichtprotocol = { items: tp.items, klassen: tp.klassen };
  wm.niveaus = simpel('Niveaus', leesNiveaus)?.niveaus;
  wm.afkortingen = simpel('Afkortingen', leesAfkortingen)?.afkortingen;
  wm.kwaliteitscriteria = simpel('Kwaliteitscriteria', leesKwaliteitscriteria)?.normen;
  wm.medewerkers = simpel('Medewerkers', leesMedewerkers)?.medewerkers;

  kruiscontroles(wm);
  fteNaarUren(wm);
  return wm;
}

/**
 * "3 fte" in a line's uren: a whole job. It becomes fte × the afdeling's productive hours per fte
 * (its own in Capaciteit, else Instellingen'), said at the cell; without those hours the line's hours
 * are unknown, which is an error there (never 3 hours, never 0).
 */
function fteNaarUren(wm: Werkmap): void {
  const afdelingen = new Map((wm.capaciteit ?? []).map((a) => [a.naam.toLowerCase(), a]));
  for (const r of wm.producten?.regels ?? []) {
    if (r.uren.soort !== 'getal' || !r.uren.fte) continue;
    const fte = r.uren.waarde;
    const a = r.afdeling ? afdelingen.get(r.afdeling.toLowerCase()) : undefined;
    const per = a?.productieveUrenPerFte ?? wm.instellingen.productieveUrenPerFte;
    const plaats = r.kolomPlaatsen.uren ?? r.plaats;
    if (!per) {
      wm.meldingen.push(melding('fout', 'fte-zonder-uren', `"${nlGetal(fte, 4)} fte" is niet om te rekenen naar uren: de productieve uren per fte ontbreken (Instellingen of Capaciteit)`, plaats));
      r.uren = { soort: 'fout', reden: 'fte zonder productieve uren' };
      continue;
    }
    const uren = fte.mul(per);
    const bron = a?.productieveUrenPerFte ? `de productieve uren van ${a.naam}` : 'de productieve uren per fte uit Instellingen';
    wm.meldingen.push(melding('melding', 'fte-als-uren', `"${nlGetal(fte, 4)} fte" gelezen als ${nlGetal(fte, 4)} × ${nlGetal(per)} = ${nlGetal(uren)} uur (${bron})`, plaats));
    r.uren = { soort: 'getal', waarde: uren, procent: false };
  }
}

function bestandsnaam(g: GelezenWerkmap): string {
  return g.soort === 'werkboek' ? (g.tabellen[0]?.bestand ?? g.pad) : g.pad;
}

/**
 * Checks that span sheets: afdelingen used in Producten, Reserveringen and Projecten must exist in
 * Capaciteit; goals a line serves must exist in Doelen.
 */
function kruiscontroles(wm: Werkmap): void {
  gebiedenBekend(wm);
  deelnemerControles(wm);
  if (wm.doelen) {
    const ids = new Set(wm.doelen.map((d) => d.id.toLowerCase()));
    for (const r of wm.producten?.regels ?? []) {
      for (const d of r.doelen ?? []) {
        if (!ids.has(d.toLowerCase())) {
          wm.meldingen.push(melding('waarschuwing', 'doel-onbekend', `product "${r.product || r.code}" draagt bij aan doel "${d}", maar dat doel staat niet in Doelen`, r.kolomPlaatsen.doel ?? r.plaats));
        }
      }
    }
  }
  if (!wm.capaciteit) return;
  const bekend = new Set(wm.capaciteit.map((a) => a.naam.toLowerCase()));
  const lijst = wm.capaciteit.map((a) => a.naam).join(', ');
  const check = (afdeling: string | undefined, plaats: Parameters<typeof melding>[3], wat: string) => {
    if (afdeling && !bekend.has(afdeling.toLowerCase())) {
      wm.meldingen.push(
        melding('fout', 'afdeling-onbekend', `${wat} is toegewezen aan "${afdeling}", maar die afdeling staat niet in Capaciteit (${lijst})`, plaats),
      );
    }
  };
  for (const r of wm.producten?.regels ?? []) check(r.afdeling, r.kolomPlaatsen.afdeling ?? r.plaats, `product "${r.product || r.code}"`);
  for (const r of wm.reserveringen ?? []) check(r.afdeling, r.plaats, `reservering "${r.omschrijving}"`);
  for (const p of wm.projecten ?? []) check(p.afdeling, p.plaats, `project "${p.project}"`);
}

/**
 * Every area in Medewerkers must be one of Kwaliteitscriteria: a typo would leave the person out of the
 * area's count. A warning with the area it probably is (the header matcher's "bedoelt u").
 */
function gebiedenBekend(wm: Werkmap): void {
  if (!wm.kwaliteitscriteria || !wm.medewerkers) return;
  const bekend = new Set(wm.kwaliteitscriteria.map((n) => normaliseerKop(n.gebied)));
  const specs = wm.kwaliteitscriteria.map((n) => ({ veld: n.gebied, naam: n.gebied }));
  for (const m of wm.medewerkers) {
    if (bekend.has(normaliseerKop(m.gebied))) continue;
    const bedoeld = bedoeltU(m.gebied, specs);
    wm.meldingen.push(
      melding(
        'waarschuwing',
        'gebied-onbekend',
        `gebied "${m.gebied}" (medewerker "${m.medewerker}") staat niet in Kwaliteitscriteria; deze rij telt bij geen enkel gebied mee${bedoeld ? `; bedoelt u "${bedoeld}"?` : ''}`,
        m.kolomPlaatsen.gebied ?? m.plaats,
      ),
    );
  }
}

/**
 * An omgevingsdienst's werkmap: every line's deelnemer must be in Deelnemers (an error at its row,
 * never a guess), every line must name one, and a key column a regional line names must exist and be
 * filled for every deelnemer. Without Deelnemers a filled column deelnemer is said once: the werkmap
 * is read as one municipality's.
 */
function deelnemerControles(wm: Werkmap): void {
  const regels = wm.producten?.regels ?? [];
  const objecten = wm.objecten ?? [];
  const realisatie = wm.realisatie ?? [];
  if (!wm.deelnemers) {
    // Said once per sheet: the column is read but means nothing without Deelnemers.
    const eerste = [
      ...[regels.find((r) => r.deelnemer)].flatMap((r) => (r ? [{ naam: r.deelnemer!, waar: r.kolomPlaatsen.deelnemer ?? r.plaats }] : [])),
      ...[objecten.find((o) => o.deelnemer)].flatMap((o) => (o ? [{ naam: o.deelnemer!, waar: o.kolomPlaatsen.deelnemer ?? o.plaats }] : [])),
      ...[realisatie.find((r) => r.deelnemer)].flatMap((r) => (r ? [{ naam: r.deelnemer!, waar: r.deelnemerPlaats ?? r.plaats }] : [])),
    ];
    for (const e of eerste) {
      wm.meldingen.push(melding('waarschuwing', 'deelnemer-zonder-blad', `kolom ${e.waar.kolom ?? 'deelnemer'} noemt deelnemers ("${e.naam}"), maar er is geen blad Deelnemers: de werkmap wordt gelezen als die van één gemeente`, e.waar));
    }
    return;
  }
  const { deelnemers, sleutels } = wm.deelnemers;
  const namen = new Set(deelnemers.map((d) => d.naam.toLowerCase()));
  const lijst = deelnemers.map((d) => d.naam).join(', ');
  for (const r of regels) {
    const waar = r.kolomPlaatsen.deelnemer ?? r.plaats;
    const wie = `product "${r.product || r.code}"`;
    if (!r.deelnemer) wm.meldingen.push(melding('fout', 'deelnemer-leeg', `${wie} noemt geen deelnemer (kolom deelnemer); een omgevingsdienst plant elk product voor een deelnemer (${lijst})`, waar));
    else if (!namen.has(r.deelnemer.toLowerCase())) wm.meldingen.push(melding('fout', 'deelnemer-onbekend', `${wie} is voor deelnemer "${r.deelnemer}", maar die staat niet in Deelnemers (${lijst})`, waar));
  }
  // The object register plans each deelnemer's controls on its own lines: an object must be someone's.
  // Without the column at all, one error for the sheet instead of one per object.
  if (objecten.length && !objecten.some((o) => o.deelnemer)) {
    wm.meldingen.push(melding('fout', 'deelnemer-kolom-ontbreekt', `Objecten noemt bij geen enkel object een deelnemer: bij een omgevingsdienst hoort elk object bij een deelnemer (${lijst}), anders tellen zijn controles bij geen enkele programmaregel. Zet een kolom deelnemer (of gemeente, bevoegd gezag) in Objecten`, wm.bladen.Objecten ?? { bestand: wm.pad }));
  } else {
    for (const o of objecten) {
      const waar = o.kolomPlaatsen.deelnemer ?? o.plaats;
      if (!o.deelnemer) wm.meldingen.push(melding('fout', 'deelnemer-leeg', `object ${o.object} noemt geen deelnemer (kolom ${waar.kolom ?? 'deelnemer'}); zijn controles tellen dan bij geen enkele deelnemer (${lijst})`, waar));
      else if (!namen.has(o.deelnemer.toLowerCase())) wm.meldingen.push(melding('fout', 'deelnemer-onbekend', `object ${o.object} is van deelnemer "${o.deelnemer}", maar die staat niet in Deelnemers (${lijst})`, waar));
    }
  }
  // Realisation: an unknown name is an error at its row. A row without one is the omgevingsdienst's
  // own (the whole's); for the parts it is said by realisatieZonderDeelnemer (compute/omgevingsdienst.ts).
  for (const r of realisatie) {
    if (r.deelnemer && !namen.has(r.deelnemer.toLowerCase())) {
      wm.meldingen.push(melding('fout', 'deelnemer-onbekend', `realisatie van ${r.code} is voor deelnemer "${r.deelnemer}", maar die staat niet in Deelnemers (${lijst})`, r.deelnemerPlaats ?? r.plaats));
    }
  }
  const bekend = new Map(sleutels.map((s) => [s.sleutel, s.kop]));
  for (const p of wm.projecten ?? []) {
    if (!p.sleutel) {
      const zonder = deelnemers.filter((d) => d.verdeelsleutel === undefined);
      if (zonder.length && p.uren.soort === 'getal') wm.meldingen.push(melding('fout', 'verdeelsleutel-onbekend', `"${p.project}" wordt verdeeld naar de verdeelsleutel, maar die ontbreekt voor ${zonder.map((d) => d.naam).join(', ')}`, p.plaats));
      continue;
    }
    const s = normaliseerKop(p.sleutel);
    const waar = p.sleutelPlaats ?? p.plaats;
    if (s === 'verdeelsleutel') continue;
    if (!bekend.has(s)) {
      wm.meldingen.push(melding('fout', 'sleutel-onbekend', `"${p.project}" wordt verdeeld naar "${p.sleutel}", maar Deelnemers heeft geen kolom met die naam (${['verdeelsleutel', ...sleutels.map((x) => x.kop)].join(', ')})`, waar));
      continue;
    }
    const zonder = deelnemers.filter((d) => d.sleutels.get(s) === undefined);
    if (zonder.length) wm.meldingen.push(melding('fout', 'sleutel-onvolledig', `"${p.project}" wordt verdeeld naar ${bekend.get(s)}, maar die kolom is leeg voor ${zonder.map((d) => d.naam).join(', ')}`, waar));
    else if (Rational.sum(deelnemers.map((d) => d.sleutels.get(s)!)).isZero()) wm.meldingen.push(melding('fout', 'sleutel-nul', `"${p.project}" wordt verdeeld naar ${bekend.get(s)}, maar die kolom telt op tot 0`, waar));
  }
}
