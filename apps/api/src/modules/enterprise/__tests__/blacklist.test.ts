import type { OrgKind } from '@ipfund/shared';
import { LoanEntity } from '../../loan/loan.entity';
import { EnterpriseEntity } from '../enterprise.entity';
import { DEMO_BLACKLIST_CANDIDATE } from '../../../demo/steps/partners';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { creditCode, otherKinds, refusal, tokensByKind } from '../../partner/__tests__/kinds';

let app: TestApp;
let tokens: Record<OrgKind, string>;

const PROPOSAL = `id reason proposedOn proposedBy { name } status decidedOn decidedBy { name } decisionComment
  enterprise { id name blacklisted blacklistedSince blacklistReason }`;
const PROPOSALS = `query($status: BlacklistProposalStatus) { blacklistProposals(status: $status) { ${PROPOSAL} } }`;
const PROPOSE = `mutation($id: ID!, $reason: String!) { proposeBlacklist(enterpriseId: $id, reason: $reason) { ${PROPOSAL} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $comment: String) {
  decideBlacklist(proposalId: $id, approve: $approve, comment: $comment) { ${PROPOSAL} } }`;
const MISSING = '00000000-0000-4000-8000-000000000000';

interface Proposal {
  id: string;
  status: string;
  decidedOn: string | null;
  decisionComment: string | null;
  enterprise: { id: string; name: string; blacklisted: boolean; blacklistedSince: string | null };
}

let serial = 500;
/** A fresh enterprise in the library (through the real use case). */
async function freshEnterprise(name: string): Promise<string> {
  const res = await app.gql<{ createEnterprise: { id: string } }>(
    'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }',
    { input: { name, creditCode: creditCode(++serial) } },
    tokens.FUND_MANAGER,
  );
  return res.data!.createEnterprise.id;
}

async function propose(enterpriseId: string, token = tokens.FUND_MANAGER) {
  return app.gql<{ proposeBlacklist: Proposal }>(
    PROPOSE,
    { id: enterpriseId, reason: '有履行能力而到期拒不还款' },
    token,
  );
}

beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

describe('blacklistProposals: who sees them', () => {
  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'] as OrgKind[])(
    '%s sees the demo proposal waiting for the IP bureau',
    async (kind) => {
      const res = await app.gql<{ blacklistProposals: Proposal[] }>(
        PROPOSALS,
        { status: 'PENDING' },
        tokens[kind],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.blacklistProposals.map((p) => p.enterprise.name)).toContain(DEMO_BLACKLIST_CANDIDATE);
    },
  );

  it.each(['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'] as OrgKind[])('%s sees no proposal', async (kind) => {
    expect(await app.gql(PROPOSALS, {}, tokens[kind])).toEqual({ data: { blacklistProposals: [] } });
  });
});

