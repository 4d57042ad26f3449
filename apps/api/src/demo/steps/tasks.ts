import type { Actor } from '../../authz/actor';
import { RecoveryEntity } from '../../modules/claim/claim.entity';
import type { DemoContext, DemoStep } from '../steps';

/** A small stand-in file per document (the demo has no real scans). */
function demoFile(label: string): string {
  return Buffer.from(`%PDF-1.4\n% 演示材料：${label}\n%%EOF\n`, 'utf8').toString('base64');
}

/**
 * The bank attaches the materials the measures list for a claim (policy claimDocuments, Art 17),
 * through the real upload use case; `only` limits it to some kinds (a claim still being completed).
 */
export async function attachClaimDocuments(
  ctx: DemoContext,
  bank: Actor,
  claim: { id: string; threeParty: boolean },
  only?: readonly string[],
): Promise<void> {
  const policy = ctx.services.policies.inForce(ctx.today);
  for (const d of policy.claimDocuments.value) {
    if (d.when === 'THREE_PARTY' && !claim.threeParty) continue;
    if (only && !only.includes(d.kind)) continue;
    await ctx.services.claimDocuments.upload(bank, {
      claimId: claim.id,
      kind: d.kind,
      fileName: `${d.label}.pdf`,
      contentType: 'application/pdf',
      contentBase64: demoFile(d.label),
    });
  }
}

/** Demo logins get an e-mail address, so the notification outbox has somewhere to send (issue 12). */
export const contactsDemoStep: DemoStep = async (ctx) => {
  await ctx.ds.query(`UPDATE users SET email = username || '@demo.ipfund.local' WHERE email IS NULL`);
};

/**
 * Work waiting for every role (issue 11): a claim on file half documented (its bank has materials to
 * attach, the checklist shows what is there), and a second recovery on bank A's paid claim whose
 * remittance is due (Art 18).
 */
export const tasksDemoStep: DemoStep = async (ctx) => {
  const open = (await ctx.ds.query(
    `SELECT c.id, c.three_party AS "threeParty", u.username FROM claims c
       JOIN LATERAL (SELECT username FROM users WHERE organization_id = c.bank_id ORDER BY username LIMIT 1) u ON true
      WHERE c.status IN ('SUBMITTED', 'GUARANTOR_CONFIRMED')
        AND NOT EXISTS (SELECT 1 FROM claim_documents d WHERE d.claim_id = c.id)
      ORDER BY c.seq LIMIT 1`,
  )) as { id: string; threeParty: boolean; username: string }[];
  for (const c of open) {
    await attachClaimDocuments(ctx, await ctx.actor(c.username), c, ['LOAN_CONTRACT', 'PLEDGE_REGISTRATION']);
  }
  const [paid] = (await ctx.ds.query(
    `SELECT c.id, u.username FROM claims c
       JOIN LATERAL (SELECT username FROM users WHERE organization_id = c.bank_id ORDER BY username LIMIT 1) u ON true
      WHERE c.status = 'PAID' ORDER BY c.seq LIMIT 1`,
  )) as { id: string; username: string }[];
  if (paid) {
    const bank = await ctx.actor(paid.username);
    const already = await ctx.ds
      .getRepository(RecoveryEntity)
      .exists({ where: { claimId: paid.id, idempotencyKey: `demo-recovery-2-${paid.id}` } });
    if (!already) {
      await ctx.services.recoveries.record(bank, {
        claimId: paid.id,
        amount: '120000.00',
        receivedOn: ctx.today,
        idempotencyKey: `demo-recovery-2-${paid.id}`,
      });
    }
  }
};
