import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { nlGetal } from './getal.js';
import { ZAAK_KOLOMMEN, type ZaakVeld } from './zaken.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { Instellingen } from './types.js';

const SLEUTELS: Record<string, string> = {
  gemeente: 'gemeente',
  omgevingsdienst: 'gemeente',
  uurtarief: 'uurtarief',
  'tarief per uur': 'uurtarief',
  jaar: 'jaar',
  programmajaar: 'jaar',
  'productieve uren per fte': 'productieveUrenPerFte',
  'productieve uren': 'productieveUrenPerFte',
  afwijkingsdrempel: 'afwijkingsdrempel',
  provincie: 'provincie',
  'uvp vastgesteld op': 'uvpVastgesteldOp',
  'jaarverslag vastgesteld op': 'jaarverslagVastgesteldOp',
  'jaarverslag vorig jaar vastgesteld op': 'jaarverslagVorigJaarVastgesteldOp',
  'beleidsplan geldig tot': 'beleidsplanGeldigTot',
  'codes periodieke controles': 'codesPeriodiek',
  'codes hercontroles': 'codesHercontrole',
  'codes handhavingscontroles': 'codesHandhavingscontrole',
  'schrijfwijze getallen': 'getalnotatie',
  getalnotatie: 'getalnotatie',
  huisstijl: 'huisstijl',
  'naleefgedrag uit controles': 'naleefgedragUitControles',
  'huisstijl word': 'huisstijl',
  'ibt-oordeel': 'ibtOordeel',
  'ibt oordeel': 'ibtOordeel',
  'laatste ibt-oordeel': 'ibtOordeel',
  'oordeel provincie': 'ibtOordeel',
  'kwaliteitscriteria versie': 'kwaliteitscriteriaVersie',
  'versie kwaliteitscriteria': 'kwaliteitscriteriaVersie',
};

