/** Where a report is downloaded (export/http.ts serves them, with the same login as GraphQL). */
export function fundReportUrl(period: string, format: 'xlsx' | 'pdf'): string {
  return `/export/fund-reports/${encodeURIComponent(period)}.${format}`;
}

/** The printable approval form of a claim (issue 11). */
export function approvalFormUrl(claimId: string): string {
  return `/export/claims/${encodeURIComponent(claimId)}/approval-form.pdf`;
}
