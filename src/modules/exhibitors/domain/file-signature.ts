/** The upload types we accept, decided from the bytes: a file's name and declared type are the sender's word. */
export type SniffedType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Trailing bytes after a JPEG's end marker (padding some cameras and editors add) that we still accept. */
const JPEG_TAIL = 16;
const PDF_TAIL = 1024;

/**
 * The type of a complete file of one of the accepted formats, else undefined (SVG, HTML,
 * truncated or empty files, or anything else). Beginnings are checked strictly; only bytes after
 * a format's end are tolerated.
 */
export function sniffFileType(bytes: Buffer): SniffedType | undefined {
  if (isPng(bytes)) return 'image/png';
  if (isJpeg(bytes)) return 'image/jpeg';
  if (isWebp(bytes)) return 'image/webp';
  if (isPdf(bytes)) return 'application/pdf';
  return undefined;
}

/** Signature, IHDR first with a non-zero size, then whole chunks up to IEND: a cut-off file never reaches IEND. */
function isPng(b: Buffer): boolean {
  if (b.length < 8 + 25 + 12 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR' || b.readUInt32BE(16) === 0 || b.readUInt32BE(20) === 0) return false;
  let offset = 8;
  while (offset + 12 <= b.length) {
    const length = b.readUInt32BE(offset);
    const type = b.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return false;
    offset += 12 + length;
    if (offset > b.length) return false;
    if (type === 'IEND') return true;
  }
  return false;
}

/** SOI and the first marker's FF at the start, EOI near the end (after the start). */
function isJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  for (let i = b.length - 2; i >= Math.max(3, b.length - JPEG_TAIL); i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/** RIFF container of form WEBP whose declared size is all there, with a VP8/VP8L/VP8X first chunk. */
function isWebp(b: Buffer): boolean {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false;
  const riffSize = b.readUInt32LE(4);
  return riffSize >= 12 && riffSize + 8 <= b.length && /^VP8[ LX]$/.test(b.toString('latin1', 12, 16));
}

/** Header '%PDF-1.x' or '%PDF-2.x' at the very start and '%%EOF' near the end. */
function isPdf(b: Buffer): boolean {
  if (!/^%PDF-[12]\.\d/.test(b.toString('latin1', 0, 8))) return false;
  return b.subarray(Math.max(8, b.length - PDF_TAIL)).includes('%%EOF', 0, 'latin1');
}