describe('proposeBlacklist (Art 21): the fund manager only', () => {
  it('the fund manager proposes; the proposal is PENDING and the enterprise not yet flagged', async () => {
    const id = await freshEnterprise('拟列入黑名单企业甲');
    const res = await propose(id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.proposeBlacklist).toMatchObject({
      status: 'PENDING',
      proposedOn: '2026-11-27',
      proposedBy: { name: '重庆江北知识产权运营服务有限公司' },
      enterprise: { id, blacklisted: false, blacklistedSince: null },
    });
  });

  it.each(otherKinds(['FUND_MANAGER']))('%s is refused with FORBIDDEN', async (kind) => {
    const id = (
      await app.ds.getRepository(EnterpriseEntity).findOneByOrFail({ name: '重庆智芯微电子有限公司' })
    ).id;
    const res = await propose(id, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
  });

  it('NOT_FOUND for an unknown enterprise; BAD_USER_INPUT without a reason; CONFLICT while one is pending', async () => {
    expect(refusal(await propose(MISSING)).code).toBe('NOT_FOUND');
    const id = await freshEnterprise('拟列入黑名单企业乙');
    const blank = await app.gql(PROPOSE, { id, reason: ' ' }, tokens.FUND_MANAGER);
    expect(refusal(blank).code).toBe('BAD_USER_INPUT');
    expect((await propose(id)).errors).toBeUndefined();
    expect(refusal(await propose(id))).toEqual({ code: 'CONFLICT', article: 'Art 21' });
  });
});

describe('decideBlacklist (Art 21): the IP bureau only', () => {
  it.each(otherKinds(['IP_BUREAU']))('%s may not decide (FORBIDDEN)', async (kind) => {
    const id = await freshEnterprise(`待决企业${kind}`);
    const proposal = (await propose(id)).data!.proposeBlacklist;
    const res = await app.gql(DECIDE, { id: proposal.id, approve: true }, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
    const e = await app.ds.getRepository(EnterpriseEntity).findOneByOrFail({ id });
    expect(e.blacklistedSince).toBeNull();
  });

  it('NOT_FOUND for an unknown proposal', async () => {
    for (const id of [MISSING, 'garbage']) {
      const res = await app.gql(DECIDE, { id, approve: true }, tokens.IP_BUREAU);
      expect(refusal(res).code).toBe('NOT_FOUND');
    }
  });

  it('approval flags the enterprise from the decision date; every bank lending to it sees the flag on its loans', async () => {
    const enterprise = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ name: DEMO_BLACKLIST_CANDIDATE });
    const pending = await app.gql<{ blacklistProposals: Proposal[] }>(
      PROPOSALS,
      { status: 'PENDING' },
      tokens.IP_BUREAU,
    );
    const proposal = pending.data!.blacklistProposals.find((p) => p.enterprise.id === enterprise.id)!;

    const res = await app.gql<{ decideBlacklist: Proposal }>(
      DECIDE,
      { id: proposal.id, approve: true, comment: '经核实，同意取消其申请资格' },
      tokens.IP_BUREAU,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideBlacklist).toMatchObject({
      status: 'APPROVED',
      decidedOn: '2026-11-27',
      decidedBy: { name: '重庆市江北区知识产权局' },
      decisionComment: '经核实，同意取消其申请资格',
      enterprise: { blacklisted: true, blacklistedSince: '2026-11-27' },
    });
    const row = await app.ds.getRepository(EnterpriseEntity).findOneByOrFail({ id: enterprise.id });
    expect(row.blacklistedSince).toBe('2026-11-27');
    expect(row.blacklistReason).toMatch(/拒不/);

    const loans = await app.ds.getRepository(LoanEntity).find({ where: { enterpriseId: enterprise.id } });
    const bankIds = new Set(loans.map((l) => l.bankId));
    expect(bankIds.size).toBeGreaterThan(0);
    for (const username of ['bank-a', 'bank-b', 'bank-c']) {
      const actor = await app.actor(username);
      if (!bankIds.has(actor.orgId)) continue;
      const token = await app.login(username);
      const res2 = await app.gql<{
        loans: {
          edges: {
            node: {
              enterprise: {
                id: string;
                blacklisted: boolean;
                blacklistedSince: string;
                blacklistReason: string;
              };
            };
          }[];
        };
      }>(
        'query { loans(first: 100) { edges { node { enterprise { id blacklisted blacklistedSince blacklistReason } } } } }',
        {},
        token,
      );
      const flagged = res2
        .data!.loans.edges.map((e) => e.node.enterprise)
        .filter((e) => e.id === enterprise.id);
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.every((e) => e.blacklisted && e.blacklistedSince === '2026-11-27')).toBe(true);
      expect(flagged[0].blacklistReason).toMatch(/拒不/);
      const one = await app.gql<{ enterprise: { blacklisted: boolean } }>(
        'query($id: ID!) { enterprise(id: $id) { blacklisted } }',
        { id: enterprise.id },
        token,
      );
      expect(one.data!.enterprise.blacklisted).toBe(true);
    }
    // Other enterprises on the same banks' loans stay unflagged.
    const token = await app.login('bank-a');
    const other = await app.gql<{
      loans: { edges: { node: { enterprise: { id: string; blacklisted: boolean } } }[] };
    }>('query { loans(first: 100) { edges { node { enterprise { id blacklisted } } } } }', {}, token);
    expect(
      other.data!.loans.edges.some(
        (e) => e.node.enterprise.id !== enterprise.id && !e.node.enterprise.blacklisted,
      ),
    ).toBe(true);

    // A decision is final, and a blacklisted enterprise cannot be proposed again.
    const again = await app.gql(
      DECIDE,
      { id: proposal.id, approve: false, comment: '改判' },
      tokens.IP_BUREAU,
    );
    expect(refusal(again)).toEqual({ code: 'CONFLICT', article: 'Art 21' });
    expect(refusal(await propose(enterprise.id))).toEqual({ code: 'CONFLICT', article: 'Art 21' });
    const [log] = await app.ds.query(
      `SELECT outcome, org_kind, detail FROM activity_log WHERE operation = 'blacklist.decide' AND target_id = $1 AND outcome = 'OK'`,
      [proposal.id],
    );
    expect(log).toMatchObject({
      org_kind: 'IP_BUREAU',
      detail: { approve: true, blacklistedSince: '2026-11-27' },
    });
  });

  it('declining needs a comment and leaves the enterprise eligible; a new proposal may follow', async () => {
    const id = await freshEnterprise('被驳回提议企业');
    const proposal = (await propose(id)).data!.proposeBlacklist;
    const bare = await app.gql(DECIDE, { id: proposal.id, approve: false }, tokens.IP_BUREAU);
    expect(refusal(bare).code).toBe('BAD_USER_INPUT');
    const res = await app.gql<{ decideBlacklist: Proposal }>(
      DECIDE,
      { id: proposal.id, approve: false, comment: '企业已与银行达成还款计划' },
      tokens.IP_BUREAU,
    );
    expect(res.data!.decideBlacklist).toMatchObject({
      status: 'DECLINED',
      decisionComment: '企业已与银行达成还款计划',
      enterprise: { blacklisted: false, blacklistedSince: null },
    });
    expect((await propose(id)).errors).toBeUndefined();
  });

  it('the database keeps a decision final', async () => {
    const [decided] = await app.ds.query(
      `SELECT id FROM blacklist_proposals WHERE status <> 'PENDING' LIMIT 1`,
    );
    await expect(
      app.ds.query(`UPDATE blacklist_proposals SET status = 'PENDING', decided_on = NULL WHERE id = $1`, [
        decided.id,
      ]),
    ).rejects.toThrow(/final/);
    await expect(app.ds.query(`DELETE FROM blacklist_proposals WHERE id = $1`, [decided.id])).rejects.toThrow(
      /final/,
    );
  });
});

