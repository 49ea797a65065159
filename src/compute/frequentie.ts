import { nlDatum } from '../model/datum.js';
import { melding, type Melding } from '../model/melding.js';
import type { Frequentieregel, Inspectieobject, Naleefgedrag } from '../model/types.js';
import { zoekActiviteiten, type Risicoanalyse } from './risico.js';

/** One object's controls in the programme year, with the reason in words. */
export interface ObjectPlanning {
  object: Inspectieobject;
  klasse?: string;
  /** Where the class came from: its activity in the risk analysis, the sheet's own column, or nowhere. */
  klasseBron: 'activiteit' | 'opgegeven' | 'onbekend';
  naleefgedrag?: Naleefgedrag;
  /** The last control: the register's, or a newer one from the case export (`--zaken`). */
  laatste?: Date;
  /** Months between controls; undefined when the matrix has none for the class. */
  interval?: number;
  /** The first control due in or after the start of the year (the start itself when overdue or never inspected). */
  volgende?: Date;
  /** Controls that fall in the programme year. */
  aantal: number;
  /** The due date had passed before the year began: a backlog. */
  achterstallig: boolean;
  reden: string;
}

export interface Frequentieplanning {
  jaar: number;
  objecten: ObjectPlanning[];
  /**
   * Controls per programme code (upper case), with the objects counted; for an omgevingsdienst per
   * deelnemer and code (`deelnemer` as written), since each deelnemer has its own line of a code.
   */
  perCode: { code: string; deelnemer?: string; aantal: number; objecten: number }[];
  perKlasse: { klasse: string; objecten: number; controles: number }[];
  achterstallig: ObjectPlanning[];
  /** Objects without class or without an interval for their class: not planned, and said so. */
  onbekend: ObjectPlanning[];
  meldingen: Melding[];
}

/** What an object's compliance follows from the export, with the reason. */
export interface NaleefgedragUitControles {
  naleefgedrag: Naleefgedrag;
  uitleg: string;
}

const dagTekst = (dag: number) => kort(new Date(dag * 86_400_000));

/**
 * Compliance from an object's last `n` inspections (latest first): all conform → goed, all a violation
 * → slecht, otherwise matig. Fewer than `n` inspections: undefined (the register's value stands).
 */
export function naleefgedragUitControles(controles: readonly { dag: number; bevinding: 'conform' | 'overtreding' }[], n: number): NaleefgedragUitControles | undefined {
  if (controles.length < n) return undefined;
  const laatste = controles.slice(0, n);
  const naleefgedrag: Naleefgedrag = laatste.every((c) => c.bevinding === 'conform') ? 'goed' : laatste.every((c) => c.bevinding === 'overtreding') ? 'slecht' : 'matig';
  return { naleefgedrag, uitleg: `uit de laatste ${n === 1 ? 'controle' : `${n} controles`}: ${laatste.map((c) => `${dagTekst(c.dag)} ${c.bevinding}`).join(', ')}` };
}

/** `d` plus `n` months, on the same day or the month's last day when it has fewer (31 January + 1 = 28 or 29 February). */
export function plusMaanden(d: Date, n: number): Date {
  const j = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  // The month's length from two timestamps: no Date object for it (a register of 100.000 objects).
  const laatste = (Date.UTC(j, m + 1, 1) - Date.UTC(j, m, 1)) / 86_400_000;
  return new Date(Date.UTC(j, m, Math.min(d.getUTCDate(), laatste)));
}

/** How many controls from `eerste` on, every `interval` months, fall on or before 31 December of `jaar`. */
export function controlesInJaar(eerste: Date, interval: number, jaar: number): number {
  // The k-th control lies in month m0 + k × interval (its day kept, or the month's last), so it falls on
  // or before 31 December exactly when that month does: counted in whole months, without a date per
  // control (a register of 100.000 objects made some 300.000 of them).
  if (Number.isInteger(interval) && interval > 0) {
    const m0 = eerste.getUTCFullYear() * 12 + eerste.getUTCMonth();
    const laatsteMaand = jaar * 12 + 11;
    return m0 > laatsteMaand ? 0 : Math.floor((laatsteMaand - m0) / interval) + 1;
  }
  const einde = Date.UTC(jaar, 11, 31);
  let n = 0;
  for (let k = 0; ; k++) {
    // Counted from the first date each time, so that 31 January + 1, + 2 months stays on the month's end.
    const d = plusMaanden(eerste, k * interval);
    if (d.getTime() > einde) return n;
    n++;
  }
}

/**
 * A text built from pieces as one flat string. A template literal of template literals is a tree of
 * pieces in V8 (a cons string), kept as such while it lives: an object's reason held 15 of them,
 * some 500 bytes, half the planning's memory for a register of 100.000 objects.
 */
