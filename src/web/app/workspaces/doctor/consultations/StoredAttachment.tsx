import { useEffect, useState } from 'react';
import { useSession } from '../../../shell/session';
import { AttachmentPreview } from './AttachmentPreview';
import { attachmentBlobUrl } from './upload';

/** An exam result of a request, fetched with the token and shown inside the page (image zoomable, PDF drawn). */
export function StoredAttachment({ a }: { a: { fileName: string; contentType: string; downloadPath: string } }) {
  const { token } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let created: string | null = null;
    attachmentBlobUrl(a.downloadPath, token!).then((u) => setUrl((created = u)), () => setUrl(null));
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [a.downloadPath, token]);
  return url ? <AttachmentPreview url={url} contentType={a.contentType} name={a.fileName} /> : null;
}
