import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** A ToUnicode CMap (bfchar and bfrange, both forms) as code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((u, i) => map.set(lo + i, utf16(u[1])));
      else for (let c = lo, u = parseInt(m[3].slice(1, -1), 16); c <= hi; c++, u++) map.set(c, String.fromCharCode(u));
    }
  }
  return map;
}

export interface PdfFacts {
  pages: number;
  /** The text of each page, decoded through each font's ToUnicode map. */
  texts: string[];
  /** BaseFont names of the embedded fonts (subset prefix included) and whether each carries its font file. */
  fonts: Array<{ name: string; embedded: boolean }>;
}

/** Reads a PDF with pdf-lib: pages, the text drawn with each font (Tf / Tj / TJ), the fonts embedded. */
export async function readPdf(buf: Buffer): Promise<PdfFacts> {
  const doc = await PDFDocument.load(buf);
  const streamText = (s: unknown): string => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1');
  const fonts = new Map<string, { name: string; embedded: boolean }>();
  const texts = doc.getPages().map((page) => {
    const res = page.node.Resources();
    const fontDict = res?.lookup(PDFName.of('Font'), PDFDict);
    const maps = new Map<string, Map<number, string>>();
    for (const [key, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      const toUnicode = font.lookup(PDFName.of('ToUnicode'));
      maps.set(key.asString(), toUnicode ? parseCMap(streamText(toUnicode)) : new Map());
      const descendants = font.lookup(PDFName.of('DescendantFonts'), PDFArray);
      const cid = descendants ? doc.context.lookup(descendants.get(0), PDFDict) : font;
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const name = font.lookup(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '?';
      fonts.set(name, { name, embedded: !!descriptor?.get(PDFName.of('FontFile2')) });
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    let text = '';
    let current = new Map<number, string>();
    const show = (hex: string): void => {
      for (const c of hex.match(/.{4}/g) ?? []) text += current.get(parseInt(c, 16)) ?? '\uFFFD';
    };
    for (const s of streams) {
      const ops = streamText(s);
      for (const m of ops.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (m[1]) current = maps.get(`/${m[1]}`) ?? new Map();
        else if (m[2] !== undefined) {
          for (const h of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) show(h[1]);
          text += ' ';
        } else if (m[3] !== undefined) {
          show(m[3]);
          text += ' ';
        }
      }
    }
    return text;
  });
  return { pages: doc.getPageCount(), texts, fonts: [...fonts.values()] };
}
