import { CSRF_HEADER, getCsrfToken, toApiError, type IdeaAttachmentDto } from '@eclore/api-client';

/**
 * POST /api/ideas/{id}/attachments with upload progress. The generated client uses fetch, which
 * reports no upload progress, so this one call goes through XMLHttpRequest; the session cookie, the
 * CSRF token and the problem+json errors (as ApiError) are handled as the client does.
 */
export function uploadAttachment(
  ideaId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<IdeaAttachmentDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/ideas/${encodeURIComponent(ideaId)}/attachments`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as IdeaAttachmentDto);
      } else {
        reject(toApiError(body, { status: xhr.status, statusText: xhr.statusText }));
      }
    };
    xhr.onerror = () => reject(toApiError(new Error('network_error'), undefined));
    xhr.onabort = () => {
      const aborted = new Error('aborted');
      aborted.name = 'AbortError';
      reject(toApiError(aborted, undefined));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}

/** "1.4 MB" / "1,4 Mo": sizes as people read them. */
export function formatBytes(bytes: number, locale: 'fr' | 'en'): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo'] : ['B', 'kB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
