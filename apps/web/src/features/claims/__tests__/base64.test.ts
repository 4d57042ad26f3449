import { base64ToBytes, bytesToBase64, contentTypeOf, formatBytes, MAX_DOCUMENT_BYTES } from '../base64';

describe('base64', () => {
  it('round-trips bytes, including every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
  });

  it('matches the standard encoding (as the API decodes it)', () => {
    const utf8 = new TextEncoder().encode('借款合同');
    expect(bytesToBase64(utf8)).toBe('5YCf5qy+5ZCI5ZCM');
    expect(bytesToBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    expect(new TextDecoder().decode(base64ToBytes('5YCf5qy+5ZCI5ZCM'))).toBe('借款合同');
  });

  it('encodes files larger than one chunk without overflowing the stack', () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    const encoded = bytesToBase64(big);
    expect(encoded).toHaveLength(Math.ceil(200_000 / 3) * 4);
    expect(base64ToBytes(encoded)).toEqual(big);
  });

  it('ignores line breaks and refuses text that is not base64', () => {
    expect(Array.from(base64ToBytes('AQID\nBA=='))).toEqual([1, 2, 3, 4]);
    expect(() => base64ToBytes('not base64!')).toThrow();
  });

  it('handles an empty file', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(base64ToBytes('').length).toBe(0);
  });
});

describe('formatBytes and contentTypeOf', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(MAX_DOCUMENT_BYTES)).toBe('10 MB');
  });

  it('falls back to a generic type when the browser does not know one', () => {
    expect(contentTypeOf('')).toBe('application/octet-stream');
    expect(contentTypeOf('application/pdf')).toBe('application/pdf');
  });
});
