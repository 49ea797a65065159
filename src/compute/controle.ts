import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import type { Frequentieregel, ProgrammaRegel, Werkmap } from '../model/types.js';
import { Rational } from '../model/rational.js';
import { naleefgedragUitControles, planFrequenties, type Frequentieplanning } from './frequentie.js';
import { objectcodesNaarRegels } from './objectcodes.js';
import { koppelExportObjecten, type ObjectKoppeling } from './objectids.js';
import type { ZakenResultaat } from './zaken.js';
import { berekenProtocol, type ProtocolUitkomst } from './protocol.js';
import { bepaalPrioriteiten, berekenCapaciteit, type Capaciteitscheck, type Prioriteiten, type Scenario } from './capaciteit.js';
import { berekenRisico, hogeZonderRegel, type Risicoanalyse, type RisicoUitkomst } from './risico.js';
import { controleerGedrukteAandelen } from './verdeling.js';
import { berekenVraag, type Vraag } from './vraag.js';

const HONDERD = Rational.of(100n);

/**
 * The risk analysis of a model and its activities, once: an omgevingsdienst's deelnemers share the
 * werkmap's Risicoanalyse (the same arrays), and thirty parts need not score it thirty times.
 */
const RISICO = new WeakMap<object, WeakMap<object, Risicoanalyse>>();
function risicoVan(model: NonNullable<Werkmap['risicomodel']>, activiteiten: NonNullable<Werkmap['risicoanalyse']>): Risicoanalyse {
  let perModel = RISICO.get(activiteiten);
  if (!perModel) RISICO.set(activiteiten, (perModel = new WeakMap()));
  let r = perModel.get(model);
  if (!r) perModel.set(model, (r = berekenRisico(model, activiteiten)));
  return r;
}

/** An omgevingsdienst's werkmap with every regional line at 100%; its printed totals still close the same lines. */
function geheel(wm: Werkmap): Werkmap {
  const kopie = new Map(wm.projecten!.map((p) => [p, { ...p, verdeelsleutel: HONDERD }]));
  return { ...wm, projecten: [...kopie.values()], projectTotalen: wm.projectTotalen?.map((t) => ({ ...t, regels: t.regels.map((p) => kopie.get(p) ?? p) })) };
}

/** Every computation on a werkmap, once: each command and document reads from this. */
export interface Analyse {
  vraag: Vraag;
  risico?: Risicoanalyse;
  capaciteit?: Capaciteitscheck;
  /** Each line's priority class (from a class name or a linked risk activity). */
  prioriteiten: Prioriteiten;
  /** Activities of class hoog and higher that no programme line serves: a gap the college must see. */
  prioriteitGaten: RisicoUitkomst[];
  /** Inspection frequencies per object, when the werkmap has Objecten and Frequenties. */
  frequenties?: Frequentieplanning;
  /** The toezichtprotocol as hours per risk class, when the werkmap has Toezichtprotocol and Niveaus. */
  protocol?: ProtocolUitkomst;
  /** With a case export: how its objects matched the register. */
  objectKoppeling?: ObjectKoppeling;
  /** The model's findings plus those of every computation. */
  meldingen: Melding[];
}

/** The frequency matrix with a scenario's intervals (`--interval Hoog=6`, `--interval Hoog:slecht=3`) in place of, or beside, its rows. */
function metScenarioIntervallen(regels: readonly Frequentieregel[], interval: Map<string, number>, meldingen: Melding[]): Frequentieregel[] {
  const klassen = new Set(regels.map((r) => r.klasse.toLowerCase()));
  const uit = [...regels];
  for (const [sleutel, maanden] of interval) {
    const [klasse, ng] = sleutel.split('|') as [string, string];
    if (!klassen.has(klasse)) {
      meldingen.push(melding('fout', 'scenario-klasse', `scenario --interval noemt klasse "${klasse}", die niet in het blad Frequenties staat (${[...new Set(regels.map((r) => r.klasse))].join(', ')})`, { bestand: '(opdrachtregel)' }));
      continue;
    }
    const i = uit.findIndex((r) => r.klasse.toLowerCase() === klasse && (r.naleefgedrag ?? '') === ng);
    const basis = uit.find((r) => r.klasse.toLowerCase() === klasse)!;
    const nieuw: Frequentieregel = { plaats: { bestand: '(opdrachtregel)' }, klasse: basis.klasse, naleefgedrag: (ng || undefined) as Frequentieregel['naleefgedrag'], interval: maanden };
    if (i >= 0) uit[i] = nieuw;
    else uit.push(nieuw);
  }
  return uit;
}

