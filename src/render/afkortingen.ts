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
    if (!afkortingen.length) return md;
    // The trailing line breaks counted from the end: a pattern anchored at the end is tried at every
    // position of the text (21 MB for a UVP of 100.000 lines).
    let einde = md.length;
    while (einde > 0 && md.charCodeAt(einde - 1) === 10) einde--;
    return `${md.slice(0, einde)}\n\n${render({ afkortingen })}`;
  };
}
