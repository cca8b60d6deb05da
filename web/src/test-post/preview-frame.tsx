import { useEffect, useRef, useState } from 'react';

interface PreviewFrameProps {
  label: string;
  /** The screen the page is laid out for, in CSS pixels. */
  width: number;
  height: number;
  /** A complete HTML document. */
  document: string;
}

/**
 * A rendered page in a sandboxed frame (no scripts, opaque origin) as wide as a real screen,
 * scaled down with a CSS transform when the column is narrower, so the page lays out exactly as
 * it would on that screen.
 */
export function PreviewFrame({ label, width, height, document }: PreviewFrameProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(width);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setAvailable(box.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const scale = Math.min(1, available / width);
  return (
    <figure className="preview-frame">
      <figcaption>
        {label} <span className="description">{`${width} × ${height}${scale < 1 ? `, shown at ${Math.round(scale * 100)} %` : ''}`}</span>
      </figcaption>
      <div className="preview-frame-box" ref={boxRef} style={{ height: Math.round(height * scale) }}>
        <iframe
          title={`${label} preview`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={document}
          width={width}
          height={height}
          style={{ width, height, transform: `scale(${scale})` }}
        />
      </div>
    </figure>
  );
}