/**
 * The programme with the protocol's hours as the kental of each line that says `protocol` (for its
 * risicoklasse); a line with a risicoklasse and a typed kental that differs is a finding.
 */
function kentallenUitProtocol(wm: Werkmap, p: ProtocolUitkomst | undefined): { werkmap: Werkmap; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  if (!wm.producten || !wm.producten.regels.some((r) => r.risicoklasse || r.kentalProtocol)) return { werkmap: wm, meldingen };
  const perKlasse = new Map((p?.klassen ?? []).map((k) => [k.klasse.toUpperCase(), k]));
  const regels = wm.producten.regels.map((r) => {
    if (!r.risicoklasse && !r.kentalProtocol) return r;
    const waar = r.kolomPlaatsen.kental ?? r.plaats;
    const k = r.risicoklasse ? perKlasse.get(r.risicoklasse.toUpperCase().replace(/\s+/g, '')) : undefined;
    const wie = `"${r.product || r.code}"`;
    if (r.kentalProtocol) {
      if (!p) meldingen.push(melding('fout', 'protocol-ontbreekt', `${wie} heeft kental "protocol", maar de werkmap heeft geen bladen Toezichtprotocol en Niveaus`, waar));
      else if (!r.risicoklasse) meldingen.push(melding('fout', 'protocol-klasse', `${wie} heeft kental "protocol" maar geen risicoklasse (kolom risicoklasse: ${[...perKlasse.values()].map((x) => x.klasse).join(', ')})`, waar));
      else if (!perKlasse.size) meldingen.push(melding('fout', 'protocol-onbruikbaar', `${wie} heeft kental "protocol", maar het toezichtprotocol geeft geen uren per risicoklasse: zie de fouten in de bladen Toezichtprotocol en Niveaus`, waar));
      else if (!k) meldingen.push(melding('fout', 'protocol-klasse', `${wie}: risicoklasse ${r.risicoklasse} staat niet in het toezichtprotocol (${[...perKlasse.values()].map((x) => x.klasse).join(', ')})`, r.kolomPlaatsen.risicoklasse ?? waar));
      else return { ...r, kental: { soort: 'getal' as const, waarde: k.uren, procent: false } };
      return r;
    }
    if (k && r.kental.soort === 'getal' && !r.kental.waarde.eq(k.uren)) {
      meldingen.push(melding('waarschuwing', 'kental-protocol', `${wie}: kental ${nlGetal(r.kental.waarde)} wijkt af van wat het toezichtprotocol voor ${k.klasse} geeft (${nlGetal(k.uren)} uur per project); schrijf "protocol" als kental om dat te gebruiken`, waar));
    }
    return r;
  });
  return { werkmap: { ...wm, producten: { ...wm.producten, regels } }, meldingen };
}

/**
 * The programme with the aantal of each line that the object register plans (the sum of its objects'
 * controls) instead of the typed one, unless the line says `vast`; every difference is a finding.
 */
