/**
 * Claim documents travel as base64 in GraphQL (UploadClaimDocumentInput.contentBase64,
 * ClaimDocumentContent.contentBase64). These helpers convert without any server round trip.
 */

/** The API refuses larger files (apps/api/src/modules/claim/claim-document.service.ts). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

// String.fromCharCode(...bytes) with a whole file would overflow the call stack.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Throws on text that is not base64 (atob's DOMException), so a corrupt download is not saved silently. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** 1536 → "1.5 KB"; sizes are display only. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${trim(size / 1024)} KB`;
  return `${trim(size / (1024 * 1024))} MB`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** Browsers leave `File.type` empty for unknown extensions. */
export function contentTypeOf(type: string): string {
  return type.trim() || 'application/octet-stream';
}
