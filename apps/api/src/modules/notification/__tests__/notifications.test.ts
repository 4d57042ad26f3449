import { ORG_KINDS } from '@ipfund/shared';
/**
 * Notifications (issue 12): every task a change opens is announced, in the change's transaction, to
 * the users of exactly the organisations the rules give the action; the e-mail outbox is delivered with
 * retries and back-off; each user reads and marks only its own; the manager follows the outbox.
 */
import pino from 'pino';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok } from '../../../testing/kinds';
import { ClaimDriver, makeLoan, nearTheBreaker, twoSignatures } from '../../claim/__tests__/fixtures';
import { NotificationMailer, retryDelayMs, type MailTransport, type OutboxMessage } from '../mailer';

let app: TestApp;
let d: ClaimDriver;

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
  // Addresses for the outbox (the demo users have none).
  await app.ds.query(
    `UPDATE users SET email = username || '@example.cn' WHERE username IN ('manager', 'guarantor-a')`,
  );
});
afterAll(() => app.close());

const MINE = `query($u: Boolean) { myNotifications(first: 100, unreadOnly: $u) {
  totalCount unreadCount nodes { id taskId kind title article subjectType subjectId dueOn readAt } } }`;
type Mine = {
  myNotifications: {
    totalCount: number;
    unreadCount: number;
    nodes: {
      id: string;
      taskId: string;
      kind: string;
      subjectId: string;
      article: string;
      readAt: string | null;
    }[];
  };
};

async function notesOf(user: string, unreadOnly = false) {
  return ok(await app.gql<Mine>(MINE, { u: unreadOnly }, await d.token(user))).myNotifications;
}

async function threePartyClaim() {
  const loan = await makeLoan(app, {
    bank: 'bank-b',
    guarantor: 'guarantor-a',
    principal: '2000000.00',
    outstanding: '1800000.00',
    overdueDays: 70,
  });
  return d.submit('bank-b', loan.id);
}

describe('the demo', () => {
  it('has a notification for every kind of organisation (issue 12)', async () => {
    const rows = (await app.ds.query(
      `SELECT DISTINCT o.kind FROM notifications n JOIN organizations o ON o.id = n.recipient_org_id ORDER BY 1`,
    )) as { kind: string }[];
    expect(rows.map((r) => r.kind)).toEqual([...ORG_KINDS].sort());
  });
});

describe('announcements follow the work queue', () => {
  it('a filed three-party claim is announced to its guarantor and the manager, to nobody else', async () => {
    const claim = await threePartyClaim();
    const guarantor = await notesOf('guarantor-a');
    expect(guarantor.nodes.filter((n) => n.subjectId === claim.id).map((n) => n.kind)).toEqual([
      'CLAIM_CONFIRM_SHARE',
    ]);
    const manager = await notesOf('manager');
    expect(manager.nodes.filter((n) => n.subjectId === claim.id).map((n) => n.kind)).toEqual([
      'CLAIM_VERIFY',
    ]);
    for (const other of ['guarantor-b', 'bank-a', 'bank-b', 'ipb', 'finance', 'fo', 'auditor', 'ent-1']) {
      expect((await notesOf(other)).nodes.some((n) => n.subjectId === claim.id)).toBe(false);
    }
    // The task id is the queue's own: the open task and its notification name the same thing.
    const tasks = ok(
      await app.gql<{ myTasks: { nodes: { id: string }[] } }>(
        'query { myTasks(first: 100) { nodes { id } } }',
        {},
        await d.token('guarantor-a'),
      ),
    ).myTasks.nodes.map((t) => t.id);
    expect(tasks).toContain(guarantor.nodes.find((n) => n.subjectId === claim.id)!.taskId);
  });

  it('each office is told once of a verified claim, and the manager of the approved one', async () => {
    const claim = await threePartyClaim();
    await d.confirm('guarantor-a', claim.id);
    await d.verify(claim.id);
    await d.approve('ipb', claim.id);
    for (const office of ['ipb', 'finance', 'fo']) {
      const signs = (await notesOf(office)).nodes.filter((n) => n.subjectId === claim.id);
      expect(signs.map((n) => n.kind)).toEqual(['CLAIM_CO_SIGN']);
    }
    await d.approve('finance', claim.id);
    await d.approve('fo', claim.id);
    const pay = (await notesOf('manager')).nodes.filter((n) => n.subjectId === claim.id).map((n) => n.kind);
    expect(pay.sort()).toEqual(['CLAIM_PAY', 'CLAIM_VERIFY']);
  });

  it('the final approval that trips the breaker announces the resumption vote to the voters (Art 19)', async () => {
    // Just under the threshold since the last resumption: this claim's share crosses it.
    await nearTheBreaker(app);
    const claim = await twoSignatures(app, d, '1000000.00');
    expect((await d.approve('fo', claim.id)).status).toBe('APPROVED');
    const [fund] = (await app.ds.query(
      `SELECT suspended, suspension_id::text AS episode FROM fund_state`,
    )) as {
      suspended: boolean;
      episode: string;
    }[];
    expect(fund.suspended).toBe(true);
    // The voters other than the user who signed (whose own change it is; the task is in its queue).
    for (const voter of ['ipb', 'finance', 'manager']) {
      const votes = (await notesOf(voter)).nodes.filter((n) => n.kind === 'FUND_RESUMPTION_VOTE');
      expect(votes.map((n) => n.taskId)).toEqual([`FUND_RESUMPTION_VOTE:${fund.episode}`]);
    }
    expect((await notesOf('fo')).nodes.filter((n) => n.kind === 'FUND_RESUMPTION_VOTE')).toEqual([]);
    // Nobody else votes, so nobody else is told.
    expect((await notesOf('bank-a')).nodes.filter((n) => n.kind === 'FUND_RESUMPTION_VOTE')).toEqual([]);
  });

  it('a refused change announces nothing (the notification commits with the change or not at all)', async () => {
    const claim = await threePartyClaim();
    const before = (await notesOf('ipb')).totalCount;
    // Verification before the guarantor's confirmation is refused (Art 14): no co-signing task appears.
    const r = await d.try('manager', 'mutation($c: ID!) { verifyClaim(claimId: $c) { id } }', {
      c: claim.id,
    });
    expect(r.error?.extensions?.code).toBe('POLICY_VIOLATION');
    expect((await notesOf('ipb')).totalCount).toBe(before);
  });
});

