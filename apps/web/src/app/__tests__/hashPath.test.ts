import { hashFromPath, hashWithQuery, paramsFromHash, pathFromHash, queryFromHash } from '../hashPath';

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

describe('hash queries (filters kept in the URL)', () => {
  it('the path ignores the query', () => {
    expect(pathFromHash('#/loans?status=OVERDUE')).toBe('/loans');
    expect(pathFromHash('#/loans/?status=OVERDUE')).toBe('/loans');
  });

  it('reads the query as a record', () => {
    expect(queryFromHash('#/loans?status=OVERDUE&q=%E6%B1%9F')).toBe('status=OVERDUE&q=%E6%B1%9F');
    expect(paramsFromHash('#/loans?status=OVERDUE&q=%E6%B1%9F')).toEqual({ status: 'OVERDUE', q: '江' });
    expect(paramsFromHash('#/loans')).toEqual({});
  });

  it('writes one URL per state: sorted keys, empty values left out', () => {
    expect(hashWithQuery('/loans', { sort: 'issuedOn.desc', q: '', status: 'OVERDUE', bank: null })).toBe(
      '#/loans?sort=issuedOn.desc&status=OVERDUE',
    );
    expect(hashWithQuery('/loans', {})).toBe('#/loans');
    expect(paramsFromHash(hashWithQuery('/claims', { q: '重庆 & 江北' }))).toEqual({ q: '重庆 & 江北' });
  });
});
