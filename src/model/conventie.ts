import type { Tabel } from '../ingest/tabel.js';
import { CONVENTIE_NAAM, kenmerk, type Conventie, type Eenheid, type GetalContext, type Waarde } from './getal.js';
import type { KolomIndeling, KolomSpec } from './kolommen.js';
import { melding, rijBereiken, type Melding } from './melding.js';

interface Bewijs {
  tekst: string;
  rij: number;
}

interface KolomBewijs {
  nl?: Bewijs;
  en?: Bewijs;
}

/**
 * The number convention of one table, decided per column from the cells that settle it (`0,5`,
 * `1.234,5` are Dutch; `6.0`, `1,234.5` English), else from the other number columns of the file,
 * else from the file itself (a CSV separated by `;`). Every cell of a column is read by its decision.
 */
export class GetalToestand {
  private readonly perVeld = new Map<string, GetalContext>();
  private readonly bewijs = new Map<string, KolomBewijs>();
  private bestandConventie?: Conventie;
  private bestandBron = '';
  private readonly afhankelijk = new Map<string, { eenduidig: number; dubbelzinnig: number }>();
  private readonly formules = new Map<string, { vergelijk: boolean; rijen: number[]; voorbeeld: string }>();

  constructor(
    private readonly tabel: Tabel,
    private readonly specs: readonly KolomSpec[],
    private readonly indeling: KolomIndeling,
    private readonly meldingen: Melding[],
  ) {
    const getalVelden = specs.filter((s) => s.getal && indeling.kolommen[s.veld]);
    for (const s of getalVelden) this.bewijs.set(s.veld, this.verzamel(indeling.kolommen[s.veld]!.index));
    const nl = [...this.bewijs.values()].find((b) => b.nl && !b.en)?.nl;
    const en = [...this.bewijs.values()].find((b) => b.en && !b.nl)?.en;
    const kop = (veld: string) => indeling.kolommen[veld]?.kop ?? veld;
    if (nl && !en) {
      this.bestandConventie = 'nl';
      const veld = [...this.bewijs.entries()].find(([, b]) => b.nl === nl)![0];
      this.bestandBron = `"${nl.tekst}" in rij ${nl.rij}, kolom "${kop(veld)}"`;
    } else if (en && !nl) {
      this.bestandConventie = 'en';
      const veld = [...this.bewijs.entries()].find(([, b]) => b.en === en)![0];
      this.bestandBron = `"${en.tekst}" in rij ${en.rij}, kolom "${kop(veld)}"`;
    } else if (!nl && !en && tabel.getalHint) {
      this.bestandConventie = tabel.getalHint.conventie;
      this.bestandBron = tabel.getalHint.bron;
    }
    for (const [veld, b] of this.bewijs) {
      if (b.nl && b.en) {
        meldingen.push(
          melding(
            'waarschuwing',
            'getallen-gemengd',
            `deze kolom mengt de Nederlandse schrijfwijze ("${b.nl.tekst}", rij ${b.nl.rij}) en de Engelse ("${b.en.tekst}", rij ${b.en.rij}); getallen die dubbelzinnig zijn (zoals 1.400) worden daarom niet gelezen`,
            { bestand: tabel.bestand, blad: tabel.blad, kolom: kop(veld) },
          ),
        );
      }
    }
  }

  private verzamel(index: number): KolomBewijs {
    const b: KolomBewijs = {};
    for (const r of this.tabel.rijen) {
      const c = r.cellen[index];
      if (c?.t !== 'tekst') continue;
      const k = kenmerk(c.v);
      if ((k === 'nl' || k === 'en') && !b[k]) b[k] = { tekst: c.v.length > 30 ? c.v.slice(0, 29) + '…' : c.v, rij: r.rij };
      if (b.nl && b.en) break;
    }
    return b;
  }

  context(veld: string, eenheid?: Eenheid): GetalContext {
    let ctx = this.perVeld.get(veld);
    if (!ctx) {
      let b = this.bewijs.get(veld);
      const index = this.indeling.kolommen[veld]?.index;
      if (!b && index !== undefined) {
        b = this.verzamel(index);
        this.bewijs.set(veld, b);
      }
      const spec = this.specs.find((s) => s.veld === veld);
      const e = eenheid ?? (spec?.getal === 'uren' || spec?.getal === 'minuten' || spec?.getal === 'aantal' ? spec.getal : undefined);
      if (b?.nl && b.en) ctx = { gemengd: true, eenheid: e };
      else ctx = { conventie: b?.nl ? 'nl' : b?.en ? 'en' : this.bestandConventie, eenheid: e };
      this.perVeld.set(veld, ctx);
    }
    return ctx;
  }