const plat = (...delen: (string | number)[]): string => delen.join('');
// The documents' one date style in tables and reasons alike (31-01-2025), never a second one beside it.
const kort = nlDatum;
const maanden = (n: number) => (n === 1 ? 'elke maand' : n % 12 === 0 ? (n === 12 ? 'elk jaar' : `elke ${n / 12} jaar`) : `elke ${n} maanden`);
const controles = (n: number) => (n === 1 ? '1 controle' : `${n} controles`);

/** An object's planning with every field, in one order: one shape for a register of 100.000 objects. */
function planningVan(
  object: Inspectieobject,
  klasse: string | undefined,
  klasseBron: ObjectPlanning['klasseBron'],
  naleefgedrag: Naleefgedrag | undefined,
  laatste: Date | undefined,
  interval: number | undefined,
  volgende: Date | undefined,
  aantal: number,
  achterstallig: boolean,
  reden: string,
): ObjectPlanning {
  return { object, klasse, klasseBron, naleefgedrag, laatste, interval, volgende, aantal, achterstallig, reden };
}

/**
 * The inspection frequency of every object: its class (from its activity's risk class, else as given),
 * the interval for that class and its compliance (else the class's default row), the next due date and
 * the controls in the programme year. Pure: the year is given, never the clock's.
 */