function aantallenUitObjecten(wm: Werkmap, f: Frequentieplanning): { werkmap: Werkmap; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  if (!wm.producten) return { werkmap: wm, meldingen };
  // An omgevingsdienst: each deelnemer's objects count on its own line of the code, never on another's.
  const perDeelnemer = !!wm.deelnemers;
  const sleutel = (code: string, deelnemer: string | undefined) => (perDeelnemer ? `${deelnemer?.toLowerCase() ?? ''}|${code.toUpperCase()}` : code.toUpperCase());
  const perCode = new Map(f.perCode.map((c) => [sleutel(c.code, c.deelnemer), c]));
  // An error in the register's own sheets is the cause of an odd count: named instead of advice to fix the count.
  const foutBladen = (['Objecten', 'Frequenties'] as const).filter((b) => {
    const p = wm.bladen[b];
    return p && wm.meldingen.some((m) => m.niveau === 'fout' && m.plaats.bestand === p.bestand && m.plaats.blad === p.blad);
  });
  const gebruikt = new Set<(typeof f.perCode)[number]>();
  const regels = wm.producten.regels.map((r) => {
    const c = r.code ? perCode.get(sleutel(r.code, r.deelnemer)) : undefined;
    if (!c) return r;
    gebruikt.add(c);
    const gepland = Rational.of(BigInt(c.aantal));
    const register = `het objectenregister ${c.aantal} ${c.aantal === 1 ? 'controle' : 'controles'} bij ${c.objecten} ${c.objecten === 1 ? 'object' : 'objecten'}`;
    if (r.aantal.soort === 'getal' && r.aantal.waarde.eq(gepland)) return r;
    const getypt = r.aantal.soort === 'getal' ? nlGetal(r.aantal.waarde) : r.aantal.soort === 'geen' ? `"${r.aantal.woord}"` : 'geen';
    const waar = r.kolomPlaatsen.aantal ?? r.plaats;
    if (r.aantalVast) {
      meldingen.push(melding('melding', 'aantal-objecten', `${r.code}: Producten geeft aantal ${getypt} (vast), ${register}; het vaste aantal telt`, waar));
      return r;
    }
    meldingen.push(
      foutBladen.length
        ? melding('waarschuwing', 'aantal-objecten', `${r.code}: Producten geeft aantal ${getypt}, ${register}; dat aantal is niet te vertrouwen zolang ${foutBladen.length === 1 ? `blad ${foutBladen[0]} fouten heeft` : 'de bladen Objecten en Frequenties fouten hebben'}: los die eerst op`, waar)
        : melding('waarschuwing', 'aantal-objecten', `${r.code}: Producten geeft aantal ${getypt}, ${register} (blad Objecten en Frequenties); gerekend is met ${c.aantal}${r.uren.soort === 'getal' ? ' (het opgegeven regeltotaal vervalt)' : ''}. Zet vast = ja in Producten om het getypte aantal te houden`, waar),
    );
    return { ...r, aantal: { soort: 'getal' as const, waarde: gepland, procent: false }, uren: r.uren.soort === 'getal' ? ({ soort: 'leeg' } as ProgrammaRegel['uren']) : r.uren };
  });
  if (perDeelnemer) {
    // A deelnemer's objects under a code only another deelnemer plans: counted on no line, and said.
    const namen = new Set(wm.deelnemers!.deelnemers.map((d) => d.naam.toLowerCase()));
    const los = f.perCode.filter((c) => !gebruikt.has(c) && c.deelnemer && namen.has(c.deelnemer.toLowerCase()));
    const eersteObject = new Map<string, (typeof f.objecten)[number]['object']>();
    if (los.length) for (const p of f.objecten) if (p.object.code && !eersteObject.has(sleutel(p.object.code, p.object.deelnemer))) eersteObject.set(sleutel(p.object.code, p.object.deelnemer), p.object);
    for (const c of los) {
      const eerste = eersteObject.get(sleutel(c.code, c.deelnemer));
      meldingen.push(
        melding(
          'waarschuwing',
          'object-code-deelnemer',
          `${c.objecten} ${c.objecten === 1 ? 'object' : 'objecten'} van ${c.deelnemer} met productcode ${c.code} (${c.aantal} ${c.aantal === 1 ? 'controle' : 'controles'}): ${c.deelnemer} heeft geen regel ${c.code} in Producten; die controles tellen bij geen programmaregel`,
          eerste?.kolomPlaatsen.code ?? eerste?.plaats ?? wm.bladen.Objecten ?? { bestand: wm.pad },
        ),
      );
    }
  }
  return { werkmap: { ...wm, producten: { ...wm.producten, regels } }, meldingen };
}

