/** Loan tapes travel as base64 in GraphQL (UploadLoanTapeInput.contentBase64; the template likewise). */

import { i18n } from '../../i18n';
import { saveBlob } from '../../lib/saveBlob';

/** The API refuses larger files (apps/api/src/modules/loan/loan-tape.parse.ts). */
export const MAX_TAPE_BYTES = 5 * 1024 * 1024;

/** A picked file as base64 (without the data-URL prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(i18n.t('loans.tape.readFailed')));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Hands a base64 file to the browser as a download. */
export function downloadBase64(contentBase64: string, fileName: string, mimeType: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: mimeType || 'application/octet-stream' }), fileName);
}
