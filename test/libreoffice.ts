import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tijdelijkeMap } from './helpers.js';

/** LibreOffice's soffice, if installed (`apt-get install -y libreoffice-calc-nogui`). */
export function soffice(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return p;
  }
  return undefined;
}

/** Opens a workbook in LibreOffice with "always recalculate on load" and saves it as .xlsx again. */
export function herberekenMetLibreOffice(bin: string, xlsx: string): string {
  const profiel = tijdelijkeMap('vth-lo-');
  mkdirSync(path.join(profiel, 'user'), { recursive: true });
  writeFileSync(
    path.join(profiel, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const uit = tijdelijkeMap('vth-lo-uit-');
  const r = spawnSync(bin, [`-env:UserInstallation=file://${profiel}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', uit, xlsx], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`LibreOffice faalde: ${r.stderr || r.stdout}`);
  return path.join(uit, path.basename(xlsx));
}
