import type { RisicoView } from '../report/risico.js';

/** `vth risico --format json`: effect and risico unrounded, as the contract sets out. */
export function risicoJson(view: RisicoView) {
  return {
    model: {
      dimensies: view.model.dimensies.map((d) => ({ naam: d.naam, gewicht: d.gewicht.toNumber() })),
      factor: view.model.factor.toNumber(),
      klassen: view.model.klassen.map((k) => ({ naam: k.naam, grens: k.grens })),
      decimalen: view.model.decimalen,
      beschrijving: view.model.zinnen.join(' '),
    },
    activiteiten: view.rijen.map((r) => ({
      rang: r.rang,
      id: r.id || null,
      activiteit: r.activiteit,
      groep: r.groep || null,
      effect: r.effect.toNumber(),
      kans: r.kans.toNumber(),
      risico: r.risico.toNumber(),
      klasse: r.klasse,
      klasseBerekend: r.klasseBerekend,
      motivatie: r.motivatie || null,
    })),
    perKlasse: Object.fromEntries(view.perKlasse.map((p) => [p.klasse, p.aantal])),
    zonderScore: view.zonderScore.map((z) => z.activiteit),
  };
}
