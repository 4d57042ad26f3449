import { createTestApp, type TestApp } from '../../../testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('demo data: every role has claims waiting', () => {
  it('has claims at every status, and one paid claim with a recovery whose remittance is due', async () => {
    const token = await app.login('manager');
    const res = await app.gql<{
      claims: {
        edges: {
          node: {
            status: string;
            recoveries: { dueOn: string; remittedOn: string | null; amountOwedToFund: string }[];
          };
        }[];
      };
    }>(
      'query { claims(first: 100) { edges { node { status recoveries { dueOn remittedOn amountOwedToFund } } } } }',
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
    expect(paid.node.recoveries).toEqual([
      expect.objectContaining({ dueOn: '2026-12-27', remittedOn: null }),
    ]);
    expect(paid.node.recoveries[0].amountOwedToFund).not.toBe('0.00');
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
