import type { IbtView } from '../report/ibt.js';
import { laadTemplates } from '../render/handlebars.js';

let render: ((v: unknown) => string) | undefined;

/** The municipality's report files by extension; the caller names them (names must be unique in the region). */
export async function renderGemeente(view: IbtView, formaten: string[], templates?: string): Promise<{ ext: string; inhoud: string | Uint8Array }[]> {
  const uit: { ext: string; inhoud: string | Uint8Array }[] = [];
  if (formaten.includes('md')) {
    render ??= laadTemplates('ibt', templates);
    uit.push({ ext: 'md', inhoud: render(view) });
  }
  if (formaten.includes('xlsx')) {
    const { ibtXlsx } = await import('../render/ibt-xlsx.js');
    uit.push({ ext: 'xlsx', inhoud: await ibtXlsx(view) });
  }
  if (formaten.includes('json')) {
    const { titel: _, regel: __, ...rest } = view;
    uit.push({ ext: 'json', inhoud: JSON.stringify(rest, null, 2) + '\n' });
  }
  return uit;
}
