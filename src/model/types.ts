import type { Waarde } from './getal.js';
import type { ZaakVeld } from './zaken.js';
import type { Melding, Plaats } from './melding.js';
import type { Rational } from './rational.js';

export interface Instellingen {
  gemeente?: string;
  jaar?: number;
  productieveUrenPerFte?: Rational;
  /** Jaarverslag deviation threshold in percent. */
  afwijkingsdrempel: Rational;
  provincie?: string;
  uvpVastgesteldOp?: Date;
  jaarverslagVastgesteldOp?: Date;
  /** For provinces that judge the UVP of N with the jaarverslag over N−1. */
  jaarverslagVorigJaarVastgesteldOp?: Date;
  beleidsplanGeldigTot?: number;
  /** Code prefixes of the inspection groups for the compliance figures (default A2.02, A2.03, A2.12). */
  codesPeriodiek?: string[];
  codesHercontrole?: string[];
  codesHandhavingscontrole?: string[];
  /** `schrijfwijze getallen`: the convention for cells that do not settle it themselves. */
  getalnotatie?: 'nl' | 'en';
  /** `zaken kolom <veld>`: the case export's header for a field, where two could be it (an export profile). */
  zakenKolommen?: Partial<Record<ZaakVeld, string>>;
  /**
   * `naleefgedrag uit controles`: an object's compliance follows from its last this many inspections
   * in a case export (all conform: goed; all a violation: slecht; else matig) instead of the register.
   */
  naleefgedragUitControles?: number;
  /** `huisstijl`: the reference .docx for the Word documents, relative to the werkmap's folder. */
  huisstijl?: string;
  /** `ibt-oordeel`: the province's last IBT judgement as the municipality states it ("oranje (2024)"). */
  ibtOordeel?: string;
  /** `kwaliteitscriteria versie`: the adopted version of the kwaliteitscriteria (KC 2.3, KC 3.0), as typed. */
  kwaliteitscriteriaVersie?: string;
  /** `uurtarief`: euros per hour for the costs (PxQ); a deelnemer's own rate in Deelnemers overrides it. */
  uurtarief?: Rational;
  /** Where each setting was found, for messages. */
  plaatsen: Partial<Record<string, Plaats>>;
}

export interface Dimensie {
  naam: string;
  gewicht: Rational;
  plaats: Plaats;
}

export interface Klasse {
  naam: string;
  grens: Rational;
  /** true: R > grens; false: R ≥ grens. */
  strikt: boolean;
  plaats: Plaats;
}

export interface Risicomodel {
  dimensies: Dimensie[];
  factor: Rational;
  /** Lowest first. */
  klassen: Klasse[];
  decimalen: { effect: number; risico: number };
  standaardKans?: Rational;
  plaats: Plaats;
}

/** An activity's score by dimension name (a Map satisfies it). */
export interface ScoresPerDimensie {
  get(naam: string): Rational | undefined;
}

export interface Risicoactiviteit {
  plaats: Plaats;
  id?: string;
  activiteit: string;
  groep?: string;
  /** Score per dimension name (as configured in the model); undefined when missing or unreadable. */
  scores: ScoresPerDimensie;
  kans?: Rational;
  bijgesteldeKlasse?: string;
  motivatie?: string;
  gedrukt: { effect?: { waarde: Rational; tekst: string }; risico?: { waarde: Rational; tekst: string }; klasse?: string };
  kolomPlaatsen: { effect?: Plaats; risico?: Plaats; klasse?: Plaats; kans?: Plaats };
}

export interface Productcode {
  code: string;
  /** A1 */
  taakveld: string;
  /** A1.17 */
  groep: string;
  /** A1.17.00, or A4.19 for a two-segment code */
  product: string;
}

