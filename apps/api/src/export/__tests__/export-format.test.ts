/**
 * The export building blocks (issues 11, 12): a PDF keeps its Chinese text and figures readable by a
 * text extractor (the CJK font is embedded, with a Unicode map), and an xlsx reads back as one
 * header row then one row per record, money as two-decimal numbers, dates as dates.
 */
import ExcelJS from 'exceljs';
import { createPdf, formatMoney, formatPercent, pdfChart, pdfTable, pdfTitle, toBuffer } from '../pdf';
import { pdfText } from '../../testing/pdf-text';
import { sheet, writeXlsx, xlsxCell } from '../xlsx';

describe('pdf', () => {
  it('embeds the CJK font and reads back its Chinese text, table cells and chart labels', async () => {
    const doc = createPdf({ title: '风险补偿资金运行报告', watermark: '草稿', footer: '草稿' });
    pdfTitle(doc, '风险补偿资金运行报告', '2026年第四季度');
    const rows = Array.from({ length: 80 }, (_, i) => [`合作银行${i + 1}`, formatMoney(`${i * 1000}.5`)]);
    pdfTable(doc, [{ header: '银行' }, { header: '本金', align: 'right' }], rows);
    pdfChart(doc, {
      title: '各季度代偿金额',
      data: [
        { label: 'Q1', value: '100.00' },
        { label: 'Q2', value: '2500000.00' },
      ],
      valueLabel: formatMoney,
    });
    const bytes = await toBuffer(doc);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/FontFile2/); // the TrueType font is in the file
    const text = await pdfText(bytes);
    expect(text).toContain('风险补偿资金运行报告');
    expect(text).toContain('合作银行80');
    expect(text).toContain('79,000.50');
    expect(text).toContain('2,500,000.00');
    expect(text).toMatch(/第 1 \/ \d 页/);
    // Only the glyphs used are embedded, not the 10 MB font.
    expect(bytes.length).toBeLessThan(1_000_000);
  });

  it('formats money from decimal strings and ratios as percent', () => {
    expect(formatMoney('1234567.005')).toBe('1,234,567.01');
    expect(formatMoney('-0.5')).toBe('-0.50');
    expect(formatMoney(null)).toBe('—');
    expect(formatPercent('0.0523')).toBe('5.23%');
  });
});

describe('xlsx', () => {
  it('one header row, one row per record; money numeric with 2 decimals, dates as dates', async () => {
    const rows = [
      { name: '甲公司', amount: '1234567.89', on: '2026-03-31' },
      { name: '乙公司', amount: '0.10', on: '2026-12-31' },
    ];
    const bytes = await writeXlsx([
      sheet({
        name: '贷款',
        columns: [
          { header: '企业', kind: 'text', value: (r) => r.name },
          { header: '金额', kind: 'money', value: (r) => r.amount },
          { header: '日期', kind: 'date', value: (r) => r.on },
        ],
        rows,
      }),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('贷款');
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).values).toEqual([undefined, '企业', '金额', '日期']);
    expect(ws.getCell('B2').value).toBe(1234567.89);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C3').value).toEqual(new Date('2026-12-31T00:00:00Z'));
  });

  it('refuses money that is not decimal text with at most two decimals', () => {
    expect(() => xlsxCell('money', 12.5)).toThrow(/decimal string/);
    expect(() => xlsxCell('money', '1.005')).toThrow(/at most 2/);
    expect(() => xlsxCell('date', '2026/01/01')).toThrow(/YYYY-MM-DD/);
    expect(xlsxCell('money', null)).toBeNull();
  });
});
