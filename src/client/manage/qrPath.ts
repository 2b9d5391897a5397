import { encode } from 'uqr';

/**
 * A QR code as one SVG path (a 1×1 square per dark module, runs merged along each row), in a
 * square of `size` modules, white border included. Drawn with SVG elements and presentation
 * attributes only: the CSP forbids inline styles and scripts.
 */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  const parts: string[] = [];
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return { size: qr.size, d: parts.join('') };
}
