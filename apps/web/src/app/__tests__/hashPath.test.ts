import { hashFromPath, pathFromHash } from '../hashPath';

describe('pathFromHash', () => {
  it('reads the path from the hash', () => {
    expect(pathFromHash('#/loans')).toBe('/loans');
    expect(pathFromHash('#/claims/42')).toBe('/claims/42');
  });

  it('normalises a missing slash, a trailing slash and an empty hash', () => {
    expect(pathFromHash('#loans')).toBe('/loans');
    expect(pathFromHash('#/loans/')).toBe('/loans');
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#')).toBe('/');
    expect(pathFromHash('#/')).toBe('/');
  });

  it('round-trips with hashFromPath', () => {
    expect(hashFromPath('/loans')).toBe('#/loans');
    expect(pathFromHash(hashFromPath('/loans'))).toBe('/loans');
  });
});