export interface ProgrammaRegel {
  plaats: Plaats;
  /** Index in input order over all lines (subtotals excluded). */
  volgnummer: number;
  code?: string;
  productcode?: Productcode;
  product: string;
  taakveld: string;
  /**
   * Where the taakveld came from: its own column, a heading row above it, the code prefix, the block of
   * lines it sits in (up to a total row) where its own prefix disagrees with all the others, or nothing.
   */
  taakveldBron: 'kolom' | 'kop' | 'code' | 'blok' | 'geen';
  afdeling?: string;
  aantal: Waarde;
  kental: Waarde;
  /** Fixed hours for a line without kental, or a printed line total to check. */
  uren: Waarde;
  prioriteit?: string;
  wettelijk: boolean;
  opmerking?: string;
  /** The goals (Doelen ids) this line serves. */
  doelen?: string[];
  /** `vast`: the aantal stays as written, also when the object register gives another. */
  aantalVast: boolean;
  /** The toezichtprotocol's risk class (RK1 …) of the projects this line counts. */
  risicoklasse?: string;
  /** The kental cell says `protocol`: it is the protocol's hours for `risicoklasse`. */
  kentalProtocol: boolean;
  /** The kwaliteitscriteria's deskundigheidsgebied whose hours this product's cases are (column `gebied`). */
  gebied?: string;
  /** For an omgevingsdienst: the deelnemer (sheet Deelnemers) this line is done for, as typed. */
  deelnemer?: string;
  /** A fixed price in euros per unit of aantal, overriding the hourly rate for this line's costs. */
  prijs?: Waarde;
  kolomPlaatsen: { aantal?: Plaats; kental?: Plaats; uren?: Plaats; afdeling?: Plaats; code?: Plaats; prioriteit?: Plaats; doel?: Plaats; risicoklasse?: Plaats; deelnemer?: Plaats; prijs?: Plaats };
}

/** A printed total row (`Totaal…`, `Subtotaal…`, `Som`, a group code, a lone number in uren): checked, never added. */
export interface Subtotaal {
  plaats: Plaats;
  tekst: string;
  uren: Waarde;
  /** The lines it closes (volgnummers): back to the previous total row. */
  regels: number[];
  /** How many lines are above it (volgnummers 0 to regelsVoor − 1): a total that follows another total closes the whole table. */
  regelsVoor: number;
  /** A group code (`A2`, `A2.09`): it closes the lines whose code starts with it. */
  groep?: string;
}

export interface Afdeling {
  plaats: Plaats;
  naam: string;
  fte?: Rational;
  /** The no-value word in the fte cell (`n.t.b.`): the formation is unknown, not zero. */
  fteOnbekend?: string;
  productieveUrenPerFte?: Rational;
  extern: boolean;
  ingekochteUren?: Rational;
}

export interface Reservering {
  plaats: Plaats;
  afdeling: string;
  omschrijving: string;
  percentage?: Rational;
  uren?: Rational;
}

export interface Project {
  plaats: Plaats;
  code?: string;
  project: string;
  soort: 'project' | 'dienst';
  afdeling?: string;
  /** Regional total hours (may be a no-value word: externally financed). */
  uren: Waarde;
  /** The member's share in percent. */
  verdeelsleutel?: Rational;
  /** The share in hours as the source prints it (whole hours), to check against the exact share. */
  aandeelGedrukt?: Waarde;
  aandeelPlaats?: Plaats;
  /** How it is paid (verdeelsleutel, extern gefinancierd, via de begroting) and its phase, as typed. */
  financiering?: string;
  fase?: string;
  /** For an omgevingsdienst: the key column of Deelnemers that divides this line (`inwoners`); none: the verdeelsleutel. */
  sleutel?: string;
  sleutelPlaats?: Plaats;
  /** In a deelnemer's part: its share in whole hours, by largest remainder over all deelnemers. */
  aandeelAfgerond?: Rational;
  /**
   * An omgevingsdienst's Projecten with a column per deelnemer (`Dinkelstad`, `uren Dinkelstad`): each
   * deelnemer's share in hours as the sheet prints it, by the deelnemer's name in lower case. Checked
   * in that deelnemer's part, never used.
   */
  aandelenGedrukt?: Map<string, { waarde: Waarde; plaats: Plaats }>;
}

/** A deelnemer of an omgevingsdienst (sheet Deelnemers). */
export interface Deelnemer {
  plaats: Plaats;
  naam: string;
  /** Its share of the regional work in percent (12,02 for 12,02%). */
  verdeelsleutel?: Rational;
  /** Further key columns (`inwoners`, `bedrijven`) by their normalised header. */
  sleutels: Map<string, Rational>;
  /** Euros per hour for this deelnemer's costs, overriding Instellingen' `uurtarief`. */
  uurtarief?: Rational;
}

/** A printed total row in Projecten: the regional hours and the member's share, checked against the lines. */
export interface ProjectTotaal {
  plaats: Plaats;
  tekst: string;
  uren: Waarde;
  aandeel: Waarde;
  urenPlaats: Plaats;
  aandeelPlaats: Plaats;
  /** An omgevingsdienst's printed share total per deelnemer (Enschede's "739"), by name in lower case. */
  aandelenGedrukt?: Map<string, { waarde: Waarde; plaats: Plaats }>;
  /** The lines since the previous total row. */
  regels: Project[];
}

export type Vergelijker = '>=' | '<=' | '=' | '>' | '<';

