/** The text of a failed request for an alert or a toast (the API sends it in the caller's language). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