describe('a reminder (Art 22)', () => {
  it('the manager\u2019s reminder reaches the enterprise itself as its statement task', async () => {
    // An enterprise of the demo whose Q2 statement is missing (the demo collects Q3 only).
    const [e] = (await app.ds.query(
      `SELECT e.id, u.username FROM enterprises e JOIN users u ON u.organization_id = e.organization_id
        WHERE NOT EXISTS (SELECT 1 FROM enterprise_financial_statements s WHERE s.enterprise_id = e.id AND s.quarter = '2026-Q2')
          AND EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = e.id AND l.covered AND l.issued_on <= '2026-06-30')
        ORDER BY u.username LIMIT 1`,
    )) as { id: string; username: string }[];
    const before = (await notesOf(e.username)).nodes.filter((n) => n.kind === 'STATEMENT_DUE').length;
    ok(
      await app.gql(
        'mutation($e: ID!, $q: String!) { remindFinancialStatement(enterpriseId: $e, quarter: $q) { id } }',
        { e: e.id, q: '2026-Q2' },
        await d.token('manager'),
      ),
    );
    const notes = (await notesOf(e.username)).nodes.filter((n) => n.kind === 'STATEMENT_DUE');
    expect(notes.length).toBe(before + 1);
    expect(notes[0]).toMatchObject({
      taskId: `STATEMENT_DUE:${e.id}:2026-Q2`,
      article: 'Art 22',
      subjectId: e.id,
    });
    // Nobody else is told.
    for (const other of ['bank-a', 'guarantor-a', 'ipb']) {
      expect((await notesOf(other)).nodes.some((n) => n.kind === 'STATEMENT_DUE')).toBe(false);
    }
  });
});

describe('reading and marking', () => {
  it('a user marks its own notifications read, never another user\u2019s', async () => {
    await threePartyClaim();
    const mine = await notesOf('guarantor-a', true);
    expect(mine.unreadCount).toBeGreaterThan(0);
    const first = mine.nodes[0].id;
    // Another user naming the id changes nothing (row-level security keyed on the recipient).
    const other = ok(
      await app.gql<{ markNotificationRead: number }>(
        'mutation($ids: [ID!]) { markNotificationRead(ids: $ids) }',
        { ids: [first] },
        await d.token('manager'),
      ),
    );
    expect(other.markNotificationRead).toBe(0);
    const marked = ok(
      await app.gql<{ markNotificationRead: number }>(
        'mutation($ids: [ID!]) { markNotificationRead(ids: $ids) }',
        { ids: [first] },
        await d.token('guarantor-a'),
      ),
    );
    expect(marked.markNotificationRead).toBe(1);
    const after = await notesOf('guarantor-a');
    expect(after.nodes.find((n) => n.id === first)?.readAt).not.toBeNull();
    expect(after.unreadCount).toBe(mine.unreadCount - 1);
    // All at once.
    ok(await app.gql('mutation { markNotificationRead }', {}, await d.token('guarantor-a')));
    expect((await notesOf('guarantor-a')).unreadCount).toBe(0);
  });

  it('the database itself shows a tenant no other user\u2019s notification', async () => {
    const rows = await app.ds.query(`SELECT count(*)::int AS n FROM notifications`);
    expect(rows[0].n).toBeGreaterThan(0);
    const [bank] = (await app.ds.query(
      `SELECT u.id AS "userId", o.id AS "orgId", o.kind FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username = 'bank-a'`,
    )) as { userId: string; orgId: string; kind: string }[];
    const seen = await app.ds.transaction(async (em) => {
      await em.query(`SET LOCAL ROLE ipfund_app`);
      await em.query(
        `SELECT set_config('app.org_id', $1, true), set_config('app.org_kind', $2, true), set_config('app.user_id', $3, true)`,
        [bank.orgId, bank.kind, bank.userId],
      );
      return (await em.query(`SELECT recipient_user_id FROM notifications`)) as {
        recipient_user_id: string;
      }[];
    });
    expect(seen.every((r) => r.recipient_user_id === bank.userId)).toBe(true);
  });
});

