/**
 * Claim documents over plain HTTP (issue 9): GET /files/claim-documents/:id answers the bytes to
 * whoever may read the claim, the same 404 for a missing and an invisible document, 401 without a
 * login; the GraphQL `claimDocument` keeps base64 only up to 1 MB and points larger files here.
 */
import { randomUUID } from 'node:crypto';
import { startHttpServer, type HttpServer } from '../../../server';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ClaimDriver, makeLoan } from './fixtures';

let app: TestApp;
let d: ClaimDriver;
let http: HttpServer;
let base: string;
let small: { id: string; content: Buffer };
let large: { id: string; content: Buffer };

const UPLOAD = `mutation($i: UploadClaimDocumentInput!) { uploadClaimDocument(input: $i) { id downloadUrl } }`;

async function upload(claimId: string, fileName: string, contentType: string, content: Buffer) {
  const res = await app.gql<{ uploadClaimDocument: { id: string; downloadUrl: string } }>(
    UPLOAD,
    {
      i: { claimId, kind: 'LOAN_CONTRACT', fileName, contentType, contentBase64: content.toString('base64') },
    },
    await d.token('bank-b'),
  );
  expect(res.errors).toBeUndefined();
  const doc = res.data!.uploadClaimDocument;
  expect(doc.downloadUrl).toBe(`/files/claim-documents/${doc.id}`);
  return { id: doc.id, content };
}

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
  http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1' },
  });
  base = http.url.replace(/\/$/, '').replace('localhost', '127.0.0.1');
  const loan = await makeLoan(app, {
    bank: 'bank-b',
    guarantor: 'guarantor-a',
    principal: '1000000.00',
    outstanding: '1000000.00',
    overdueDays: 70,
  });
  const claim = await d.submit('bank-b', loan.id);
  small = await upload(
    claim.id,
    '借款合同 "第1页".pdf',
    'application/pdf',
    Buffer.from('借款合同 第1页\n'.repeat(100)),
  );
  large = await upload(claim.id, 'collection.bin', 'text/html', Buffer.alloc(1536 * 1024, 7));
});
afterAll(async () => {
  await http.stop();
  await app.close();
});

async function get(id: string, user?: string, authorization?: string) {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await d.token(user)}`;
  if (authorization) headers.authorization = authorization;
  const res = await fetch(`${base}/files/claim-documents/${id}`, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('GET /files/claim-documents/:id', () => {
  it('the owner bank gets the bytes, as an attachment with its Chinese name, not sniffed', async () => {
    const { res, body } = await get(small.id, 'bank-b');
    expect(res.status).toBe(200);
    expect(body.equals(small.content)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('借款合同 "第1页".pdf');
    expect(res.headers.get('cache-control')).toContain('no-store');
  });

  it('the guarantor of the claim and the manager get it too; a stored text/html stays an attachment', async () => {
    expect((await get(small.id, 'guarantor-a')).body.equals(small.content)).toBe(true);
    const { res, body } = await get(large.id, 'manager');
    expect(res.status).toBe(200);
    expect(body.equals(large.content)).toBe(true);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('another bank, another guarantor, a missing id and a malformed id all get the same 404', async () => {
    const answers = [
      await get(small.id, 'bank-a'),
      await get(small.id, 'guarantor-b'),
      await get(randomUUID(), 'bank-b'),
      await get('not-a-uuid', 'bank-b'),
    ];
    for (const { res, body } of answers) {
      expect(res.status).toBe(404);
      expect(body.toString()).toBe(answers[0].body.toString());
    }
  });

  it('without a login, or with a forged token, the answer is 401', async () => {
    const anonymous = await get(small.id);
    expect(anonymous.res.status).toBe(401);
    expect(anonymous.body.equals(small.content)).toBe(false);
    expect((await get(small.id, undefined, 'Bearer not.a.token')).res.status).toBe(401);
  });
});

describe('claimDocument (GraphQL)', () => {
  const Q = 'query($id: ID!) { claimDocument(id: $id) { contentBase64 document { fileName downloadUrl } } }';

  it('returns a document up to 1 MB inline and refuses a larger one, pointing to its URL', async () => {
    const token = await d.token('bank-b');
    const ok = await app.gql<{ claimDocument: { contentBase64: string } }>(Q, { id: small.id }, token);
    expect(Buffer.from(ok.data!.claimDocument.contentBase64, 'base64').equals(small.content)).toBe(true);
    const big = await app.gql(Q, { id: large.id }, token);
    expect(big.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'DOCUMENT_TOO_LARGE', downloadUrl: `/files/claim-documents/${large.id}` },
    });
    expect((await app.gql(Q, { id: large.id }, await d.token('bank-a'))).data).toEqual({
      claimDocument: null,
    });
  });

  it('sixty aliases of the large document are refused without reading it; the process serves after', async () => {
    const token = await d.token('bank-b');
    const aliases = Array.from({ length: 60 }, (_, i) => `d${i}: claimDocument(id: $id) { contentBase64 }`);
    const res = await app.gql(`query($id: ID!) { ${aliases.join(' ')} }`, { id: large.id }, token);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors?.every((e) => e.extensions?.code !== 'INTERNAL_SERVER_ERROR')).toBe(true);
    const me = await app.gql<{ me: { username: string } }>('{ me { username } }', {}, token);
    expect(me.data?.me.username).toBe('bank-b');
  });
});
