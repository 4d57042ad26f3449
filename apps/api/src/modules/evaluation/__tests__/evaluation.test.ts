import ExcelJS from 'exceljs';
import type { OrgKind } from '@ipfund/shared';
import { previousHalf } from '../../../demo/steps/audit';
import { EXPORT_ROUTES } from '../../../export/http';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, orgIdOf, otherKinds, refusal, tokensByKind } from '../../../testing/kinds';

const TODAY = '2026-11-27';
const DEMO_HALF = previousHalf(TODAY); // 2026-H1, submitted by the demo
const ROUND = `query($p: String!) { evaluationRound(period: $p) { id half status asOf article viewerCan
  weights { criterion weight }
  entries { id partner { id name } partnerKind rank totalScore viewerCan
    indicators { loansGranted amountGranted enterprises firstTimeBorrowers loanShare registrationTimeliness remittanceTimeliness overdueRate compensationRate }
    scores { productInnovation creditGranted enterpriseReach loanEfficiency assetQuality workEffectiveness } } } }`;
const ROUNDS = `{ evaluationRounds { half status entries { partner { id } rank } } }`;
const COMPUTE = `mutation($p: String!) { computeEvaluation(period: $p) { id half status asOf entries { id partner { id } totalScore rank } } }`;
const SCORE = `mutation($e: ID!, $i: ScorePartnerInput!) { scorePartnerEvaluation(entryId: $e, input: $i) { entries { id totalScore rank } } }`;
const SUBMIT = `mutation($p: String!) { submitEvaluation(period: $p) { status submittedOn } }`;
const PROGRAMME: OrgKind[] = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'];

interface Entry {
  id: string;
  partner: { id: string; name: string };
  partnerKind: string;
  rank: number | null;
  totalScore: string | null;
  viewerCan: string[];
  indicators: Record<string, unknown>;
}
interface Round {
  id: string;
  half: string;
  status: string;
  asOf: string;
  article: string;
  viewerCan: string[];
  entries: Entry[];
}

let app: TestApp;
let tokens: Record<OrgKind, string>;

const round = async (period: string, token = tokens.FUND_MANAGER) =>
  ok(await app.gql<{ evaluationRound: Round }>(ROUND, { p: period }, token)).evaluationRound;

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