describe('BlacklistProposal.viewerCan (Art 21)', () => {
  const CAN = `query($status: BlacklistProposalStatus) { blacklistProposals(status: $status) { id status viewerCan } }`;
  const listFor = async (token: string, status?: string) => {
    const res = await app.gql<{ blacklistProposals: { id: string; status: string; viewerCan: string[] }[] }>(
      CAN,
      { status },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.blacklistProposals;
  };

  it('the IP bureau may decide a pending proposal, and nothing once it is decided', async () => {
    const id = await freshEnterprise('待决企业viewerCan');
    const proposal = (await propose(id)).data!.proposeBlacklist;
    const pending = (await listFor(tokens.IP_BUREAU)).find((p) => p.id === proposal.id)!;
    expect(pending.viewerCan).toEqual(['blacklist.decide']);
    expect(
      (await app.gql(DECIDE, { id: proposal.id, approve: false, comment: '尚有还款意愿' }, tokens.IP_BUREAU))
        .errors,
    ).toBeUndefined();
    const decided = (await listFor(tokens.IP_BUREAU)).find((p) => p.id === proposal.id)!;
    expect(decided.viewerCan).toEqual([]);
  });

  it.each(['FUND_MANAGER', 'FINANCE_BUREAU', 'AUDITOR'] as OrgKind[])(
    '%s sees pending proposals but may not decide them',
    async (kind) => {
      const pending = await listFor(tokens[kind], 'PENDING');
      expect(pending.length).toBeGreaterThan(0);
      for (const p of pending) expect(p.viewerCan).toEqual([]);
    },
  );
});
