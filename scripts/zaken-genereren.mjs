// Synthetic Zaken exports for the benchmark and tests: deterministic (a seeded generator), realistic
// shapes (Dutch dates, decimal-comma hours, procedures, extensions, open cases).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const CODES = [
  'A1.17.00', 'A1.35.03', 'A1.35.05', 'A1.36.00', 'A1.38.00', 'A2.02.00', 'A2.02.01', 'A2.03.00', 'A2.12.00',
  'A3.01.00', 'A3.02.00', 'A4.05.00', 'A4.08.00', 'GV.01', 'GV.02', 'GT.01', 'GT.03', 'GH.01',
];

export function* zaken(n, seed = 42, jaar = 2025) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const dag0 = Date.UTC(jaar, 0, 1) / 86400000;
  const datum = (dag) => {
    const d = new Date(dag * 86400000);
    return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  };
  for (let i = 1; i <= n; i++) {
    const code = CODES[Math.floor(rnd() * CODES.length)];
    const ontvangen = dag0 + Math.floor(rnd() * 365);
    const procedure = code.startsWith('A1') || code.startsWith('GV') ? (rnd() < 0.9 ? 'regulier' : 'uitgebreid') : code === 'GH.01' ? 'handhavingsverzoek' : '';
    const verdaagd = procedure && rnd() < 0.15 ? 'ja' : 'nee';
    const open = rnd() < 0.08;
    const duur = Math.floor(rnd() * (procedure === 'uitgebreid' ? 240 : 100));
    const besluit = open ? '' : datum(ontvangen + duur);
    const uren = (Math.floor(rnd() * 400) / 10).toFixed(1).replace('.', ',');
    const resultaat = code.startsWith('A2') ? (rnd() < 0.3 ? 'overtreding' : 'geen overtreding') : '';
    yield [`Z${String(i).padStart(8, '0')}`, code, datum(ontvangen), besluit, procedure, verdaagd, open ? 'open' : 'afgehandeld', uren, resultaat];
  }
}

export const KOPPEN = ['zaaknummer', 'productcode', 'ontvangen', 'besluit', 'procedure', 'verdaagd', 'status', 'uren', 'resultaat'];

export async function schrijfCsv(pad, n, seed) {
  const uit = createWriteStream(pad);
  const regels = [KOPPEN.join(';')];
  for (const r of zaken(n, seed)) {
    regels.push(r.join(';'));
    if (regels.length >= 10000) {
      if (!uit.write(regels.join('\r\n') + '\r\n')) await once(uit, 'drain');
      regels.length = 0;
    }
  }
  uit.end(regels.length ? regels.join('\r\n') + '\r\n' : '');
  await once(uit, 'finish');
}

export async function schrijfXlsx(pad, n, seed) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: pad, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Zaken');
  ws.addRow(KOPPEN).commit();
  for (const r of zaken(n, seed)) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
