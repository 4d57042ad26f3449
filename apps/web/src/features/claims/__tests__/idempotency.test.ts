import { newIdempotencyKey } from '../idempotency';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What the API accepts (claim.service.ts). */
const API_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

describe('newIdempotencyKey', () => {
  it('uses crypto.randomUUID where the browser has it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'fixed-uuid-0001', getRandomValues: (a) => a })).toBe(
      'fixed-uuid-0001',
    );
  });

  it('builds a version-4 UUID from getRandomValues outside a secure context', () => {
    const key = newIdempotencyKey({ getRandomValues: (a) => a.fill(0xff) });
    expect(key).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(key).toMatch(UUID_V4);
  });

  it('gives distinct keys the API accepts', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(API_KEY);
  });
});
