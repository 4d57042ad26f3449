import { fileNameOf } from '../saveBlob';
import {
  dateParam,
  exportHref,
  formatSort,
  intParam,
  listParam,
  parseSort,
  sortFromTable,
  sortOrderOf,
  textParam,
} from '../tableQuery';

const FIELDS = ['ISSUED_ON', 'OUTSTANDING_PRINCIPAL'] as const;

describe('list state in the URL', () => {
  it('reads and writes the sort', () => {
    expect(parseSort('ISSUED_ON.asc', FIELDS)).toEqual({ field: 'ISSUED_ON', direction: 'ASC' });
    expect(parseSort('OUTSTANDING_PRINCIPAL.desc', FIELDS)).toEqual({
      field: 'OUTSTANDING_PRINCIPAL',
      direction: 'DESC',
    });
    expect(parseSort('DROP_TABLE.asc', FIELDS)).toBeNull();
    expect(parseSort('ISSUED_ON', FIELDS)).toBeNull();
    expect(parseSort(undefined, FIELDS)).toBeNull();
    expect(formatSort({ field: 'ISSUED_ON', direction: 'DESC' })).toBe('ISSUED_ON.desc');
    expect(formatSort(null)).toBeNull();
  });

  it('maps the sort to and from antd', () => {
    const sort = { field: 'ISSUED_ON', direction: 'ASC' as const };
    expect(sortOrderOf(sort, 'ISSUED_ON')).toBe('ascend');
    expect(sortOrderOf(sort, 'OUTSTANDING_PRINCIPAL')).toBeNull();
    expect(sortFromTable('ISSUED_ON', 'descend')).toEqual({ field: 'ISSUED_ON', direction: 'DESC' });
    expect(sortFromTable('ISSUED_ON', undefined)).toBeNull();
  });

  it('reads lists, numbers, dates and text defensively', () => {
    expect(listParam('OVERDUE,NOPE,ACTIVE', ['ACTIVE', 'OVERDUE'] as const)).toEqual(['OVERDUE', 'ACTIVE']);
    expect(listParam(undefined, ['ACTIVE'] as const)).toEqual([]);
    expect(intParam('15')).toBe(15);
    expect(intParam('-1')).toBeNull();
    expect(intParam('1e3')).toBeNull();
    expect(dateParam('2026-11-27')).toBe('2026-11-27');
    expect(dateParam('27/11/2026')).toBeNull();
    expect(textParam('  江北 ')).toBe('江北');
    expect(textParam('   ')).toBeNull();
  });

  it('builds the export link with the same names, lists comma-separated, empties left out', () => {
    expect(exportHref('loans', {})).toBe('/export/loans.xlsx');
    expect(exportHref('claims', { status: [], awaitingMe: true })).toBe(
      '/export/claims.xlsx?awaitingMe=true',
    );
    expect(
      exportHref('loans', {
        status: ['OVERDUE', 'IN_CLAIM'],
        bankId: null,
        enterprise: '重庆',
        overdueDaysMin: 15,
      }),
    ).toBe('/export/loans.xlsx?status=OVERDUE%2CIN_CLAIM&enterprise=%E9%87%8D%E5%BA%86&overdueDaysMin=15');
  });
});

describe('export file names', () => {
  it('prefers the UTF-8 name of Content-Disposition', () => {
    expect(
      fileNameOf(
        `attachment; filename="loans.xlsx"; filename*=UTF-8''%E8%B4%B7%E6%AC%BE%E5%8F%B0%E8%B4%A6.xlsx`,
      ),
    ).toBe('贷款台账.xlsx');
    expect(fileNameOf('attachment; filename="loans.xlsx"')).toBe('loans.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
