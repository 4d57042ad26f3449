/**
 * The claim document checklist (issue 11): the measures list the materials (policy claimDocuments,
 * Art 17); the claim shows each item; verification is refused with the article while one is missing.
 */
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok } from '../../../testing/kinds';
import { ClaimDriver, makeLoan } from './fixtures';

let app: TestApp;
let d: ClaimDriver;

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
});
afterAll(() => app.close());

const CHECKLIST = 'query($id: ID!) { claim(id: $id) { documentChecklist { kind label required present } } }';
const UPLOAD = `mutation($i: UploadClaimDocumentInput!) { uploadClaimDocument(input: $i) { id kind } }`;
const VERIFY = 'mutation($c: ID!) { verifyClaim(claimId: $c) { id status } }';
type Item = { kind: string; label: string; required: boolean; present: boolean };

async function checklist(user: string, id: string): Promise<Item[]> {
  return ok(await app.gql<{ claim: { documentChecklist: Item[] } }>(CHECKLIST, { id }, await d.token(user)))
    .claim.documentChecklist;
}

async function upload(claimId: string, kind: string, bank = 'bank-a') {
  return ok(
    await app.gql(
      UPLOAD,
      {
        i: {
          claimId,
          kind,
          fileName: `${kind}.pdf`,
          contentType: 'application/pdf',
          contentBase64: 'JVBERi0xLjQK',
        },
      },
      await d.token(bank),
    ),
  );
}

describe('document checklist', () => {
  it('verification waits for every required item, citing Art 17; the checklist shows what is there', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '900000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-a', loan.id);
    const empty = await checklist('manager', claim.id);
    expect(empty.filter((i) => i.required).map((i) => i.kind)).toEqual([
      'LOAN_CONTRACT',
      'PLEDGE_REGISTRATION',
      'OVERDUE_PROOF',
      'COLLECTION_RECORD',
    ]);
    expect(empty.find((i) => i.kind === 'GUARANTOR_CONFIRMATION')?.required).toBe(false);
    expect(empty.every((i) => !i.present)).toBe(true);

    await upload(claim.id, 'LOAN_CONTRACT');
    await upload(claim.id, 'PLEDGE_REGISTRATION');
    const refused = await app.gql(VERIFY, { c: claim.id }, await d.token('manager'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      article: 'Art 17',
      messageKey: 'claim.documentsMissing',
    });
    expect(JSON.stringify(refused.errors?.[0]?.extensions?.details)).toContain('OVERDUE_PROOF');
    // The bank sees the same checklist on its claim.
    const partial = await checklist('bank-a', claim.id);
    expect(partial.filter((i) => i.present).map((i) => i.kind)).toEqual([
      'LOAN_CONTRACT',
      'PLEDGE_REGISTRATION',
    ]);

    // The bank's work queue says what is missing; the manager's still has the verification.
    const tasks = ok(
      await app.gql<{ myTasks: { nodes: { kind: string; subject: { id?: string } }[] } }>(
        'query { myTasks(first: 100) { nodes { kind subject { ... on Claim { id } } } } }',
        {},
        await d.token('bank-a'),
      ),
    ).myTasks.nodes;
    expect(tasks.some((t) => t.kind === 'CLAIM_DOCUMENTS' && t.subject.id === claim.id)).toBe(true);

    await upload(claim.id, 'OVERDUE_PROOF');
    await upload(claim.id, 'COLLECTION_RECORD');
    const verified = ok(
      await app.gql<{ verifyClaim: { status: string } }>(VERIFY, { c: claim.id }, await d.token('manager')),
    );
    expect(verified.verifyClaim.status).toBe('VERIFIED');
    expect((await checklist('manager', claim.id)).filter((i) => i.required).every((i) => i.present)).toBe(
      true,
    );
  });

  it('a three-party claim also needs the guarantor\u2019s confirmation letter', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-b',
      guarantor: 'guarantor-a',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-b', loan.id);
    await d.confirm('guarantor-a', claim.id);
    for (const kind of ['LOAN_CONTRACT', 'PLEDGE_REGISTRATION', 'OVERDUE_PROOF', 'COLLECTION_RECORD'])
      await upload(claim.id, kind, 'bank-b');
    const refused = await app.gql(VERIFY, { c: claim.id }, await d.token('manager'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 17' });
    const items = await checklist('guarantor-a', claim.id);
    expect(items.find((i) => i.kind === 'GUARANTOR_CONFIRMATION')).toMatchObject({
      required: true,
      present: false,
    });
    await upload(claim.id, 'GUARANTOR_CONFIRMATION', 'bank-b');
    expect(
      ok(
        await app.gql<{ verifyClaim: { status: string } }>(VERIFY, { c: claim.id }, await d.token('manager')),
      ).verifyClaim.status,
    ).toBe('VERIFIED');
  });

  it('every verified demo claim has its documents', async () => {
    const gaps = (await app.ds.query(
      `SELECT c.id FROM claims c WHERE c.status IN ('VERIFIED', 'APPROVED', 'PAID')
          AND EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.action = 'VERIFY')
          AND (SELECT count(DISTINCT kind) FROM claim_documents k WHERE k.claim_id = c.id
               AND k.kind IN ('LOAN_CONTRACT','PLEDGE_REGISTRATION','OVERDUE_PROOF','COLLECTION_RECORD')) < 4`,
    )) as unknown[];
    expect(gaps).toEqual([]);
  });
});
