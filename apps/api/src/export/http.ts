import { Router, type Request, type Response } from 'express';
import { ERROR_CODES } from '@ipfund/shared';
import type { Actor } from '../authz/actor';
import { AppError, badInput } from '../common/errors';
import type { GqlContext } from '../graphql/context';
import { attachmentDisposition } from '../modules/claim/claim-document.download';
import { approvalFormPdf } from '../modules/report/approval-form';
import { fundReportFileName, fundReportPdf, fundReportXlsx } from '../modules/report/report.export';
import type { Services } from '../services';
import { activityFilterFromQuery, activityXlsx } from '../modules/activity/activity.export';
import { evaluationXlsx } from '../modules/evaluation/evaluation.export';
import { forecastRequestFromQuery, forecastXlsx } from '../modules/forecast/forecast.export';
import { toFundForecastType } from '../modules/forecast/forecast.mapper';
import { PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './xlsx';
import { TABLE_EXPORT_ROUTES } from './tables';

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

/** `2026-Q4.xlsx` → period and format; anything else is no file of ours (404). */
function reportFile(name: string): { period: string; format: 'xlsx' | 'pdf' } | null {
  const m = /^(.{1,16})\.(xlsx|pdf)$/.exec(name);
  return m ? { period: m[1], format: m[2] as 'xlsx' | 'pdf' } : null;
}

/** Every export. Append a row to add one; the router below serves them all the same way. */
export const EXPORT_ROUTES: ExportRoute[] = [
  // Issue 12: the operation report of a period (Art 6.6), draft or issued, as xlsx or PDF.
  {
    path: '/fund-reports/:file',
    async handle({ actor, services, params }) {
      const file = reportFile(params.file ?? '');
      if (!file) return null;
      const view = await services.reports.report(actor, file.period);
      return file.format === 'xlsx'
        ? {
            fileName: fundReportFileName(view, 'xlsx'),
            contentType: XLSX_CONTENT_TYPE,
            content: await fundReportXlsx(view),
          }
        : {
            fileName: fundReportFileName(view, 'pdf'),
            contentType: PDF_CONTENT_TYPE,
            content: await fundReportPdf(view),
          };
    },
  },
  // Issue 11: a claim's printable approval form, for whoever may read the claim (404 otherwise).
  {
    path: '/claims/:id/approval-form.pdf',
    async handle({ actor, services, params }) {
      const form = await approvalFormPdf(services, actor, params.id ?? '');
      return form && { ...form, contentType: PDF_CONTENT_TYPE };
    },
  },
  // Issue 13: the fund's stress forecast with the page's inputs (the offices, the manager and the auditor).
  {
    path: '/forecast.xlsx',
    async handle({ actor, services, query }) {
      const req = forecastRequestFromQuery(query);
      if (!req) throw badInput('forecast.invalid', { detail: 'malformed query string' });
      const view = toFundForecastType(await services.forecast.forecast(actor, req));
      return {
        fileName: `资金压力测试-${view.asOf}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        content: await forecastXlsx(view),
      };
    },
  },
  // Issue 12: the activity log with the browser's filters (Art 20); an auditor's export is on the record.
  {
    path: '/activity.xlsx',
    async handle({ actor, services, query }) {
      const filter = activityFilterFromQuery(query);
      if (actor.orgKind === 'AUDITOR') {
        await services.audit.recordOperation(actor, {
          operationType: 'export',
          operationName: 'activity.xlsx',
          rootFields: [],
          variables: query,
        });
      }
      const rows = await services.activity.exportRows(actor, filter);
      return { fileName: '操作日志.xlsx', contentType: XLSX_CONTENT_TYPE, content: await activityXlsx(rows) };
    },
  },
  // Issue 12: a half year's partner evaluation (Art 23) as the caller may see it.
  {
    path: '/evaluations/:file',
    async handle({ actor, services, params }) {
      const m = /^(\d{4}-H[12])\.xlsx$/.exec(params.file ?? '');
      if (!m) return null;
      if (actor.orgKind === 'AUDITOR') {
        await services.audit.recordOperation(actor, {
          operationType: 'export',
          operationName: `evaluations/${m[1]}.xlsx`,
          rootFields: [],
          variables: {},
        });
      }
      const round = await services.evaluation.round(actor, m[1]);
      return {
        fileName: `${m[1]}-合作机构绩效评价.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        content: await evaluationXlsx(round),
      };
    },
  },
  // Issue 11: the tables (loans, claims, journal, trial balance) with their lists' filters (export/tables.ts).
  ...TABLE_EXPORT_ROUTES,
];

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
