import type { Afkorting } from '../model/types.js';
import { gebruikteAfkortingen } from '../report/afkortingen.js';
import { laadTemplates } from './handlebars.js';

/**
 * The list of abbreviations a document uses, as its last section: found in the finished Markdown (so
 * that the templates' own words count too) in one pass, and rendered by the template `afkortingen`.
 * Word and PDF are made from the same Markdown, so every format has the same list.
 */
export function laadAfkortingenlijst(templates?: string): (md: string, eigen: readonly Afkorting[]) => string {
  const render = laadTemplates('afkortingen', templates);
  return (md, eigen) => {
    const afkortingen = gebruikteAfkortingen(md, eigen);
    return afkortingen.length ? `${md.replace(/\n*$/, '\n')}\n${render({ afkortingen })}` : md;
  };
}
