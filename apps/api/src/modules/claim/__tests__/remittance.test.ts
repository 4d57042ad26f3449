/**
 * A bank's own word does not move the fund's money (issue 12): the bank declares its remittance,
 * the fund manager confirms it against the bank statement, and only the confirmation posts
 * REMITTANCE_RECEIVED (Art 18). Per kind allowed/refused, the ledger unchanged after a declaration,
 * and one posting under concurrent confirmations.
 */
import { ORG_KINDS } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { USER_OF_KIND, refusal, tokensByKind } from '../../../testing/kinds';
import { ClaimDriver, makeLoan } from './fixtures';

let app: TestApp;
let d: ClaimDriver;
let tokens: Awaited<ReturnType<typeof tokensByKind>>;

const FIELDS = `id remittanceStatus remittedOn declaredRemittedOn declaredReference declaredOn rejectionReason
  bankStatementRef confirmedOn amountOwedToFund viewerCan`;
const DECLARE = `mutation($r: ID!, $k: String!, $d: RemittanceDeclarationInput) {
  recordRemittance(recoveryId: $r, idempotencyKey: $k, declaration: $d) { ${FIELDS} } }`;
const CONFIRM = `mutation($i: ConfirmRemittanceInput!) { confirmRemittance(input: $i) { ${FIELDS} } }`;
const REJECT = `mutation($r: ID!, $m: String!) { rejectRemittance(recoveryId: $r, reason: $m) { ${FIELDS} } }`;

interface RecoveryView {
  id: string;
  remittanceStatus: string;
  remittedOn: string | null;
  declaredRemittedOn: string | null;
  declaredReference: string | null;
  bankStatementRef: string | null;
  rejectionReason: string | null;
  amountOwedToFund: string;
  viewerCan: string[];
}

/** The ledger's facts a remittance could change: postings of the kind and the two balances. */
async function ledgerFacts() {
  const [row] = await app.ds.query(
    `SELECT (SELECT count(*)::int FROM ledger_transactions WHERE kind = 'REMITTANCE_RECEIVED') AS remittances,
            (SELECT balance::text FROM ledger_account_balances WHERE account_code = '100201') AS principal,
            (SELECT balance::text FROM ledger_account_balances WHERE account_code = '1221') AS receivable`,
  );
  return row as { remittances: number; principal: string; receivable: string };
}

/** A paid claim of bank-a with a recorded recovery of 1,000,000.00 (the fund is owed 300,000.00). */
async function owedRecovery(): Promise<string> {
  const loan = await makeLoan(app, {
    bank: 'bank-a',
    principal: '2000000.00',
    outstanding: '2000000.00',
    overdueDays: 90,
  });
  const { paid } = await d.fullClaim('bank-a', loan);
  const rec = await app.gql<{ recordRecovery: { id: string; amountOwedToFund: string } }>(
    `mutation($i: RecordRecoveryInput!) { recordRecovery(input: $i) { id amountOwedToFund } }`,
    { i: { claimId: paid.id, amount: '1000000.00', receivedOn: '2026-11-27' } },
    tokens.LENDING_BANK,
  );
  if (!rec.data) throw new Error(JSON.stringify(rec.errors));
  expect(rec.data.recordRecovery.amountOwedToFund).toBe('300000.00');
  return rec.data.recordRecovery.id;
}

async function declare(recoveryId: string, key: string, token = tokens.LENDING_BANK) {
  return app.gql<{ recordRemittance: RecoveryView }>(
    DECLARE,
    { r: recoveryId, k: key, d: { remittedOn: '2026-11-27', reference: 'BANK-TRF-001' } },
    token,
  );
}

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