/**
 * The planning's findings, with the objects left unplanned because a row of Frequenties is unreadable
 * said once, with that cause, instead of one warning per object that blames a missing interval.
 */
function nietGeplandDoorFouten(wm: Werkmap, f: Frequentieplanning): Melding[] {
  const blad = wm.bladen.Frequenties;
  const fout = blad && wm.meldingen.some((m) => m.niveau === 'fout' && m.plaats.bestand === blad.bestand && m.plaats.blad === blad.blad);
  if (!fout) return f.meldingen;
  const zonderInterval = f.onbekend.filter((p) => p.klasse);
  if (!zonderInterval.length) return f.meldingen;
  const rijen = new Set(zonderInterval.map((p) => `${p.object.plaats.bestand}|${p.object.plaats.blad}|${p.object.plaats.rij}`));
  const perKlasse = new Map<string, number>();
  for (const p of zonderInterval) perKlasse.set(p.klasse!, (perKlasse.get(p.klasse!) ?? 0) + 1);
  return [
    ...f.meldingen.filter((m) => !(m.code === 'object-niet-gepland' && rijen.has(`${m.plaats.bestand}|${m.plaats.blad}|${m.plaats.rij}`))),
    melding(
      'waarschuwing',
      'object-niet-gepland',
      `${zonderInterval.length} ${zonderInterval.length === 1 ? 'object is' : 'objecten zijn'} niet gepland (${[...perKlasse].map(([k, n]) => `klasse ${k}: ${n}`).join(', ')}): blad Frequenties heeft fouten, dus hun interval is onbekend; los die eerst op`,
      blad,
    ),
  ];
}