describe('the e-mail outbox', () => {
  class FakeTransport implements MailTransport {
    sent: OutboxMessage[] = [];
    failures = 0;
    async send(m: OutboxMessage) {
      if (this.failures > 0) {
        this.failures--;
        throw new Error('421 try again later');
      }
      this.sent.push(m);
      return { delivered: true };
    }
  }
  const options = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, batch: 100 };

  it('delivers, retries with exponential back-off, and gives up after the last attempt', async () => {
    // Start from an empty queue: the demo's own e-mails are not this test's.
    await app.ds.query(`UPDATE notification_outbox SET status = 'DELIVERED' WHERE status <> 'DELIVERED'`);
    await threePartyClaim();
    const transport = new FakeTransport();
    let now = Date.now();
    const mailer = new NotificationMailer(app.ds, transport, pino({ level: 'silent' }), options, () => now);
    // Only users with an address get e-mail; the first attempt fails for everyone.
    transport.failures = 1000;
    const taken = await mailer.deliverDue();
    expect(taken).toBeGreaterThan(0);
    const pending = (await app.ds.query(
      `SELECT status, attempts, next_attempt_at > now() AS later, last_error FROM notification_outbox WHERE status <> 'DELIVERED'`,
    )) as { status: string; attempts: number; later: boolean; last_error: string }[];
    expect(pending.every((p) => p.status === 'PENDING' && p.attempts === 1 && p.later)).toBe(true);
    expect(pending[0].last_error).toContain('421');
    // Not due yet: nothing taken.
    expect(await mailer.deliverDue()).toBe(0);
    // Due again; this time it goes through.
    await app.ds.query(`UPDATE notification_outbox SET next_attempt_at = now() WHERE status = 'PENDING'`);
    transport.failures = 0;
    now = Date.now();
    expect(await mailer.deliverDue()).toBe(taken);
    expect(transport.sent.length).toBe(taken);
    expect(transport.sent.every((m) => /@example\.cn$/.test(m.to) && m.subject.includes('待办'))).toBe(true);
    const statuses = (await app.ds.query(`SELECT DISTINCT status FROM notification_outbox`)) as {
      status: string;
    }[];
    expect(statuses.map((s) => s.status)).toEqual(['DELIVERED']);

    // A message that fails every time: FAILED after maxAttempts.
    await threePartyClaim();
    transport.failures = 1000;
    for (let i = 0; i < options.maxAttempts; i++) {
      await app.ds.query(`UPDATE notification_outbox SET next_attempt_at = now() WHERE status = 'PENDING'`);
      await mailer.deliverDue();
    }
    const failed = (await app.ds.query(
      `SELECT status, attempts FROM notification_outbox WHERE status NOT IN ('DELIVERED')`,
    )) as { status: string; attempts: number }[];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.status === 'FAILED' && f.attempts === options.maxAttempts)).toBe(true);
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, options))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, options)).toBe(60_000);
  });

  it('the manager follows the outbox; no other kind may', async () => {
    const QUERY =
      'query { notificationOutbox(first: 50) { recipientUsername toAddress status attempts lastError } }';
    const res = ok(
      await app.gql<{ notificationOutbox: { recipientUsername: string; status: string }[] }>(
        QUERY,
        {},
        await d.token('manager'),
      ),
    );
    expect(res.notificationOutbox.length).toBeGreaterThan(0);
    for (const user of ['ipb', 'bank-b', 'guarantor-a', 'auditor']) {
      const refused = await app.gql(QUERY, {}, await d.token(user));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', article: 'Art 6' });
    }
  });
});
