// PDF through LibreOffice (headless, in a profile of its own). A plain `soffice --convert-to pdf`
// leaves the table of contents as Word wrote it, without page numbers; so LibreOffice is driven over
// UNO (Python) to update every index first, twice (the filled table can move the pages after it).
import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envGetal } from '../ingest/grenzen.js';
import { zoekSoffice } from '../ingest/herbereken.js';
import { inEigenGroep } from '../ingest/proces.js';

const UNO_SCRIPT = String.raw`
import subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(naam, waarde):
    p = PropertyValue()
    p.Name = naam
    p.Value = waarde
    return p

soffice, profiel, docx, pdf, pijp = sys.argv[1:6]
proc = subprocess.Popen([soffice, '-env:UserInstallation=' + profiel, '--headless', '--invisible', '--norestore', '--nologo',
                         '--accept=pipe,name=' + pijp + ';urp;StarOffice.ComponentContext'],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    lokaal = uno.getComponentContext()
    resolver = lokaal.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', lokaal)
    ctx = None
    for _ in range(480):
        # A program that is not LibreOffice stops at once: say so instead of waiting two minutes.
        if proc.poll() is not None:
            sys.stderr.write('LibreOffice stopte meteen (exitcode %d) in plaats van te starten\n' % proc.returncode)
            sys.exit(5)
        try:
            ctx = resolver.resolve('uno:pipe,name=' + pijp + ';urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.25)
    if ctx is None:
        sys.stderr.write('LibreOffice gaf binnen twee minuten geen antwoord\n')
        sys.exit(3)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), '_blank', 0, (prop('Hidden', True),))
    if doc is None:
        sys.stderr.write('LibreOffice kon het document niet openen\n')
        sys.exit(4)
    indexen = doc.getDocumentIndexes()
    for ronde in range(2):
        for i in range(indexen.getCount()):
            indexen.getByIndex(i).update()
        doc.refresh()
    # Tagged PDF (a structure tree with headings, tables and figures with their alternative text) and
    # PDF/UA, which Dutch public bodies must meet for what they publish; the headings as bookmarks.
    # Charts stay lossless at their own resolution: JPEG blurs the thin lines and small figures of a chart.
    filter_data = uno.Any('[]com.sun.star.beans.PropertyValue', (prop('UseTaggedPDF', True), prop('PDFUACompliance', True), prop('ExportBookmarks', True), prop('ExportNotes', False), prop('UseLosslessCompression', True), prop('ReduceImageResolution', False)))
    uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(pdf), (prop('FilterName', 'writer_pdf_Export'), prop('FilterData', filter_data))))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    # vth kills the whole process group afterwards too (soffice.bin is a grandchild).
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
`;

/** How long one conversion may take (`VTH_PDF_MAX_S`, default 300 s); a UVP takes some 10 s. */
function maxSeconden(): number {
  return envGetal('VTH_PDF_MAX_S', 300);
}

/** A Python 3 that can talk to LibreOffice (Debian: python3-uno), if there is one. */
function zoekPythonUno(): string | undefined {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import uno'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return p;
  }
  return undefined;
}

export class PdfFout extends Error {}

/** LibreOffice's soffice when its Writer is installed too (a Calc-only install cannot read .docx). */
export function zoekWriter(): { soffice?: string; writer: boolean } {
  const soffice = zoekSoffice();
  if (!soffice) return { writer: false };
  let programma: string;
  try {
    programma = path.dirname(realpathSync(soffice.includes('/') ? soffice : (spawnSync('sh', ['-c', `command -v ${soffice}`], { encoding: 'utf8' }).stdout.trim() || soffice)));
  } catch {
    return { soffice, writer: true };
  }
  const bibliotheek = readdirSync(programma).some((f) => /^libswlo\.(so|dylib)$|^swlo\.dll$/.test(f));
  // An unusual layout (no program folder with libraries): let LibreOffice itself say whether it can.
  return { soffice, writer: bibliotheek || !readdirSync(programma).some((f) => /^lib.*lo\.(so|dylib)$/.test(f)) };
}

