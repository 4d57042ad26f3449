import { createTestApp, type TestApp } from '../../../testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('demo data: every role has claims waiting', () => {
  it('has claims at every status, and one paid claim with a confirmed remittance and one awaiting confirmation', async () => {
    const token = await app.login('manager');
    const res = await app.gql<{
      claims: {
        edges: {
          node: {
            status: string;
            recoveries: {
              dueOn: string;
              remittedOn: string | null;
              amountOwedToFund: string;
              remittanceStatus: string;
            }[];
          };
        }[];
      };
    }>(
      'query { claims(first: 100) { edges { node { status recoveries { dueOn remittedOn amountOwedToFund remittanceStatus } } } } }',
      {},
      token,
    );
    const statuses = new Set(res.data!.claims.edges.map((e) => e.node.status));
    expect([...statuses].sort()).toEqual([
      'APPROVED',
      'GUARANTOR_CONFIRMED',
      'PAID',
      'REJECTED',
      'RETURNED',
      'SUBMITTED',
      'VERIFIED',
    ]);
    const paid = res.data!.claims.edges.find((e) => e.node.status === 'PAID')!;
    // The bank's declaration alone posts nothing (Art 18): one confirmed by the manager, one waiting,
    // and (the work-queue step, demo/steps/tasks.ts) one more recovery whose remittance is still due.
    expect(paid.node.recoveries).toEqual([
      expect.objectContaining({
        dueOn: '2026-12-27',
        remittedOn: '2026-11-27',
        remittanceStatus: 'CONFIRMED',
      }),
      expect.objectContaining({ dueOn: '2026-12-27', remittedOn: null, remittanceStatus: 'DECLARED' }),
      expect.objectContaining({ dueOn: '2026-12-27', remittedOn: null, remittanceStatus: 'DUE' }),
    ]);
    for (const r of paid.node.recoveries) expect(r.amountOwedToFund).not.toBe('0.00');
  });

  it('the demo waits on each office: a verified claim carries one signature', async () => {
    const res = await app.gql<{
      claims: { edges: { node: { approvals: { organization: { kind: string } }[] } }[] };
    }>(
      'query { claims(first: 100, status: VERIFIED) { edges { node { approvals { organization { kind } } } } } }',
      {},
      await app.login('fo'),
    );
    expect(res.data!.claims.edges.map((e) => e.node.approvals.map((a) => a.organization.kind))).toEqual([
      ['IP_BUREAU'],
    ]);
  });
});
