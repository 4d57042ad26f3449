import type ExcelJSModule from 'exceljs';
import type PDFDocumentClass from 'pdfkit';

/*
 * exceljs (~0.5 s to load) and pdfkit (~0.25 s) are loaded by the first export, upload or report that
 * needs them, not at boot: most processes never write a file (a test file, the demo's first screen),
 * and every one of them paid ~0.8 s for it. The types come from the type-only imports above.
 */

let excel: typeof ExcelJSModule | undefined;
/** The exceljs module, loaded on first use. */
export function excelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous load on first use
  return (excel ??= require('exceljs') as typeof ExcelJSModule);
}

let pdfDocument: typeof PDFDocumentClass | undefined;
/** pdfkit's PDFDocument class, loaded on first use. */
export function pdfKit(): typeof PDFDocumentClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous load on first use
  return (pdfDocument ??= require('pdfkit') as typeof PDFDocumentClass);
}
