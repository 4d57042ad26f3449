import type { Request, RequestHandler } from 'express';
import type { GqlContext } from '../../graphql/context';

/**
 * Claim documents as a plain authenticated HTTP download (issue 9): the bytes go out as they are
 * stored, not as base64 inside a GraphQL response, so a document costs its own size once and a
 * query with many aliases cannot multiply it. Who may read is decided exactly as in GraphQL: the
 * same context function authenticates, and the service reads through the access kernel's scope.
 */

export const CLAIM_DOCUMENT_ROUTE = '/files/claim-documents/:id';

/** Where the web (and anyone holding a login) downloads a document: `ClaimDocument.downloadUrl`. */
export function claimDocumentUrl(documentId: string): string {
  return `/files/claim-documents/${encodeURIComponent(documentId)}`;
}

/** A stored content type is the uploader's claim: only a plain `type/subtype` goes into the header. */
function safeContentType(contentType: string): string {
  return /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/.test(contentType)
    ? contentType
    : 'application/octet-stream';
}

/**
 * `attachment` with an ASCII fallback and the RFC 5987 UTF-8 name, so 借款合同.pdf arrives as
 * itself in every current browser, and quotes or control characters cannot break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /files/claim-documents/:id. 401 without a valid login; 404 for a document that does not
 * exist and for one the caller may not see (the same answer, DOMAIN §2); otherwise the bytes.
 */
export function claimDocumentDownload(contextOf: (req: Request) => Promise<GqlContext>): RequestHandler {
  return async (req, res) => {
    const ctx = await contextOf(req);
    const noStore = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
    if (!ctx.actor) {
      res
        .status(401)
        .set({ ...noStore, 'WWW-Authenticate': 'Bearer' })
        .json({ error: ctx.authError?.code ?? 'UNAUTHENTICATED' });
      return;
    }
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    const doc = await ctx.services.claimDocuments.download(ctx.actor, id);
    if (!doc) {
      res.status(404).set(noStore).json({ error: 'NOT_FOUND' });
      return;
    }
    res
      .status(200)
      .set({
        ...noStore,
        'Content-Type': safeContentType(doc.contentType),
        'Content-Length': String(doc.content.length),
        'Content-Disposition': attachmentDisposition(doc.fileName),
        // Opened by mistake in a tab, the file still runs nothing and reaches nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
      })
      .end(doc.content);
  };
}
