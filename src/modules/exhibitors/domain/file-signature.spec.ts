import { sniffFileType } from './file-signature';

// Real 1×1 images: the PNG is the classic smallest one; the JPEG and WebP were made by cjpeg and cwebp -lossless.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDFoooryz7w/9k=',
  'base64',
);
const WEBP = Buffer.from('UklGRhwAAABXRUJQVlA4TA8AAAAvAAAAAAcQ/Y/+ByKi/wEA', 'base64');

/** A minimal one-page PDF with a correct cross-reference table. */
function minimalPdf(version = '1.4'): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = `%PDF-${version}\n`;
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const cut = (b: Buffer, n: number): Buffer => b.subarray(0, b.length - n);
const plus = (b: Buffer, n: number, fill = 0): Buffer => Buffer.concat([b, Buffer.alloc(n, fill)]);

describe('sniffFileType', () => {
  it('recognises real files of each accepted type', () => {
    expect(sniffFileType(PNG)).toBe('image/png');
    expect(sniffFileType(JPEG)).toBe('image/jpeg');
    expect(sniffFileType(WEBP)).toBe('image/webp');
    expect(sniffFileType(minimalPdf())).toBe('application/pdf');
    expect(sniffFileType(minimalPdf('2.0'))).toBe('application/pdf');
  });

  it('refuses empty and tiny inputs', () => {
    expect(sniffFileType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined(); // SOI overlapping EOI
    expect(sniffFileType(PNG.subarray(0, 8))).toBeUndefined();
  });

  it('refuses look-alikes that could carry script or markup', () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const html = '<!doctype html><html><body><img src=x onerror=alert(1)></body></html>';
    for (const text of [svg, html, 'GIF89a\x01\x00\x01\x00', 'just text named logo.png']) expect(sniffFileType(Buffer.from(text, 'latin1'))).toBeUndefined();
    // Markup wrapped around a real signature is not the format either: the signature must come first.
    expect(sniffFileType(Buffer.concat([Buffer.from('<html>'), PNG]))).toBeUndefined();
    expect(sniffFileType(Buffer.concat([Buffer.from(' '), minimalPdf()]))).toBeUndefined();
  });

  it('refuses truncated files', () => {
    expect(sniffFileType(cut(PNG, 1))).toBeUndefined();
    expect(sniffFileType(cut(PNG, 12))).toBeUndefined(); // IEND gone
    expect(sniffFileType(cut(JPEG, 2))).toBeUndefined(); // EOI gone
    expect(sniffFileType(JPEG.subarray(0, 300))).toBeUndefined();
    expect(sniffFileType(cut(WEBP, 1))).toBeUndefined(); // RIFF size larger than the file
    expect(sniffFileType(cut(minimalPdf(), 7))).toBeUndefined(); // %%EOF gone
  });

  it('tolerates bytes after the end, within limits', () => {
    expect(sniffFileType(plus(PNG, 100))).toBe('image/png');
    expect(sniffFileType(plus(JPEG, 14))).toBe('image/jpeg');
    expect(sniffFileType(plus(JPEG, 15))).toBeUndefined();
    expect(sniffFileType(plus(WEBP, 3))).toBe('image/webp');
    expect(sniffFileType(plus(minimalPdf(), 1000, 0x20))).toBe('application/pdf');
    expect(sniffFileType(plus(minimalPdf(), 1100, 0x20))).toBeUndefined();
  });

  it('checks more than the first bytes', () => {
    const noIhdr = Buffer.from(PNG);
    noIhdr.write('IHDX', 12, 'latin1');
    expect(sniffFileType(noIhdr)).toBeUndefined();
    const zeroWidth = Buffer.from(PNG);
    zeroWidth.writeUInt32BE(0, 16);
    expect(sniffFileType(zeroWidth)).toBeUndefined();
    const wave = Buffer.from(WEBP);
    wave.write('WAVE', 8, 'latin1');
    expect(sniffFileType(wave)).toBeUndefined();
    const badChunk = Buffer.from(WEBP);
    badChunk.write('ABCD', 12, 'latin1');
    expect(sniffFileType(badChunk)).toBeUndefined();
    expect(sniffFileType(minimalPdf('3.0'))).toBeUndefined();
    expect(sniffFileType(Buffer.from('%PDF-1.4\n%%EOF', 'latin1'))).toBe('application/pdf'); // structure beyond the markers is the viewer's job
  });
});