export interface Streefwaarde {
  tekst: string;
  vergelijker: Vergelijker;
  waarde: Rational;
  procent: boolean;
}

/** One indicator of a goal with its target value; a goal may have several (one row each in Doelen). */
export interface DoelIndicator {
  plaats: Plaats;
  /** 1 for the goal's own row, 2 … for the rows below it with the same id. */
  nr: number;
  indicator?: string;
  streefwaarde?: Streefwaarde;
  eenheid?: string;
}

export interface Doel {
  plaats: Plaats;
  id: string;
  thema?: string;
  doel: string;
  /** The first indicator (the goal's own row), as most tables show one line per goal; all are in `indicatoren`. */
  indicator?: string;
  streefwaarde?: Streefwaarde;
  eenheid?: string;
  /** Every indicator of the goal, the first one included. */
  indicatoren: DoelIndicator[];
}

export interface Tekst {
  plaats: Plaats;
  sectie: string;
  tekst: string;
}

export interface Realisatie {
  plaats: Plaats;
  code: string;
  aantal: Waarde;
  uren: Waarde;
  toelichting?: string;
  /** An omgevingsdienst's realisation: the deelnemer it was realised for, as written, and its cell. */
  deelnemer?: string;
  deelnemerPlaats?: Plaats;
}

/** Figures a goal can take straight from the case export instead of a typed value. */
export const INDICATOR_BRONNEN = [
  'tijdigheid',
  'tijdigheid regulier',
  'tijdigheid uitgebreid',
  'tijdigheid handhavingsverzoek',
  'verdaagd',
  'naleving spontaan',
  'naleving na hercontrole',
  // The recorded outcome of the follow-up inspections themselves: the share without a violation.
  'hercontroles zonder overtreding',
] as const;
export type IndicatorBron = (typeof INDICATOR_BRONNEN)[number];

export interface Indicatorwaarde {
  plaats: Plaats;
  id: string;
  /** Which of the goal's indicators (its text, or a number written as `FP1.2`); none: the first. */
  indicator?: string;
  waarde: Waarde;
  tekst: string;
  bron?: IndicatorBron;
}

export interface Verbeterpunt {
  plaats: Plaats;
  nr: string;
  verbeterpunt: string;
  status: 'open' | 'in uitvoering' | 'afgerond';
  toelichting?: string;
}

export type Naleefgedrag = 'goed' | 'matig' | 'slecht';

/** An object under supervision (sheet Objecten). */
export interface Inspectieobject {
  plaats: Plaats;
  object: string;
  naam?: string;
  /** A Risicoanalyse id or activity, which gives the class. */
  activiteit?: string;
  /** The class as given, where no activity gives one. */
  klasse?: string;
  naleefgedrag?: Naleefgedrag;
  laatsteControle?: Date;
  /** The programme line its controls count on. */
  code?: string;
  /** An omgevingsdienst's register: the deelnemer the object belongs to, as written. */
  deelnemer?: string;
  kolomPlaatsen: { klasse?: Plaats; activiteit?: Plaats; code?: Plaats; deelnemer?: Plaats };
}

/** A row of sheet Frequenties: months between controls for a class (and compliance; none: the class's default). */
export interface Frequentieregel {
  plaats: Plaats;
  klasse: string;
  naleefgedrag?: Naleefgedrag;
  interval: number;
}

/** An item of the toezichtprotocol: its depth level per risk class (RK1 …), as written (0, S, 1 … 4). */
export interface Protocolitem {
  plaats: Plaats;
  nr: string;
  groep?: string;
  omschrijving: string;
  thema?: string;
  /** Per class the level as written (`2`, `s`, `n.v.t.`); `niveauSleutel` gives the scale's name. */
  niveaus: Map<string, string>;
  /** The header of each class column, for messages. */
  kolomVan: Map<string, string>;
}

/** A depth level: minutes per item; a share for the steekproef level S; `VAST` is the fixed minutes per project. */
export interface Niveau {
  plaats: Plaats;
  /** The level as the protocol's cells name it: 0, S, 1 … 4, or VAST for the fixed minutes per project. */
  niveau: string;
  /** As the user wrote it, for messages (`Steekproef`, `Vaste tijd (reizen, verslag)`). */
  naam?: string;
  minuten: Rational;
  steekproef?: Rational;
  /** The row names the level but its minutes are unreadable (an error at that cell): no item of this level is reported again. */
  onleesbaar?: boolean;
}