export function planFrequenties(
  objecten: readonly Inspectieobject[],
  regels: readonly Frequentieregel[],
  risico: Risicoanalyse | undefined,
  jaar: number,
  /** Per object (lower case): its compliance from the case export, over the register's. */
  uitControles?: ReadonlyMap<string, NaleefgedragUitControles>,
  /** Per object (lower case): its latest control in the case export before the year; counts when newer than the register's. */
  laatsteUitExport?: ReadonlyMap<string, Date>,
  /** An omgevingsdienst's register: controls counted per deelnemer and code. */
  perDeelnemer = false,
): Frequentieplanning {
  const meldingen: Melding[] = [];
  const begin = new Date(Date.UTC(jaar, 0, 1));
  const eindeJaar = Date.UTC(jaar, 11, 31);
  // Per class (lower case), per compliance ('' for the class's default row): the interval.
  const interval = new Map<string, Map<string, number>>();
  for (const r of regels) {
    const k = r.klasse.toLowerCase();
    if (!interval.has(k)) interval.set(k, new Map());
    interval.get(k)!.set(r.naleefgedrag ?? '', r.interval);
  }
  // What repeats over a register of 100.000 objects is made once: the words for a class and
  // compliance, for an interval, and the dates as text (a register has a few thousand distinct days).
  const wieTekst = new Map<string, string>();
  const intervalTekst = new Map<number, string>();
  const datumTekst = new Map<number, string>();
  const kortDag = (d: Date): string => {
    const t = d.getTime();
    let s = datumTekst.get(t);
    if (s === undefined) datumTekst.set(t, (s = kort(d)));
    return s;
  };
  const planning = objecten.map((o): ObjectPlanning => {
    let klasse = o.klasse;
    let klasseBron: ObjectPlanning['klasseBron'] = klasse ? 'opgegeven' : 'onbekend';
    if (o.activiteit && risico) {
      const treffers = zoekActiviteiten(risico, o.activiteit);
      if (treffers.length === 1) {
        if (o.klasse && o.klasse.toLowerCase() !== treffers[0]!.klasse.toLowerCase()) {
          meldingen.push(melding('waarschuwing', 'object-klasse', `object ${o.object}: klasse ${o.klasse} wijkt af van de klasse van activiteit "${o.activiteit}" in de risicoanalyse (${treffers[0]!.klasse}); de risicoanalyse telt`, o.kolomPlaatsen.klasse ?? o.plaats));
        }
        klasse = treffers[0]!.klasse;
        klasseBron = 'activiteit';
      } else {
        meldingen.push(
          melding('waarschuwing', 'object-activiteit', `object ${o.object}: activiteit "${o.activiteit}" ${treffers.length ? `past bij ${treffers.length} activiteiten; gebruik hun id` : 'staat niet in de risicoanalyse'}${o.klasse ? `; de opgegeven klasse ${o.klasse} telt` : ''}`, o.kolomPlaatsen.activiteit ?? o.plaats),
        );
      }
    }
    const uitExport = uitControles?.get(o.object.toLowerCase());
    const naleefgedrag = uitExport?.naleefgedrag ?? o.naleefgedrag;
    if (!klasse) return planningVan(o, klasse, klasseBron, naleefgedrag, undefined, undefined, undefined, 0, false, 'klasse onbekend (geen activiteit uit de risicoanalyse en geen klasse): niet gepland');
    const perGedrag = interval.get(klasse.toLowerCase());
    const i = (naleefgedrag && perGedrag?.get(naleefgedrag)) || perGedrag?.get('');
    let wie: string;
    if (uitExport) wie = `klasse ${klasse}${naleefgedrag ? `, naleefgedrag ${naleefgedrag}` : ''} (${uitExport.uitleg})`;
    else {
      const sleutel = `${klasse}\u0000${naleefgedrag ?? ''}`;
      wie = wieTekst.get(sleutel) ?? '';
      if (!wie) wieTekst.set(sleutel, (wie = plat('klasse ', klasse, naleefgedrag ? `, naleefgedrag ${naleefgedrag}` : '')));
    }
    if (!i) return planningVan(o, klasse, klasseBron, naleefgedrag, undefined, undefined, undefined, 0, false, `${wie}: het blad Frequenties geeft geen interval voor deze klasse: niet gepland`);
    const exportDatum = laatsteUitExport?.get(o.object.toLowerCase());
    const uitExportNieuwer = !!exportDatum && (!o.laatsteControle || exportDatum.getTime() > o.laatsteControle.getTime());
    const laatste = uitExportNieuwer ? exportDatum : o.laatsteControle;
    // A last control after the programme year (2030, 9999) is a typing error, not a plan: said at the
    // object, and the object left unplanned (counted with the objects that cannot be planned).
    if (laatste && laatste.getTime() > eindeJaar) {
      meldingen.push(melding('waarschuwing', 'controle-in-toekomst', `object ${o.object}: de laatste controle ${kort(laatste)} ligt na ${jaar}; is de datum verkeerd getypt? Het object is niet gepland`, o.plaats));
      return planningVan(o, klasse, klasseBron, naleefgedrag, laatste, undefined, undefined, 0, false, `${wie}: laatste controle ${kort(laatste)} ligt na ${jaar}: niet gepland`);
    }
    const due = laatste ? plusMaanden(laatste, i) : undefined;
    const achterstallig = !!due && due.getTime() < begin.getTime();
    const volgende = !due || achterstallig ? begin : due;
    const aantal = controlesInJaar(volgende, i, jaar);
    let elk = intervalTekst.get(i);
    if (elk === undefined) intervalTekst.set(i, (elk = maanden(i)));
    const bron = uitExportNieuwer ? ' (uit de zakenexport)' : '';
    const waarom = !laatste
      ? ['nooit gecontroleerd, dus vanaf 01-01-', jaar]
      : achterstallig
        ? ['laatste controle ', kortDag(laatste), bron, ', dus al op ', kortDag(due!), ' aan de beurt: achterstallig, vanaf 01-01-', jaar]
        : ['laatste controle ', kortDag(laatste), bron, ', dus de volgende op ', kortDag(volgende)];
    const reden = plat(wie, ': ', elk, '; ', ...waarom, ': ', aantal ? controles(aantal) : 'geen controle', ' in ', jaar);
    return planningVan(o, klasse, klasseBron, naleefgedrag, laatste, i, volgende, aantal, achterstallig, reden);
  });

  const onbekend = planning.filter((p) => p.interval === undefined);
  for (const p of onbekend) {
    meldingen.push(melding('waarschuwing', 'object-niet-gepland', `object ${p.object.object}: ${p.reden}`, p.object.kolomPlaatsen.klasse ?? p.object.plaats));
  }
  const perCode = new Map<string, { code: string; deelnemer?: string; aantal: number; objecten: number }>();
  for (const p of planning) {
    if (!p.object.code) continue;
    const k = perDeelnemer ? `${p.object.deelnemer?.toLowerCase() ?? ''}|${p.object.code.toUpperCase()}` : p.object.code.toUpperCase();
    const c = perCode.get(k) ?? { code: p.object.code, deelnemer: perDeelnemer ? p.object.deelnemer : undefined, aantal: 0, objecten: 0 };
    c.aantal += p.aantal;
    c.objecten++;
    perCode.set(k, c);
  }
  const klassen = risico ? [...risico.model.klassen].reverse().map((k) => k.naam) : [];
  const perKlasse = new Map<string, { klasse: string; objecten: number; controles: number }>(klassen.map((k) => [k.toLowerCase(), { klasse: k, objecten: 0, controles: 0 }]));
  for (const p of planning) {
    if (!p.klasse) continue;
    const t = perKlasse.get(p.klasse.toLowerCase()) ?? { klasse: p.klasse, objecten: 0, controles: 0 };
    t.objecten++;
    t.controles += p.aantal;
    perKlasse.set(p.klasse.toLowerCase(), t);
  }
  return {
    jaar,
    objecten: planning,
    perCode: [...perCode.values()],
    perKlasse: [...perKlasse.values()],
    achterstallig: planning.filter((p) => p.achterstallig),
    onbekend,
    meldingen,
  };
}