export function leesInstellingen(tabel: Tabel): { instellingen: Instellingen; meldingen: Melding[] } {
  const inst: Instellingen = { afwijkingsdrempel: Rational.of(10n), plaatsen: {} };
  const gezien = new Set<string>();
  const { meldingen } = leesBlad(
    tabel,
    [
      { veld: 'instelling', naam: 'instelling', aliassen: ['naam', 'sleutel'], verplicht: true },
      { veld: 'waarde', naam: 'waarde', verplicht: true },
    ] as const,
    (v, r) => {
      const naam = r.tekst('instelling');
      if (naam === '') return undefined;
      const zk = /^zaken kolom (.+)$/.exec(normaliseerKop(naam));
      if (zk) {
        const veld = zk[1]!;
        if (!(veld in ZAAK_KOLOMMEN)) {
          v.meldingen.push(melding('fout', 'instelling-onbekend', `"${naam}": ${veld} is geen veld van de zakenexport (${Object.keys(ZAAK_KOLOMMEN).join(', ')})`, r.plaats('instelling')));
        } else if (v.tekst('waarde')) (inst.zakenKolommen ??= {})[veld as ZaakVeld] = v.tekst('waarde');
        return undefined;
      }
      const sleutel = SLEUTELS[normaliseerKop(naam)];
      const plaats = r.plaats('waarde');
      if (!sleutel) {
        v.meldingen.push(melding('melding', 'instelling-onbekend', `instelling "${naam}" is onbekend en wordt genegeerd`, r.plaats('instelling')));
        return undefined;
      }
      if (gezien.has(sleutel)) {
        v.meldingen.push(melding('fout', 'instelling-dubbel', `instelling "${naam}" staat er twee keer in`, r.plaats('instelling')));
        return undefined;
      }
      gezien.add(sleutel);
      inst.plaatsen[sleutel] = plaats;
      switch (sleutel) {
        case 'getalnotatie': {
          const t = normaliseerKop(v.tekst('waarde'));
          if (['nl', 'nederlands', 'nederlandse', 'dutch'].includes(t)) inst.getalnotatie = 'nl';
          else if (['en', 'engels', 'engelse', 'english'].includes(t)) inst.getalnotatie = 'en';
          else v.meldingen.push(melding('fout', 'waarde-onleesbaar', `schrijfwijze getallen "${v.tekst('waarde')}" moet Nederlands of Engels zijn`, plaats));
          break;
        }
        case 'gemeente':
          inst.gemeente = v.tekst('waarde', { verplicht: true }) || undefined;
          break;
        case 'provincie':
          inst.provincie = v.tekst('waarde') || undefined;
          break;
        case 'huisstijl':
          inst.huisstijl = v.tekst('waarde') || undefined;
          break;
        case 'ibtOordeel':
          inst.ibtOordeel = v.tekst('waarde') || undefined;
          break;
        case 'kwaliteitscriteriaVersie':
          inst.kwaliteitscriteriaVersie = v.tekst('waarde') || undefined;
          break;
        case 'naleefgedragUitControles': {
          const n = v.strikt('waarde', { nietNegatief: true });
          if (n !== undefined && (!n.isInteger() || n.lt(Rational.ONE) || n.gt(Rational.of(5n)))) {
            v.meldingen.push(melding('fout', 'waarde-onleesbaar', `naleefgedrag uit controles moet een aantal controles van 1 tot 5 zijn, niet ${nlGetal(n)}`, plaats));
          } else if (n !== undefined) inst.naleefgedragUitControles = Number(n.num);
          break;
        }
        case 'jaar':
        case 'beleidsplanGeldigTot': {
          const j = v.strikt('waarde', { verplicht: sleutel === 'jaar' });
          if (j !== undefined) {
            if (!j.isInteger() || j.lt(Rational.of(1900n)) || j.gt(Rational.of(2200n))) {
              v.meldingen.push(melding('fout', 'waarde-onleesbaar', `${nlGetal(j, 4)} is geen jaartal`, plaats));
            } else if (sleutel === 'jaar') inst.jaar = Number(j.num);
            else inst.beleidsplanGeldigTot = Number(j.num);
          }
          break;
        }
        case 'productieveUrenPerFte': {
          const u = v.strikt('waarde', { nietNegatief: true });
          if (u !== undefined && u.isZero()) {
            v.meldingen.push(melding('fout', 'waarde-nul', 'productieve uren per fte kan niet 0 zijn', plaats));
          } else if (u !== undefined) inst.productieveUrenPerFte = u;
          break;
        }
        case 'uurtarief': {
          const t = v.strikt('waarde', { nietNegatief: true });
          if (t !== undefined) inst.uurtarief = t;
          break;
        }
        case 'afwijkingsdrempel': {
          const d = v.strikt('waarde', { nietNegatief: true });
          if (d !== undefined) inst.afwijkingsdrempel = d;
          break;
        }
        case 'codesPeriodiek':
        case 'codesHercontrole':
        case 'codesHandhavingscontrole': {
          const codes = v.tekst('waarde').split(/[;,\s]+/).filter(Boolean);
          if (codes.length) inst[sleutel] = codes;
          break;
        }
        case 'uvpVastgesteldOp':
        case 'jaarverslagVastgesteldOp':
        case 'jaarverslagVorigJaarVastgesteldOp': {
          const d = v.datum('waarde');
          if (d) inst[sleutel] = d;
          break;
        }
      }
      return undefined;
    },
  );
  const blad = { bestand: tabel.bestand, blad: tabel.blad };
  if (!gezien.has('gemeente')) meldingen.push(melding('fout', 'instelling-ontbreekt', 'instelling "gemeente" ontbreekt', blad));
  if (!gezien.has('jaar')) meldingen.push(melding('fout', 'instelling-ontbreekt', 'instelling "jaar" ontbreekt', blad));
  return { instellingen: inst, meldingen };
}
