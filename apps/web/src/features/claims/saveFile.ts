import { i18n } from '../../i18n';
import { saveBlob } from '../../lib/saveBlob';

/** Why a download did not arrive: the API answered 401 (no or expired login) or 404 (missing or not visible). */
export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(
      status === 404
        ? i18n.t('claims.documents.notFound')
        : status === 401
          ? i18n.t('claims.documents.expired')
          : `HTTP ${status}`,
    );
  }
}

/**
 * Downloads a file the API serves over plain HTTP (a claim document's `downloadUrl`) with the same
 * login as GraphQL, and hands it to the browser. The bytes arrive as they are stored: no base64 in a
 * GraphQL response, so a 10 MB document costs the browser and the API its size once.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  // The httpOnly session cookie is the login here (issue 9): same origin only.
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new DownloadError(res.status);
  const blob = await res.blob();
  saveBlob(blob, fileName);
}