/** The whole werkmap as typed records. Sheets that are absent are undefined. */
export interface Werkmap {
  pad: string;
  instellingen: Instellingen;
  risicomodel?: Risicomodel;
  risicoanalyse?: Risicoactiviteit[];
  producten?: { regels: ProgrammaRegel[]; subtotalen: Subtotaal[] };
  capaciteit?: Afdeling[];
  reserveringen?: Reservering[];
  projecten?: Project[];
  projectTotalen?: ProjectTotaal[];
  doelen?: Doel[];
  teksten?: Tekst[];
  realisatie?: Realisatie[];
  indicatoren?: Indicatorwaarde[];
  verbeterpunten?: Verbeterpunt[];
  zaaktypen?: Zaaktype[];
  objecten?: Inspectieobject[];
  frequenties?: Frequentieregel[];
  toezichtprotocol?: { items: Protocolitem[]; klassen: string[] };
  niveaus?: Niveau[];
  afkortingen?: Afkorting[];
  kwaliteitscriteria?: KcNorm[];
  medewerkers?: Medewerker[];
  /**
   * Set on one deelnemer's part of an omgevingsdienst's werkmap (compute/omgevingsdienst.ts): whose
   * programme it is a part of, and its regional shares per kind in whole hours (largest remainder).
   */
  deel?: { omgevingsdienst: string; afrondingsregel: string; afgerondPerSoort: { soort: 'project' | 'dienst'; uren: Rational }[]; afgerond: Rational };
  /** An omgevingsdienst's werkmap: its deelnemers and the names of the further key columns (as headed). */
  deelnemers?: { deelnemers: Deelnemer[]; sleutels: { sleutel: string; kop: string }[] };
  /** Which sheets were found, with their place. */
  bladen: Partial<Record<BladNaam, Plaats>>;
  meldingen: Melding[];
}

export type BladNaam =
  | 'Instellingen'
  | 'Risicomodel'
  | 'Risicoanalyse'
  | 'Producten'
  | 'Capaciteit'
  | 'Reserveringen'
  | 'Projecten'
  | 'Doelen'
  | 'Teksten'
  | 'Realisatie'
  | 'Indicatoren'
  | 'Verbeterpunten'
  | 'Zaaktypen'
  | 'Objecten'
  | 'Frequenties'
  | 'Toezichtprotocol'
  | 'Niveaus'
  | 'Afkortingen'
  | 'Kwaliteitscriteria'
  | 'Medewerkers'
  | 'Deelnemers';

/** An abbreviation of the municipality's own (sheet Afkortingen). */
export interface Afkorting {
  plaats: Plaats;
  afkorting: string;
  betekenis: string;
}

/** A case type of the case system and the programme code its cases count on (sheet Zaaktypen). */
export interface Zaaktype {
  plaats: Plaats;
  zaaktype: string;
  code: string;
  /** The kwaliteitscriteria's deskundigheidsgebied of its cases (column `gebied`). */
  gebied?: string;
}

/**
 * A norm of the kwaliteitscriteria: one number of the adopted KC table. `getal`: the value; `geen`:
 * n.v.t. (the table sets no requirement); `onbekend`: empty, n.t.b. or PM: not known, never 0.
 */
export type KcWaarde = { soort: 'getal'; waarde: Rational } | { soort: 'geen' } | { soort: 'onbekend'; woord?: string };

/** A deskundigheidsgebied of the adopted kwaliteitscriteria (sheet Kwaliteitscriteria). */
export interface KcNorm {
  plaats: Plaats;
  gebied: string;
  /** Minimum number of qualified people. */
  aantal: KcWaarde;
  /** Minimum hours per person per year in the area ("vlieguren"). */
  frequentie: KcWaarde;
  /** Minimum years of experience. */
  werkervaring: KcWaarde;
  /** The required education, as text for the document. */
  opleiding?: string;
  aanvullendeKennis?: string;
  /** Who covers the area: undefined or "eigen organisatie" is the municipality itself. */
  belegdBij?: string;
  /** The reason for a known deviation (comply or explain). */
  motivering?: string;
}

export type KcOpleiding = 'ja' | 'nee' | 'EVC' | 'in opleiding';

/** One person in one area (sheet Medewerkers). */
export interface Medewerker {
  plaats: Plaats;
  medewerker: string;
  afdeling?: string;
  fte?: Rational;
  gebied: string;
  opleiding?: KcOpleiding;
  werkervaring?: Rational;
  /** Hours worked in the area in the year, as typed. */
  uren?: Rational;
  kolomPlaatsen: { gebied?: Plaats; uren?: Plaats; opleiding?: Plaats; werkervaring?: Plaats };
}
