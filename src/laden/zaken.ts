import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ZakenTelling, type NaleefGroepen, type ZakenResultaat } from '../compute/zaken.js';
import { OnleesbaarFout } from '../ingest/fout.js';
import { stroomRijen } from '../ingest/stroom.js';
import { melding, voegToe as voegAlleToe, type Melding } from '../model/melding.js';
import { ZakenLezer, type Zaak, type ZaakVeld } from '../model/zaken.js';
import type { CodeKoppeling } from '../compute/koppeling.js';
import type { Conventie } from '../model/getal.js';
import { Rational } from '../model/rational.js';

export interface ZakenUitkomst {
  resultaat: ZakenResultaat;
  meldingen: Melding[];
  gelezen: number;
  overgeslagen: number;
  /** Why the export cannot be used at all; then no realisation, timeliness or compliance comes from it. */
  onbruikbaar?: string;
  /** With `deelnemers` and a column deelnemer: each deelnemer's own tally (by lower-case name). */
  perDeelnemer?: Map<string, ZakenResultaat>;
  /** Cases whose deelnemer is not in Deelnemers (or empty): counted and named, in no deelnemer's tally. */
  onbekendeDeelnemers?: { naam: string; zaken: number; uren: Rational }[];
}

/** The header is the first row that names two of the export's fields, within this many rows. */
const MAX_TITELRIJEN = 10;

export interface ZakenOpties {
  /** Matches cases to programme lines (codes, short codes, names, Zaaktypen). */
  koppeling?: CodeKoppeling;
  /** The user's choice of column per field, where two headers could be the same field. */
  keuzes?: Partial<Record<ZaakVeld, string>>;
  /** The werkmap's `schrijfwijze getallen`: for hours that do not show their writing themselves. */
  getalnotatie?: Conventie;
  /** An omgevingsdienst: its deelnemers, each with the matching of its own lines; every case also counts for the whole. */
  deelnemers?: { naam: string; koppeling: CodeKoppeling }[];
}

/** Streams a Zaken export through the reader into the aggregate: memory stays flat whatever its size. */
export async function verwerkZaken(
  pad: string,
  jaar: number,
  voortgang?: (gelezen: number, totaal: number) => void,
  groepen?: NaleefGroepen,
  opties: ZakenOpties = {},
): Promise<ZakenUitkomst> {
  try {
    if (!(await stat(pad)).isFile()) throw new Error();
  } catch {
    throw new OnleesbaarFout(`zakenexport "${pad}" bestaat niet of is geen bestand`, { bestand: pad });
  }
  const bestand = path.basename(pad);
  const lezer = new ZakenLezer(
    bestand,
    opties.keuzes,
    opties.getalnotatie ? { conventie: opties.getalnotatie, bron: 'Instellingen "schrijfwijze getallen"' } : undefined,
  );
  const telling = new ZakenTelling(jaar, groepen, opties.koppeling);
  const perDeelnemer = new Map((opties.deelnemers ?? []).map((d) => [d.naam.toLowerCase(), new ZakenTelling(jaar, groepen, d.koppeling)]));
  const onbekend = new Map<string, { naam: string; zaken: number; tienduizendsten: number }>();
  const voegToe = opties.deelnemers
    ? (z: Zaak) => {
        telling.voegToe(z);
        const t = perDeelnemer.get(z.deelnemer.toLowerCase());
        if (t) t.voegToe(z);
        else {
          const o = onbekend.get(z.deelnemer.toLowerCase()) ?? { naam: z.deelnemer, zaken: 0, tienduizendsten: 0 };
          o.zaken++;
          o.tienduizendsten += z.urenTienduizendsten;
          onbekend.set(z.deelnemer.toLowerCase(), o);
        }
      }
    : (z: Zaak) => telling.voegToe(z);
  let kopKlaar = false;
  let kopOk = true;
  let voorKop: { waarden: unknown[]; rij: number }[] = [];
  let scheiding = ';';
  const perRij = (waarden: unknown[], rij: number) => {
    if (!kopOk) return;
    if (!kopKlaar) {
      if (waarden.every((w) => w === null || w === undefined || w === '')) return;
      // Title rows above the header ("Zaken 2025 — export van 3-1-2026") are skipped.
      if (ZakenLezer.telKop(waarden) < 2 && voorKop.length < MAX_TITELRIJEN) {
        voorKop.push({ waarden: waarden.slice(), rij });
        return;
      }
      for (const t of voorKop) lezer.titelrij(t.waarden, t.rij);
      voorKop = [];
      kopKlaar = true;
      kopOk = lezer.kop(waarden, rij);
      return;
    }
    lezer.rij(waarden, rij, voegToe);
  };
  await stroomRijen(pad, perRij, {
    voortgang,
    scheidingsteken: (s) => {
      scheiding = s;
      lezer.scheidingsteken(s);
    },
    // A CSV's plain lines: after the header the reader cuts only the cells it uses.
    perRegel: (tekst, begin, eind, rij) => {
      if (!kopKlaar) perRij(tekst.slice(begin, eind).split(scheiding), rij);
      else if (kopOk) lezer.regel(tekst, begin, eind, scheiding, rij, voegToe);
    },
  });
  lezer.einde();
  const meldingen = [...lezer.meldingen];
  let onbruikbaar = lezer.onbruikbaar;
  if (!lezer.heeftKop) {
    onbruikbaar = voorKop.length
      ? `er is geen kopregel gevonden: geen van de eerste ${voorKop.length} rijen noemt twee kolommen als zaaknummer, productcode, ontvangen of besluit`
      : 'de zakenexport is leeg';
    meldingen.push(melding('fout', 'zaken-leeg', onbruikbaar, { bestand }));
  }
  if (lezer.overigeFouten > 0) {
    meldingen.push(melding('fout', 'zaak-onleesbaar', `en nog ${lezer.overigeFouten} onleesbare waarden in andere rijen (niet afzonderlijk getoond)`, { bestand }));
  }
  const resultaat = telling.resultaat();
  voegAlleToe(meldingen, resultaat.meldingen.map((m) => ({ ...m, plaats: { ...m.plaats, bestand } })));
  // Only a header, or no case read at all: an export without cases says nothing about the year; it
  // must not be taken as a year without cases (0 of 0 on time would be judged).
  if (!onbruikbaar && lezer.gelezen === 0) {
    onbruikbaar = 'er staat geen enkele zaak in (alleen een kopregel)';
    meldingen.push(melding('fout', 'zaken-leeg', onbruikbaar, { bestand }));
  }
  onbruikbaar ??= resultaat.onbruikbaar;
  if (!onbruikbaar && lezer.gelezen > 0 && resultaat.zaken === 0) {
    onbruikbaar = `geen van de ${lezer.gelezen} zaken is leesbaar (zie de fouten hierboven)`;
    meldingen.push(melding('fout', 'zaken-onbruikbaar', onbruikbaar, { bestand }));
  }
  const deelnemers = opties.deelnemers && lezer.heeftDeelnemer
    ? { perDeelnemer: new Map([...perDeelnemer].map(([naam, t]) => [naam, t.resultaat()])), onbekendeDeelnemers: [...onbekend.values()].sort((a, b) => b.zaken - a.zaken || a.naam.localeCompare(b.naam)).map((o) => ({ naam: o.naam, zaken: o.zaken, uren: Rational.of(BigInt(o.tienduizendsten), 10000n) })) }
    : {};
  return { resultaat, meldingen, gelezen: lezer.gelezen, overgeslagen: lezer.overgeslagen, onbruikbaar, ...deelnemers };
}
