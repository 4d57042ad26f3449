import { saveBlob } from '../../lib/saveBlob';
import { base64ToBytes } from './base64';

/** Hands decoded bytes to the browser as a download. */
export function saveBase64File(contentBase64: string, fileName: string, contentType: string): void {
  saveBlob(
    new Blob([base64ToBytes(contentBase64)], { type: contentType || 'application/octet-stream' }),
    fileName,
  );
}