/**
 * The PDF of a .docx. Throws PdfFout (a Dutch message) when LibreOffice is missing or fails. Returns a
 * warning when the table of contents could not be updated (no python3-uno): the PDF is then made
 * by a plain conversion.
 */
export async function docxNaarPdf(docx: Uint8Array, naam: string): Promise<{ pdf: Uint8Array; waarschuwing?: string }> {
  const { soffice, writer } = zoekWriter();
  const eigen = process.env.VTH_SOFFICE;
  if (soffice && eigen) {
    // Another program under that name would be started and waited for: ask it what it is first.
    const v = spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (!/LibreOffice|OpenOffice|Collabora/i.test(v.stdout ?? '')) {
      throw new PdfFout(`VTH_SOFFICE wijst naar ${eigen}, maar dat is geen LibreOffice (\`${eigen} --version\` zegt: "${(v.stdout ?? '').trim().split('\n')[0]!.slice(0, 80)}")`);
    }
  }
  if (!soffice) {
    throw new PdfFout('--format pdf heeft LibreOffice nodig (soffice), maar dat is niet gevonden; installeer het (bijvoorbeeld apt-get install libreoffice-writer-nogui python3-uno) of maak de PDF vanuit het .docx-bestand in Word');
  }
  if (!writer) {
    throw new PdfFout('--format pdf heeft LibreOffice Writer nodig, maar alleen LibreOffice zonder Writer is gevonden; installeer het (bijvoorbeeld apt-get install libreoffice-writer-nogui python3-uno)');
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'vth-pdf-'));
  try {
    const bron = path.join(tmp, `${naam}.docx`);
    const doel = path.join(tmp, `${naam}.pdf`);
    await writeFile(bron, docx);
    const profiel = `file://${path.join(tmp, 'profiel')}`;
    const python = zoekPythonUno();
    let waarschuwing: string | undefined;
    if (python) {
      const script = path.join(tmp, 'naar-pdf.py');
      await writeFile(script, UNO_SCRIPT);
      const r = await inEigenGroep(python, [script, soffice, profiel, bron, doel, `vth${process.pid}${Date.now()}`], { tmp, wat: 'het omzetten naar PDF', maxS: maxSeconden() });
      if (r.teLang) throw new PdfFout(`LibreOffice deed er langer dan ${maxSeconden()} seconden over om ${naam}.docx naar PDF om te zetten en is gestopt (grens: VTH_PDF_MAX_S)`);
      if (r.code !== 0) throw new PdfFout(`LibreOffice kon ${naam}.docx niet naar PDF omzetten${r.stderr.trim() ? `: ${r.stderr.trim().split('\n').pop()!.slice(0, 300)}` : ''}`);
    } else {
      waarschuwing = `python3-uno ontbreekt: de PDF is gemaakt zonder de inhoudsopgave bij te werken (geen paginanummers); installeer python3-uno`;
      const r = await inEigenGroep(soffice, [`-env:UserInstallation=${profiel}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', tmp, bron], { tmp, wat: 'het omzetten naar PDF', maxS: maxSeconden() });
      if (r.teLang) throw new PdfFout(`LibreOffice deed er langer dan ${maxSeconden()} seconden over om ${naam}.docx naar PDF om te zetten en is gestopt (grens: VTH_PDF_MAX_S)`);
      if (r.code !== 0) throw new PdfFout(`LibreOffice kon ${naam}.docx niet naar PDF omzetten${r.stderr.trim() ? `: ${r.stderr.trim().slice(0, 300)}` : ''}`);
    }
    const pdf = await readFile(doel).catch(() => {
      throw new PdfFout(`LibreOffice maakte geen PDF van ${naam}.docx`);
    });
    return { pdf: new Uint8Array(pdf), waarschuwing };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