  /** Counts cells whose reading depended on the convention, for the table's one finding. */
  registreer(veld: string, w: Waarde): void {
    if (w.soort !== 'getal' || !w.afhankelijk) return;
    const t = this.afhankelijk.get(veld) ?? { eenduidig: 0, dubbelzinnig: 0 };
    t[w.afhankelijk]++;
    this.afhankelijk.set(veld, t);
  }

  /**
   * A formula without a stored result (a file saved by openpyxl or pandas): one finding per column.
   * In a column vth computes itself or only compares, it never blocks.
   */
  formule(veld: string, rij: number, formule: string, vergelijk?: boolean): void {
    const v = vergelijk ?? !!this.specs.find((s) => s.veld === veld)?.vergelijk;
    const sleutel = `${veld}|${v}`;
    const f = this.formules.get(sleutel) ?? { vergelijk: v, rijen: [], voorbeeld: formule };
    f.rijen.push(rij);
    this.formules.set(sleutel, f);
  }

  private rapporteerFormules(): void {
    for (const [sleutel, f] of this.formules) {
      const veld = sleutel.split('|')[0]!;
      const plaats = { bestand: this.tabel.bestand, blad: this.tabel.blad, rij: f.rijen[0], kolom: this.indeling.kolommen[veld]?.kop };
      const n = f.rijen.length;
      const wat = `${n === 1 ? 'een formule' : `${n} formules`} zonder opgeslagen uitkomst (${n === 1 ? 'rij' : 'rijen'} ${rijBereiken(f.rijen)}, bijvoorbeeld =${f.voorbeeld.length > 40 ? f.voorbeeld.slice(0, 39) + '…' : f.voorbeeld})`;
      this.meldingen.push(
        f.vergelijk
          ? melding('melding', 'formules-zonder-uitkomst', `${wat}; vth berekent deze waarden zelf en vergelijkt ze hier niet`, plaats)
          : melding(
              'fout',
              'formule-zonder-uitkomst',
              `${wat}: de waarden zijn onbekend. Het bestand is opgeslagen zonder uitkomsten (zoals openpyxl en pandas doen); open het in Excel of LibreOffice en sla het op, of gebruik --herbereken`,
              plaats,
            ),
      );
    }
  }

  /** One finding per table that says how its numbers were read, when that mattered. */
  rapporteer(): void {
    this.rapporteerFormules();
    if (this.afhankelijk.size === 0) return;
    const kop = (veld: string) => this.indeling.kolommen[veld]?.kop ?? veld;
    const delen: string[] = [];
    const perConventie = new Map<string, string[]>();
    let dubbelzinnigZonderBewijs = 0;
    for (const [veld, t] of this.afhankelijk) {
      const ctx = this.perVeld.get(veld);
      if (!ctx || ctx.gemengd) continue;
      const b = this.bewijs.get(veld);
      const eigen = b?.nl ?? b?.en;
      const conv = ctx.conventie ?? 'nl';
      const reden = eigen ? `"${eigen.tekst}" in rij ${eigen.rij}` : this.bestandConventie ? this.bestandBron : '';
      if (!ctx.conventie) dubbelzinnigZonderBewijs += t.dubbelzinnig;
      const lijst = perConventie.get(conv + '|' + reden) ?? [];
      lijst.push(`"${kop(veld)}"`);
      perConventie.set(conv + '|' + reden, lijst);
    }
    for (const [sleutel, kolommen] of perConventie) {
      const [conv, reden] = sleutel.split('|') as [Conventie, string];
      delen.push(
        `${kolommen.length === 1 ? 'kolom' : 'kolommen'} ${kolommen.join(', ')}: ${CONVENTIE_NAAM[conv]}${reden ? `, want ${reden}` : ''}`,
      );
    }
    if (delen.length === 0) return;
    const onzeker =
      dubbelzinnigZonderBewijs > 0
        ? `; niets in het bestand maakt de schrijfwijze zeker, dus ${dubbelzinnigZonderBewijs === 1 ? 'is 1 getal' : `zijn ${dubbelzinnigZonderBewijs} getallen`} als 1.400 volgens de Nederlandse schrijfwijze gelezen (duizendtallen)`
        : '';
    this.meldingen.push(
      melding(
        dubbelzinnigZonderBewijs > 0 ? 'waarschuwing' : 'melding',
        'getallen-schrijfwijze',
        `getallen gelezen in ${delen.join('; ')}${onzeker}`,
        { bestand: this.tabel.bestand, blad: this.tabel.blad },
      ),
    );
  }
}
