import {
  currentAfter,
  firstPage,
  hasPreviousPage,
  isPageSize,
  nextCursor,
  nextPage,
  pageCount,
  pageNumber,
  previousPage,
  withPageSize,
} from '../cursorPager';

describe('cursorPager', () => {
  it('starts on page 1 with no cursor', () => {
    const pager = firstPage(20);
    expect(currentAfter(pager)).toBeNull();
    expect(pageNumber(pager)).toBe(1);
    expect(hasPreviousPage(pager)).toBe(false);
  });

  it('walks forward and back through the cursors it was given', () => {
    const p3 = nextPage(nextPage(firstPage(20), 'c20'), 'c40');
    expect(pageNumber(p3)).toBe(3);
    expect(currentAfter(p3)).toBe('c40');

    const p2 = previousPage(p3);
    expect(pageNumber(p2)).toBe(2);
    expect(currentAfter(p2)).toBe('c20');

    const p1 = previousPage(p2);
    expect(currentAfter(p1)).toBeNull();
    expect(previousPage(p1)).toBe(p1);
  });

  it('restarts at page 1 when the page size changes, and not otherwise', () => {
    const p2 = nextPage(firstPage(20), 'c20');
    expect(withPageSize(p2, 20)).toBe(p2);
    expect(withPageSize(p2, 50)).toEqual({ pageSize: 50, afters: [null] });
  });

  it('counts pages, with at least one for an empty list', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(250, 100)).toBe(3);
  });

  it('accepts only the offered page sizes', () => {
    expect(isPageSize(50)).toBe(true);
    expect(isPageSize(30)).toBe(false);
  });

  it('hands out the end cursor only while there is a next page', () => {
    expect(nextCursor(undefined)).toBeNull();
    expect(nextCursor({ pageInfo: { hasNextPage: true, endCursor: 'c20' } })).toBe('c20');
    expect(nextCursor({ pageInfo: { hasNextPage: false, endCursor: 'c20' } })).toBeNull();
    expect(nextCursor({ pageInfo: { hasNextPage: true, endCursor: null } })).toBeNull();
  });
});