describe('the demo round (Art 23): submitted to the offices, read per kind', () => {
  it.each(PROGRAMME)('%s reads every entry with its rank', async (kind) => {
    const r = await round(DEMO_HALF, tokens[kind]);
    expect(r).toMatchObject({ half: DEMO_HALF, status: 'SUBMITTED', article: 'Art 23', viewerCan: [] });
    const [{ n }] = (await app.ds.query(
      `SELECT count(*)::int AS n FROM organizations WHERE kind IN ('LENDING_BANK','GUARANTOR') AND status <> 'DISQUALIFIED'`,
    )) as { n: number }[];
    expect(r.entries).toHaveLength(n);
    expect(r.entries.every((e) => e.rank !== null && e.totalScore !== null)).toBe(true);
    // Ranks within each kind start at 1.
    for (const kind of ['LENDING_BANK', 'GUARANTOR']) {
      expect(Math.min(...r.entries.filter((e) => e.partnerKind === kind).map((e) => e.rank!))).toBe(1);
    }
  });

  it.each([
    ['LENDING_BANK', 'bank-a'],
    ['GUARANTOR', 'guarantor-a'],
  ] as const)('%s reads its own entry only, without the rank', async (kind, key) => {
    const r = await round(DEMO_HALF, tokens[kind]);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ partner: { id: await orgIdOf(app, key) }, rank: null });
    expect(r.entries[0].totalScore).not.toBeNull();
    const history = ok(
      await app.gql<{ evaluationRounds: { entries: unknown[] }[] }>(ROUNDS, {}, tokens[kind]),
    );
    expect(history.evaluationRounds.every((x) => x.entries.length === 1)).toBe(true);
  });

  it('an enterprise reads no round (as for one that does not exist)', async () => {
    expect(refusal(await app.gql(ROUND, { p: DEMO_HALF }, tokens.ENTERPRISE)).code).toBe('NOT_FOUND');
    expect(
      ok(await app.gql<{ evaluationRounds: unknown[] }>(ROUNDS, {}, tokens.ENTERPRISE)).evaluationRounds,
    ).toEqual([]);
  });

  it('a submitted round is frozen: no recomputation, no score, and the database refuses an edit', async () => {
    const r = await round(DEMO_HALF);
    expect(refusal(await app.gql(COMPUTE, { p: DEMO_HALF }, tokens.FUND_MANAGER))).toEqual({
      code: 'CONFLICT',
      article: 'Art 23',
    });
    const res = await app.gql(
      SCORE,
      { e: r.entries[0].id, i: { productInnovation: '1', workEffectiveness: '1' } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(res)).toEqual({ code: 'CONFLICT', article: 'Art 23' });
    await expect(
      app.ds.query(`UPDATE evaluation_entries SET total_score = 100 WHERE id = $1`, [r.entries[0].id]),
    ).rejects.toThrow(/frozen/);
  });

  it('exports the round as the caller may see it', async () => {
    const route = EXPORT_ROUTES.find((x) => x.path === '/evaluations/:file')!;
    const read = async (who: string) => {
      const file = await route.handle({
        actor: await app.actor(who),
        services: app.services,
        params: { file: `${DEMO_HALF}.xlsx` },
        query: {},
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file!.content as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const all = await read('manager');
    const r = await round(DEMO_HALF);
    expect(all.rowCount).toBe(r.entries.length + 1);
    const own = await read('bank-a');
    expect(own.rowCount).toBe(2);
    expect(own.getRow(2).getCell(1).value).toBeNull(); // no rank for the bank
    const bankA = await orgIdOf(app, 'bank-a');
    expect(own.getRow(2).getCell(2).value).toBe(r.entries.find((e) => e.partner.id === bankA)!.partner.name);
  });
});

describe('a new round: compute, score, submit (Art 23)', () => {
  it.each(otherKinds(['FUND_MANAGER']))('%s may not compute, score or submit', async (kind) => {
    expect(refusal(await app.gql(COMPUTE, { p: '2026-H2' }, tokens[kind]))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 23',
    });
    expect(refusal(await app.gql(SUBMIT, { p: '2026-H2' }, tokens[kind]))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 23',
    });
    const [e] = (await app.ds.query(`SELECT id FROM evaluation_entries LIMIT 1`)) as { id: string }[];
    const res = await app.gql(
      SCORE,
      { e: e.id, i: { productInnovation: '50', workEffectiveness: '50' } },
      tokens[kind],
    );
    expect(refusal(res)).toEqual({ code: 'FORBIDDEN', article: 'Art 23' });
  });

  it('refuses a malformed or future half year', async () => {
    expect(refusal(await app.gql(COMPUTE, { p: '2026-H3' }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(refusal(await app.gql(COMPUTE, { p: '2027-H1' }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('computes the figures from the data as of the business date; a partner does not see the draft', async () => {
    const r = ok(
      await app.gql<{ computeEvaluation: Round }>(COMPUTE, { p: '2026-H2' }, tokens.FUND_MANAGER),
    ).computeEvaluation;
    expect(r).toMatchObject({ half: '2026-H2', status: 'DRAFT', asOf: TODAY });
    expect(r.entries.every((e) => e.totalScore === null && e.rank === null)).toBe(true);
    const bankA = await orgIdOf(app, 'bank-a');
    const full = await round('2026-H2');
    const mine = full.entries.find((e) => e.partner.id === bankA)!;
    const [figures] = (await app.ds.query(
      `SELECT count(*)::int AS loans, COALESCE(sum(principal), 0)::numeric(18,2)::text AS amount,
              count(DISTINCT enterprise_id)::int AS enterprises
         FROM loans WHERE covered AND bank_id = $1 AND issued_on BETWEEN '2026-07-01' AND $2`,
      [bankA, TODAY],
    )) as { loans: number; amount: string; enterprises: number }[];
    expect(mine.indicators).toMatchObject({
      loansGranted: figures.loans,
      amountGranted: figures.amount,
      enterprises: figures.enterprises,
    });
    expect(mine.viewerCan).toEqual(['evaluation.score']);
    expect(full.viewerCan).toEqual(['evaluation.compute', 'evaluation.submit']);
    expect(refusal(await app.gql(ROUND, { p: '2026-H2' }, tokens.LENDING_BANK)).code).toBe('NOT_FOUND');
  });

  it('refuses to submit until every partner is scored, then ranks and freezes', async () => {
    await app.gql(COMPUTE, { p: '2026-H2' }, tokens.FUND_MANAGER);
    const r = await round('2026-H2');
    const early = await app.gql(SUBMIT, { p: '2026-H2' }, tokens.FUND_MANAGER);
    expect(refusal(early)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 23' });
    expect(
      refusal(
        await app.gql(
          SCORE,
          { e: r.entries[0].id, i: { productInnovation: '101', workEffectiveness: '50' } },
          tokens.FUND_MANAGER,
        ),
      ).code,
    ).toBe('BAD_USER_INPUT');
    for (const [i, e] of r.entries.entries()) {
      ok(
        await app.gql(
          SCORE,
          { e: e.id, i: { productInnovation: String(50 + i), workEffectiveness: '80.5' } },
          tokens.FUND_MANAGER,
        ),
      );
    }
    const scored = await round('2026-H2');
    expect(scored.entries.every((e) => e.rank !== null && e.totalScore !== null)).toBe(true);
    expect(
      ok(
        await app.gql<{ submitEvaluation: { status: string } }>(
          SUBMIT,
          { p: '2026-H2' },
          tokens.FUND_MANAGER,
        ),
      ),
    ).toEqual({ submitEvaluation: { status: 'SUBMITTED', submittedOn: TODAY } });
    // The bank now reads its own entry of it; the history holds both halves.
    expect((await round('2026-H2', tokens.LENDING_BANK)).entries).toHaveLength(1);
    const halves = ok(
      await app.gql<{ evaluationRounds: { half: string }[] }>(ROUNDS, {}, tokens.IP_BUREAU),
    ).evaluationRounds.map((x) => x.half);
    expect(halves).toEqual(['2026-H2', DEMO_HALF]);
  });
});
