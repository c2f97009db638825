/** What the hub answers for an uploaded exam result. */
export interface UploadedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  downloadPath: string;
}

export class UploadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Uploads one file as raw bytes (POST /attachments/consultations/:id), reporting progress.
 * NOTE: XMLHttpRequest, because fetch has no upload progress; the file name travels
 * percent-encoded so Chinese names arrive intact.
 */
export function uploadAttachment(consultationId: string, file: File, token: string, language: string, onProgress: (percent: number) => void): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/attachments/consultations/${encodeURIComponent(consultationId)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept-Language', language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { errors?: { message: string; extensions?: { code?: string } }[] } & Partial<UploadedAttachment> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's page; reported by status below
      }
      if (xhr.status === 201) resolve(body as UploadedAttachment);
      else reject(new UploadError(body.errors?.[0]?.extensions?.code ?? String(xhr.status), body.errors?.[0]?.message ?? ''));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', ''));
    xhr.send(file);
  });
}

/** The file's bytes as a blob: URL for previews (downloads need the bearer token, so no plain link). */
export async function attachmentBlobUrl(downloadPath: string, token: string): Promise<string> {
  const res = await fetch(downloadPath, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new UploadError(String(res.status), '');
  return URL.createObjectURL(await res.blob());
}
