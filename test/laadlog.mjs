// Loaded with `node --import ./test/laadlog.mjs`: writes every module URL that is resolved to the file
// in VTH_LAADLOG, so a test can see which packages a command loads.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.VTH_LAADLOG) appendFileSync(process.env.VTH_LAADLOG, r.url + '\\n');
  return r;
}`),
);
