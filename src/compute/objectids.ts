import { melding, type Melding, type Plaats } from '../model/melding.js';
import type { Inspectieobject } from '../model/types.js';

/**
 * An object id reduced to what tells it apart: case, separators and leading zeros do not count, so
 * `OB-001`, `ob 001` and `OB001` are one id, and `000001` is `1`. Used only where it is unambiguous:
 * two register ids with the same reduction are matched only as written.
 */
export function objectSleutel(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ''));
}

type Controles = { dag: number; bevinding: 'conform' | 'overtreding' }[];

export interface ObjectKoppeling {
  /** Objects in the export with at least one control. */
  exportObjecten: number;
  gekoppeld: number;
  /** Matched only after reducing the ids: `000001` → `1`. */
  gelijkgemaakt: { export: string; register: string }[];
  nietGevonden: string[];
  /** Per register id (lower case): the export's controls of that object, latest first. */
  perObject: Map<string, Controles>;
  meldingen: Melding[];
}

/**
 * Matches the objects of a case export to the register: as written (case aside), else by the reduced
 * id when exactly one register object has it. How many matched is always said; a warning when some did
 * not, so that "controles bij 50 objecten" never hides that 42 of them changed nothing.
 */
export function koppelExportObjecten(register: readonly Inspectieobject[], exportObjecten: readonly { object: string; controles: Controles }[], plaats: Plaats): ObjectKoppeling {
  const exact = new Map(register.map((o) => [o.object.toLowerCase(), o.object]));
  const perSleutel = new Map<string, string | null>();
  for (const o of register) {
    const k = objectSleutel(o.object);
    perSleutel.set(k, perSleutel.has(k) && perSleutel.get(k) !== o.object ? null : o.object);
  }
  const perObject = new Map<string, Controles>();
  const gelijkgemaakt: ObjectKoppeling['gelijkgemaakt'] = [];
  const nietGevonden: string[] = [];
  for (const e of exportObjecten) {
    let id = exact.get(e.object.toLowerCase());
    if (!id) {
      const k = perSleutel.get(objectSleutel(e.object));
      if (k) {
        id = k;
        gelijkgemaakt.push({ export: e.object, register: k });
      }
    }
    if (!id) {
      nietGevonden.push(e.object);
      continue;
    }
    const eerder = perObject.get(id.toLowerCase());
    // Two export ids for one register object (`1` and `0001`): their controls together, latest first.
    perObject.set(id.toLowerCase(), eerder ? [...eerder, ...e.controles].sort((a, b) => b.dag - a.dag) : e.controles);
  }
  const n = exportObjecten.length;
  const gekoppeld = n - nietGevonden.length;
  const meldingen: Melding[] = [];
  if (n > 0) {
    const delen = [`zakenexport: ${gekoppeld} van ${n} objecten met controles gevonden in het objectenregister`];
    if (gelijkgemaakt.length) {
      const v = gelijkgemaakt[0]!;
      delen.push(`${gelijkgemaakt.length} daarvan na gelijkmaken van hoofdletters, scheidingstekens en voorloopnullen (zoals "${v.export}" = "${v.register}")`);
    }
    if (nietGevonden.length) {
      delen.push(`niet gevonden: ${nietGevonden.slice(0, 5).map((x) => `"${x}"`).join(', ')}${nietGevonden.length > 5 ? ` en ${nietGevonden.length - 5} andere` : ''}; hun controles tellen niet mee`);
      if (gekoppeld * 2 < n) delen.push('minder dan de helft: bevat de kolom object van de export hetzelfde nummer als de kolom object van het register?');
    }
    meldingen.push(melding(nietGevonden.length || gelijkgemaakt.length ? 'waarschuwing' : 'melding', 'zaken-objecten', delen.join('; '), plaats));
  }
  return { exportObjecten: n, gekoppeld, gelijkgemaakt, nietGevonden, perObject, meldingen };
}
