/**
 * GET /export/forecast.xlsx (issue 13) over real HTTP: the page's inputs as the query string; the
 * offices, the manager and the auditor get the workbook, a bank the forecast's refusal, a malformed
 * query 400.
 */
import ExcelJS from 'exceljs';
import { startHttpServer, type HttpServer } from '../../../server';
import { createTestApp, type TestApp } from '../../../testing/test-app';

let app: TestApp;
let http: HttpServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1' },
  });
  for (const u of ['manager', 'auditor', 'bank-a']) tokens[u] = await app.login(u);
}, 120_000);
afterAll(async () => {
  await http?.stop();
  await app?.close();
});

const get = (query: string, username: string) =>
  fetch(`${http.url}export/forecast.xlsx?${query}`, {
    headers: { authorization: `Bearer ${tokens[username]}` },
  });

describe('GET /export/forecast.xlsx', () => {
  it('the manager downloads every scenario’s trip probabilities, the balance band and the assumptions', async () => {
    const res = await get('horizonMonths=24&paths=200&seed=7&topUp=1000000.00', 'manager');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '熔断概率',
      '资金余额',
      '季度补偿',
      '风险贡献',
      '迁移率估计',
      '模型假设',
    ]);
    const trips = wb.getWorksheet('熔断概率')!;
    // Header, then 12 and 24 months for the base case and the top-up.
    expect(trips.rowCount).toBe(1 + 2 * 2);
    expect(trips.getRow(2).getCell(1).value).toBe('基准情景');
    expect(trips.getRow(4).getCell(1).value).toBe('补充资金');
    const p = Number(trips.getRow(2).getCell(3).value);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    // 25 month ends per scenario.
    expect(wb.getWorksheet('资金余额')!.rowCount).toBe(1 + 2 * 25);
  });

  it('the auditor may download it; a bank is refused with the article; a malformed query is 400', async () => {
    expect((await get('paths=100', 'auditor')).status).toBe(200);
    const refused = await get('paths=100', 'bank-a');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'FORBIDDEN', article: 'Art 5' });
    expect((await get('paths=abc', 'manager')).status).toBe(400);
    expect((await get('paths=20000', 'manager')).status).toBe(400);
  });
});
