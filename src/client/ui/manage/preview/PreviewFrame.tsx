import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export type Orientation = 'landscape' | 'portrait';

const SIZE: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
};

/** Without a measured width (no layout, e.g. tests) the frame is shown at this scale. */
const FALLBACK_SCALE = 0.45;

/**
 * A tablet screen (1280×800 or 800×1280 CSS pixels) drawn at its real size and scaled down to the
 * space it has, so the counter's layout and line breaks are exactly the tablet's.
 */
interface Props {
  orientation: Orientation;
  lang: string;
  frameRef?: RefObject<HTMLDivElement>;
  children: ComponentChildren;
}

export function PreviewFrame({ orientation, lang, frameRef, children }: Props) {
  const outer = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState<number | null>(null);
  const { width, height } = SIZE[orientation];

  useLayoutEffect(() => {
    const el = outer.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setSpace(el.clientWidth || null));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Fit the width, and keep a portrait tablet within most of the window's height.
  const fitHeight = typeof window !== 'undefined' && window.innerHeight > 0 ? (window.innerHeight * 0.8) / height : 1;
  const scale = space ? Math.min(1, space / width, fitHeight) : FALLBACK_SCALE;
  return (
    <div class="m-frame-space" ref={outer}>
      <div class="m-frame-box" style={{ width: `${width * scale}px`, height: `${height * scale}px` }}>
        <div
          ref={frameRef}
          class="m-frame"
          lang={lang}
          data-testid="preview-frame"
          data-orientation={orientation}
          style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` }}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
