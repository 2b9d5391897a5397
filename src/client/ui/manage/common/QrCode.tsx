import { useMemo } from 'preact/hooks';
import { qrPath } from '../../../manage/qrPath.ts';

interface Props {
  /** What a camera reads: the whole link. */
  text: string;
  /** Says what the code is for, to screen readers. */
  label: string;
  testId: string;
  pixels?: number;
}

/** A QR code a tablet's camera or scanner opens, drawn as SVG (no canvas, no inline style). */
export function QrCode({ text, label, testId, pixels = 232 }: Props) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      class="m-qr"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      width={pixels}
      height={pixels}
      shape-rendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
