import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OnleesbaarFout } from './fout.js';
import { envGetal } from './grenzen.js';
import { inEigenGroep } from './proces.js';

const KANDIDATEN = ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/** LibreOffice's soffice, if installed. */
export function zoekSoffice(): string | undefined {
  // VTH_SOFFICE names the one to use (also to test a machine without it).
  const lijst = process.env.VTH_SOFFICE !== undefined ? [process.env.VTH_SOFFICE] : KANDIDATEN;
  for (const p of lijst.filter((x) => x !== '')) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return p;
  }
  return undefined;
}

// "Always recalculate on load" for .xlsx and .ods, in a profile of our own: the user's is never touched.
const PROFIEL = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * A temporary copy of the werkmap whose workbooks LibreOffice has opened, recalculated and saved, so
 * that formulas written without a stored result (openpyxl, pandas) get one. The original is never
 * written. The caller reads the copy and removes it with `opruimen`.
 */
export async function herberekenKopie(pad: string): Promise<{ pad: string; opruimen: () => Promise<void> }> {
  const soffice = zoekSoffice();
  if (!soffice) {
    throw new OnleesbaarFout(
      '--herbereken heeft LibreOffice nodig (soffice), maar dat is niet gevonden; installeer het (bijvoorbeeld apt-get install libreoffice-calc-nogui) of open de werkmap in Excel en sla hem op',
      { bestand: pad },
    );
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'vth-herbereken-'));
  const opruimen = () => rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(path.join(tmp, 'profiel', 'user'), { recursive: true });
    await writeFile(path.join(tmp, 'profiel', 'user', 'registrymodifications.xcu'), PROFIEL);
    const st = await stat(pad);
    const kopie = path.join(tmp, 'werkmap');
    await mkdir(kopie);
    const bestanden = st.isDirectory() ? (await readdir(pad)).map((n) => path.join(pad, n)) : [pad];
    const werkboeken: string[] = [];
    for (const b of bestanden) {
      if (!(await stat(b)).isFile()) continue;
      if (/\.(xlsx|xlsm)$/i.test(b) && !path.basename(b).startsWith('~$')) werkboeken.push(b);
      else if (st.isDirectory()) await copyFile(b, path.join(kopie, path.basename(b)));
    }
    for (const w of werkboeken) {
      // In a process group of its own, killed on every exit path (see proces.ts).
      const r = await inEigenGroep(soffice, [`-env:UserInstallation=file://${path.join(tmp, 'profiel')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', kopie, w], {
        tmp,
        wat: 'het herberekenen door LibreOffice',
        maxS: envGetal('VTH_PDF_MAX_S', 300),
      });
      const doel = path.join(kopie, path.basename(w, path.extname(w)) + '.xlsx');
      if (r.teLang) throw new OnleesbaarFout(`LibreOffice deed er langer dan ${envGetal('VTH_PDF_MAX_S', 300)} seconden over om ${path.basename(w)} te herberekenen en is gestopt (grens: VTH_PDF_MAX_S)`, { bestand: path.basename(w) });
      if (r.code !== 0 || !(await stat(doel).catch(() => undefined))) {
        throw new OnleesbaarFout(`LibreOffice kon ${path.basename(w)} niet herberekenen${r.stderr.trim() ? `: ${r.stderr.trim().slice(0, 200)}` : ''}`, {
          bestand: path.basename(w),
        });
      }
    }
    return { pad: st.isDirectory() ? kopie : path.join(kopie, path.basename(pad, path.extname(pad)) + '.xlsx'), opruimen };
  } catch (e) {
    await opruimen();
    throw e;
  }
}
