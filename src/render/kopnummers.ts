// A house style that numbers its headings through numbering.xml sets the number in the hanging indent
// of its list level ("1." then a tab to 1 cm). A two-digit chapter number in the heading's large type
// fills that indent, and the tab then lands right after it: "10.Monitoring" in Word and in LibreOffice
// alike. Where the indent is too narrow for the widest number the document has, its headings of that
// level get an indent of their own, wide enough, all alike so that their text stays aligned.
import { leesXmlTekst } from '../ingest/xml.js';
import { tekstTwips } from './tekstmaat.js';

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Niveau {
  lvlText?: string;
  links?: number;
  hangend?: number;
  suffix?: string;
}

/** The numbering levels bound to a paragraph style (lvl/pStyle), and the styles' own numPr and size. */
function lees(stijlen: string | undefined, nummering: string | undefined) {
  const perStijl = new Map<string, Niveau>();
  const perAbstract = new Map<string, Map<number, Niveau>>();
  const numNaarAbstract = new Map<string, string>();
  const stijlNum = new Map<string, { num: string; ilvl: number }>();
  const grootte = new Map<string, number>();
  const basis = new Map<string, string>();
  const veilig = leesXmlTekst;
  let abstract: string | undefined;
  let niveau: Niveau | undefined;
  let ilvl = 0;
  let num: string | undefined;
  veilig(nummering, {
    open(el) {
      if (el.ns !== NS_W) return;
      const v = el.attr('val', NS_W);
      switch (el.naam) {
        case 'abstractNum':
          abstract = el.attr('abstractNumId', NS_W);
          if (abstract !== undefined) perAbstract.set(abstract, new Map());
          break;
        case 'lvl':
          if (abstract === undefined) break;
          ilvl = Number(el.attr('ilvl', NS_W) ?? 0);
          niveau = {};
          perAbstract.get(abstract)!.set(ilvl, niveau);
          break;
        case 'lvlText':
          if (niveau && v !== undefined) niveau.lvlText = v;
          break;
        case 'suff':
          if (niveau && v) niveau.suffix = v;
          break;
        case 'ind':
          if (niveau) {
            const l = Number(el.attr('left', NS_W) ?? el.attr('start', NS_W));
            const h = Number(el.attr('hanging', NS_W));
            if (Number.isFinite(l)) niveau.links = l;
            if (Number.isFinite(h)) niveau.hangend = h;
          }
          break;
        case 'pStyle':
          if (niveau && v) perStijl.set(v, niveau);
          break;
        case 'num':
          num = el.attr('numId', NS_W);
          break;
        case 'abstractNumId':
          if (num !== undefined && v !== undefined) numNaarAbstract.set(num, v);
          break;
      }
    },
    sluit(naam, ns) {
      if (ns !== NS_W) return;
      if (naam === 'lvl') niveau = undefined;
      if (naam === 'abstractNum') abstract = undefined;
      if (naam === 'num') num = undefined;
    },
  });
  let stijl: string | undefined;
  let numId: string | undefined;
  let stijlIlvl = 0;
  veilig(stijlen, {
    open(el) {
      if (el.ns !== NS_W) return;
      const v = el.attr('val', NS_W);
      if (el.naam === 'style') stijl = el.attr('styleId', NS_W);
      else if (stijl && el.naam === 'basedOn' && v) basis.set(stijl, v);
      else if (stijl && el.naam === 'numId' && v) numId = v;
      else if (stijl && el.naam === 'ilvl' && v) stijlIlvl = Number(v);
      else if (stijl && el.naam === 'sz' && v && Number.isFinite(Number(v))) grootte.set(stijl, Number(v) / 2);
    },
    sluit(naam, ns) {
      if (ns === NS_W && naam === 'style') {
        if (stijl && numId) stijlNum.set(stijl, { num: numId, ilvl: stijlIlvl });
        stijl = numId = undefined;
        stijlIlvl = 0;
      }
    },
  });
  const niveauVan = (id: string): Niveau | undefined => {
    const direct = perStijl.get(id);
    if (direct) return direct;
    const sn = stijlNum.get(id);
    const a = sn && numNaarAbstract.get(sn.num);
    return a !== undefined ? perAbstract.get(a)?.get(sn!.ilvl) : undefined;
  };
  const puntVan = (id: string): number => {
    for (let s: string | undefined = id, i = 0; s && i < 10; s = basis.get(s), i++) {
      const g = grootte.get(s);
      if (g) return g;
    }
    return 11;
  };
  return { niveauVan, puntVan };
}

/**
 * Per heading level (Kop 1 to 4), a paragraph indent (`<w:ind …/>`) when the house style's numbering
 * leaves too little room for the widest number the document has at that level; undefined where it
 * fits, or where the level is not numbered through a list with a tab after the number.
 * `hoogste`: the highest number at each level ([12, 9, …]).
 */
export function kopInspringing(stijlen: string | undefined, nummering: string | undefined, kopIds: readonly string[], hoogste: readonly number[]): (string | undefined)[] {
  if (!nummering) return kopIds.map(() => undefined);
  const { niveauVan, puntVan } = lees(stijlen, nummering);
  return kopIds.map((id) => {
    const n = niveauVan(id);
    if (!n?.lvlText || (n.suffix && n.suffix !== 'tab')) return undefined;
    const label = n.lvlText.replace(/%(\d)/g, (_, k) => String(Math.max(1, hoogste[Number(k) - 1] ?? 9)).replace(/\d/g, '8'));
    // A heading's type is often a serif, wider than Arial: 15% to spare, and a gap of about 0,2 cm.
    const nodig = Math.ceil(tekstTwips(label, puntVan(id), 1.15) + 120);
    const hangend = n.hangend ?? 0;
    if (nodig <= hangend) return undefined;
    // The number keeps its place; the text after it moves to where the wider indent ends.
    const links = (n.links ?? hangend) - hangend + nodig;
    return `<w:ind w:left="${links}" w:hanging="${nodig}"/>`;
  });
}