describe('remittance: declared by the bank, confirmed by the fund manager (Art 18)', () => {
  it('a declaration posts nothing; the confirmation posts the share once', async () => {
    const id = await owedRecovery();
    const before = await ledgerFacts();
    const declared = await declare(id, 'remit-decl-0001');
    expect(declared.errors).toBeUndefined();
    expect(declared.data?.recordRemittance).toMatchObject({
      remittanceStatus: 'DECLARED',
      remittedOn: null,
      declaredRemittedOn: '2026-11-27',
      declaredReference: 'BANK-TRF-001',
    });
    // The bank's word alone: the ledger is exactly as it was.
    expect(await ledgerFacts()).toEqual(before);
    // The same key again answers the same declaration.
    expect((await declare(id, 'remit-decl-0001')).data?.recordRemittance.remittanceStatus).toBe('DECLARED');
    // The manager sees the confirm/reject actions, the bank none.
    const asManager = await app.gql<{ openRemittances: RecoveryView[] }>(
      `query { openRemittances { ${FIELDS} } }`,
      {},
      tokens.FUND_MANAGER,
    );
    expect(asManager.data?.openRemittances.find((r) => r.id === id)?.viewerCan).toEqual([
      'recovery.confirmRemittance',
      'recovery.rejectRemittance',
    ]);

    const confirmed = await app.gql<{ confirmRemittance: RecoveryView }>(
      CONFIRM,
      { i: { recoveryId: id, bankStatementRef: 'STMT-20261127-01', receivedOn: '2026-11-27' } },
      tokens.FUND_MANAGER,
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmRemittance).toMatchObject({
      remittanceStatus: 'CONFIRMED',
      remittedOn: '2026-11-27',
      bankStatementRef: 'STMT-20261127-01',
      viewerCan: [],
    });
    const after = await ledgerFacts();
    expect(after.remittances).toBe(before.remittances + 1);
    expect(Number(after.principal) - Number(before.principal)).toBeCloseTo(300000, 2);
    expect(Number(before.receivable) - Number(after.receivable)).toBeCloseTo(300000, 2);
    // Confirming again with the same statement is a replay and posts nothing.
    const again = await app.gql<{ confirmRemittance: RecoveryView }>(
      CONFIRM,
      { i: { recoveryId: id, bankStatementRef: 'STMT-20261127-01', receivedOn: '2026-11-27' } },
      tokens.FUND_MANAGER,
    );
    expect(again.data?.confirmRemittance.remittanceStatus).toBe('CONFIRMED');
    expect(await ledgerFacts()).toEqual(after);
    // Another statement for a confirmed remittance is a CONFLICT citing Art 18.
    const other = await app.gql(
      CONFIRM,
      { i: { recoveryId: id, bankStatementRef: 'STMT-OTHER', receivedOn: '2026-11-27' } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(other)).toEqual({ code: 'CONFLICT', article: 'Art 18' });
  });

  it('concurrent confirmations post the share once', async () => {
    const id = await owedRecovery();
    expect((await declare(id, 'remit-decl-0002')).errors).toBeUndefined();
    const before = await ledgerFacts();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.gql<{ confirmRemittance: RecoveryView }>(
          CONFIRM,
          { i: { recoveryId: id, bankStatementRef: 'STMT-RACE-01', receivedOn: '2026-11-27' } },
          tokens.FUND_MANAGER,
        ),
      ),
    );
    for (const r of results) expect(r.data?.confirmRemittance.remittanceStatus).toBe('CONFIRMED');
    const after = await ledgerFacts();
    expect(after.remittances).toBe(before.remittances + 1);
    expect(Number(after.principal) - Number(before.principal)).toBeCloseTo(300000, 2);
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM ledger_transactions WHERE reference_type = 'Recovery' AND reference_id = $1 AND kind = 'REMITTANCE_RECEIVED'`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('the manager rejects a declaration not on the statement; the bank declares again', async () => {
    const id = await owedRecovery();
    await declare(id, 'remit-decl-0003');
    const before = await ledgerFacts();
    const rejected = await app.gql<{ rejectRemittance: RecoveryView }>(
      REJECT,
      { r: id, m: '银行流水中未见该笔款项' },
      tokens.FUND_MANAGER,
    );
    expect(rejected.data?.rejectRemittance).toMatchObject({
      remittanceStatus: 'REJECTED',
      rejectionReason: '银行流水中未见该笔款项',
      remittedOn: null,
    });
    expect(await ledgerFacts()).toEqual(before);
    // Nothing to confirm until the bank declares again.
    const early = await app.gql(
      CONFIRM,
      { i: { recoveryId: id, bankStatementRef: 'STMT-X', receivedOn: '2026-11-27' } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(early)).toEqual({ code: 'CONFLICT', article: 'Art 18' });
    const redeclared = await declare(id, 'remit-decl-0004');
    expect(redeclared.data?.recordRemittance.remittanceStatus).toBe('DECLARED');
    // A reason is required to reject.
    const bare = await app.gql(REJECT, { r: id, m: '  ' }, tokens.FUND_MANAGER);
    expect(refusal(bare).code).toBe('BAD_USER_INPUT');
  });

  it('per kind: only the bank declares, only the manager confirms or rejects (FORBIDDEN with Art 18)', async () => {
    const id = await owedRecovery();
    for (const kind of ORG_KINDS) {
      if (kind === 'LENDING_BANK') continue;
      const r = await declare(id, `remit-kind-${kind}`.slice(0, 60), tokens[kind]);
      expect({ kind, ...refusal(r) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 18' });
    }
    expect((await declare(id, 'remit-decl-0005')).errors).toBeUndefined();
    const before = await ledgerFacts();
    for (const kind of ORG_KINDS) {
      if (kind === 'FUND_MANAGER') continue;
      const c = await app.gql(
        CONFIRM,
        { i: { recoveryId: id, bankStatementRef: 'STMT-K', receivedOn: '2026-11-27' } },
        tokens[kind],
      );
      expect({ kind, ...refusal(c) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 18' });
      const j = await app.gql(REJECT, { r: id, m: '不予确认' }, tokens[kind]);
      expect({ kind, ...refusal(j) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 18' });
    }
    expect(await ledgerFacts()).toEqual(before);
    // Another bank cannot declare bank-a's remittance: as for a recovery that does not exist.
    const bankB = await app.login('bank-b');
    expect(refusal(await declare(id, 'remit-other-bank', bankB)).code).toBe('NOT_FOUND');
    expect(USER_OF_KIND.LENDING_BANK).toBe('bank-a');
  });
});
