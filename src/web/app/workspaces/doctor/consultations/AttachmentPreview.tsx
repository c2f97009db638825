import { Image, Spin } from 'antd';
import { lazy, Suspense } from 'react';

const PdfPreview = lazy(() => import('./PdfPreview'));

/** An exam result shown inside the page: images zoomable, PDFs drawn by pdf.js. */
export function AttachmentPreview({ url, contentType, name }: { url: string; contentType: string; name: string }) {
  if (contentType === 'application/pdf') {
    return <Suspense fallback={<Spin />}><PdfPreview url={url} /></Suspense>;
  }
  return <Image src={url} alt={name} width={200} data-testid="image-preview" />;
}
