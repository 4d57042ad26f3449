/**
 * Client-chosen idempotency keys: one per dialog, reused on every retry from it, so a double click or
 * a retry after a network error never files, pays or records twice (the API returns the first result).
 */

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

/**
 * crypto.randomUUID exists only in secure contexts (https, localhost); an intranet deployment over
 * plain http still has getRandomValues, so build the same version-4 UUID from it there.
 */
export function newIdempotencyKey(source: CryptoLike = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
