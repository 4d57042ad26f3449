import { Router, type Request, type Response } from 'express';
import { ERROR_CODES } from '@ipfund/shared';
import type { Actor } from '../authz/actor';
import { AppError } from '../common/errors';
import type { GqlContext } from '../graphql/context';
import { attachmentDisposition } from '../modules/claim/claim-document.download';
import type { Services } from '../services';

/**
 * File exports over plain HTTP under /export (issues 11, 12): xlsx of tables, PDF reports and forms.
 * Authenticated exactly like GraphQL and the claim-document download (the same context function:
 * Bearer token or the session cookie). Every handler reads through the services, so through the
 * access kernel's scopes, and answers what the caller would see in GraphQL:
 *
 *  - no valid login → 401 JSON `{ error }`;
 *  - a subject that does not exist or that the caller may not see → 404 (one answer for both);
 *  - refused by the operations table or a rule → 403 JSON `{ error, message, article }`;
 *  - malformed path or query (a bad period, a bad filter) → 400 JSON.
 *
 * To add an export, append a row to EXPORT_ROUTES (path relative to /export, express syntax).
 */

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface ExportRequest {
  actor: Actor;
  services: Services;
  /** Route parameters, e.g. `{ id }` for `/claims/:id/approval-form.pdf`. */
  params: Record<string, string>;
  /** Query-string filters, single values only (a repeated key keeps its first value). */
  query: Record<string, string>;
}

export interface ExportRoute {
  path: string;
  /** The file, or null when the subject does not exist or the caller may not see it (404). */
  handle: (req: ExportRequest) => Promise<ExportFile | null>;
}

/** Every export. Append a row to add one; the router below serves them all the same way. */
export const EXPORT_ROUTES: ExportRoute[] = [];

const NO_STORE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

const STATUS_OF: Record<string, number> = {
  [ERROR_CODES.UNAUTHENTICATED]: 401,
  [ERROR_CODES.FORBIDDEN]: 403,
  [ERROR_CODES.POLICY_VIOLATION]: 403,
  [ERROR_CODES.NOT_FOUND]: 404,
  [ERROR_CODES.BAD_USER_INPUT]: 400,
  [ERROR_CODES.CONFLICT]: 409,
};

function firstValues(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

function stringParams(params: Request['params']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function sendError(res: Response, status: number, body: Record<string, unknown>): void {
  res.status(status).set(NO_STORE);
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res.json(body);
}

/** The /export router: `app.use('/export', exportRouter(...))` in server.ts. */
export function exportRouter(
  contextOf: (req: Request) => Promise<GqlContext>,
  routes = EXPORT_ROUTES,
): Router {
  const router = Router();
  for (const route of routes) {
    router.get(route.path, async (req, res) => {
      const ctx = await contextOf(req);
      if (!ctx.actor) {
        sendError(res, 401, { error: ctx.authError?.code ?? ERROR_CODES.UNAUTHENTICATED });
        return;
      }
      let file: ExportFile | null;
      try {
        file = await route.handle({
          actor: ctx.actor,
          services: ctx.services,
          params: stringParams(req.params),
          query: firstValues(req.query),
        });
      } catch (err) {
        if (err instanceof AppError && STATUS_OF[err.code]) {
          const status = STATUS_OF[err.code];
          // "Not visible" and "does not exist" answer alike, with no message that could tell them apart.
          if (status === 404) {
            sendError(res, 404, { error: ERROR_CODES.NOT_FOUND });
            return;
          }
          sendError(res, status, {
            error: err.code,
            message: err.message,
            ...(err.article ? { article: err.article } : {}),
          });
          return;
        }
        ctx.services.log.error({ err, path: req.path }, 'export failed');
        sendError(res, 500, { error: ERROR_CODES.INTERNAL });
        return;
      }
      if (!file) {
        sendError(res, 404, { error: ERROR_CODES.NOT_FOUND });
        return;
      }
      res
        .status(200)
        .set({
          ...NO_STORE,
          'Content-Type': file.contentType,
          'Content-Length': String(file.content.length),
          'Content-Disposition': attachmentDisposition(file.fileName),
          'Content-Security-Policy': "default-src 'none'; sandbox",
        })
        .end(file.content);
    });
  }
  // Anything under /export that is no export: JSON 404, not the web app's shell.
  router.use((_req, res) => sendError(res, 404, { error: ERROR_CODES.NOT_FOUND }));
  return router;
}