export function analyseer(invoer: Werkmap, scenario: Scenario = {}, zaken?: ZakenResultaat): Analyse {
  // An omgevingsdienst's werkmap as a whole: every regional line is its own work in full (100%); the
  // deelnemers' shares of it are their parts (compute/omgevingsdienst.ts).
  const wm = invoer.deelnemers && invoer.projecten ? geheel(invoer) : invoer;
  const risico = wm.risicomodel && wm.risicoanalyse ? risicoVan(wm.risicomodel, wm.risicoanalyse) : undefined;
  const scenarioMeldingen: Melding[] = [];
  const regels = wm.frequenties && scenario.interval ? metScenarioIntervallen(wm.frequenties, scenario.interval, scenarioMeldingen) : wm.frequenties;
  // The export's objects matched to the register (ids as written, else with separators and leading zeros
  // aside), how many matched said. With the rule in Instellingen an object's compliance follows from its
  // last inspections; a control in the export newer than the register's date is the last control.
  const objectKoppeling = zaken && wm.objecten ? koppelExportObjecten(wm.objecten, zaken.controlesPerObject, wm.bladen.Objecten ?? { bestand: wm.pad }) : undefined;
  const n = wm.instellingen.naleefgedragUitControles;
  const uitControles =
    objectKoppeling && n
      ? new Map([...objectKoppeling.perObject].flatMap(([id, controles]) => {
          const u = naleefgedragUitControles(controles, n);
          return u ? [[id, u] as const] : [];
        }))
      : undefined;
  const jaar = wm.instellingen.jaar;
  const laatsteUitExport =
    objectKoppeling && jaar
      ? new Map([...objectKoppeling.perObject].flatMap(([id, controles]) => {
          // Only controls before the programme year: one inside it is part of what is being planned.
          const dag = controles.find((c) => c.dag < Date.UTC(jaar, 0, 1) / 86_400_000)?.dag;
          return dag === undefined ? [] : [[id, new Date(dag * 86_400_000)] as const];
        }))
      : undefined;
  // Objects' product codes as the programme writes them (`GT 08` counts for GT.08, said so).
  const objectcodes = wm.objecten && wm.producten ? objectcodesNaarRegels(wm.objecten, wm.producten.regels) : { objecten: wm.objecten, meldingen: [] };
  const frequenties = objectcodes.objecten && regels && wm.instellingen.jaar ? planFrequenties(objectcodes.objecten, regels, risico, wm.instellingen.jaar, uitControles, laatsteUitExport, !!wm.deelnemers) : undefined;
  const frequentieMeldingen = frequenties ? nietGeplandDoorFouten(wm, frequenties) : [];
  const aantallen = frequenties ? aantallenUitObjecten(wm, frequenties) : { werkmap: wm, meldingen: [] };
  const protocol = wm.toezichtprotocol && wm.niveaus ? berekenProtocol(wm.toezichtprotocol.items, wm.toezichtprotocol.klassen, wm.niveaus) : undefined;
  const kentallen = kentallenUitProtocol(aantallen.werkmap, protocol);
  const vraag = berekenVraag(kentallen.werkmap, wm.deel ? (wm.instellingen.gemeente ?? 'de deelnemer') : undefined);
  // An omgevingsdienst: the shares Projecten prints per deelnemer, checked as each part checks them.
  const deelnemerAandelen = invoer.deelnemers ? controleerGedrukteAandelen(invoer) : { meldingen: [], afwijkend: [] };
  vraag.afwijkendeTotalen.push(...deelnemerAandelen.afwijkend);
  const prioriteiten = bepaalPrioriteiten(vraag, risico);
  const capaciteit = wm.capaciteit ? berekenCapaciteit(wm, vraag, scenario, prioriteiten) : undefined;
  // The lines' lookups made for their priorities are reused: only a class word is looked up here.
  const prioriteitGaten = risico && wm.producten ? hogeZonderRegel(risico, prioriteiten.gezocht.nietGezocht, prioriteiten.gezocht.gekoppeld) : [];
  const gatMelding: Melding[] = prioriteitGaten.length
    ? [
        melding(
          'waarschuwing',
          'prioriteit-zonder-regel',
          `${nlGetal(prioriteitGaten.length, 0)} ${prioriteitGaten.length === 1 ? 'activiteit' : 'activiteiten'} met een hoge prioriteit ${prioriteitGaten.length === 1 ? 'heeft' : 'hebben'} geen programmaregel (koppel een regel via de kolom prioriteit, of leg uit waarom er geen werk is): ${prioriteitGaten
            .map((g) => `${g.activiteit.id ? `${g.activiteit.id} ` : ''}${g.activiteit.activiteit} (${g.klasse}, rij ${g.activiteit.plaats.rij})`)
            .join('; ')}`,
          { bestand: prioriteitGaten[0]!.activiteit.plaats.bestand, blad: prioriteitGaten[0]!.activiteit.plaats.blad },
        ),
      ]
    : [];
  return {
    vraag,
    risico,
    capaciteit,
    prioriteiten,
    prioriteitGaten,
    frequenties,
    protocol,
    objectKoppeling,
    meldingen: [...wm.meldingen, ...scenarioMeldingen, ...(objectKoppeling?.meldingen ?? []), ...objectcodes.meldingen, ...frequentieMeldingen, ...aantallen.meldingen, ...(protocol?.meldingen ?? []).map((m) => (m.plaats.bestand ? m : { ...m, plaats: wm.bladen.Niveaus ?? { bestand: wm.pad } })), ...kentallen.meldingen, ...vraag.meldingen, ...deelnemerAandelen.meldingen, ...(risico?.meldingen ?? []), ...prioriteiten.meldingen, ...gatMelding, ...(capaciteit?.meldingen ?? [])],
  };
}

/** Every check on a werkmap. */
export function controleer(wm: Werkmap): Melding[] {
  return analyseer(wm).meldingen;
}
