/**
 * Issue 11: the journal's memos name what a reader knows — the loan's contract number — and never a
 * raw id: the payout of a claim and the receivable of a recovery.
 */
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { tokensByKind } from '../../../testing/kinds';
import { ClaimDriver, makeLoan } from './fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

it('the payout and the recovery receivable cite the contract number, with no id in the memo', async () => {
  const d = new ClaimDriver(app);
  const tokens = await tokensByKind(app);
  const loan = await makeLoan(app, {
    bank: 'bank-a',
    principal: '2000000.00',
    outstanding: '2000000.00',
    overdueDays: 90,
  });
  const { paid } = await d.fullClaim('bank-a', loan);
  const rec = await app.gql<{ recordRecovery: { id: string } }>(
    `mutation($i: RecordRecoveryInput!) { recordRecovery(input: $i) { id } }`,
    { i: { claimId: paid.id, amount: '1000000.00', receivedOn: '2026-11-27' } },
    tokens.LENDING_BANK,
  );
  expect(rec.errors).toBeUndefined();

  const memos = (await app.ds.query(
    `SELECT t.kind, t.memo FROM ledger_transactions t
      WHERE t.id = (SELECT payout_transaction_id FROM claims WHERE id = $1)
         OR (t.reference_type = 'Recovery' AND t.reference_id = $2)
      ORDER BY t.seq`,
    [paid.id, rec.data!.recordRecovery.id],
  )) as { kind: string; memo: string }[];
  expect(memos).toEqual([
    { kind: 'COMPENSATION_PAYOUT', memo: `支付风险补偿资金（贷款合同 ${loan.contractNo}）` },
    { kind: 'RECOVERY_RECEIVABLE', memo: `确认应收追偿返还款（贷款合同 ${loan.contractNo}）` },
  ]);
  for (const { memo } of memos) expect(memo).not.toMatch(UUID);
});
