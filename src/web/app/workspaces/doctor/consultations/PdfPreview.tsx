import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The first page of a PDF drawn by pdf.js on a canvas (no browser plug-in, no frame: the CSP
 * allows neither). pdf.js and its worker load only when a PDF is shown.
 */
export default function PdfPreview({ url }: { url: string }) {
  const { t } = useTranslation('doctor');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
      const pdf = await pdfjs.getDocument({ url }).promise;
      const page = await pdf.getPage(1);
      const viewport = page.getViewport({ scale: 1 });
      const scale = Math.min(1.5, 480 / viewport.width);
      const scaled = page.getViewport({ scale });
      if (cancelled || !canvas.current) return;
      canvas.current.width = scaled.width;
      canvas.current.height = scaled.height;
      await page.render({ canvas: canvas.current, viewport: scaled }).promise;
      if (!cancelled) setPages(pdf.numPages);
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (failed) return <span>{t('attachments.previewFailed')}</span>;
  return (
    <div data-testid="pdf-preview" data-pages={pages ?? ''}>
      <canvas ref={canvas} style={{ maxWidth: '100%', border: '1px solid #f0f0f0' }} />
      {pages !== null && <div>{t('attachments.pages', { count: pages })}</div>}
    </div>
  );
}
