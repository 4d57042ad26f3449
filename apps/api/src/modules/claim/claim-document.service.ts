import { createHash } from 'node:crypto';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import { badInput, conflict, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UseCaseRunner } from '../../common/use-case';
import { ClaimDocumentEntity } from './claim.entity';
import { claimChecklist, type ClaimChecklist } from '@ipfund/policy';
import type { EntityManager } from 'typeorm';

/**
 * The kinds of document attached to each claim, one query. Run in a transaction whose claims the
 * caller may read (documents follow their claim under row-level security).
 */
export async function documentKindsOf(
  em: EntityManager,
  claimIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!claimIds.length) return result;
  const rows = (await em.query(
    `SELECT claim_id AS "claimId", array_agg(DISTINCT kind) AS kinds FROM claim_documents
      WHERE claim_id = ANY($1::uuid[]) GROUP BY claim_id`,
    [[...claimIds]],
  )) as {
    claimId: string;
    kinds: string[];
  }[];
  for (const r of rows) result.set(r.claimId, r.kinds);
  return result;
}

const MAX_BYTES = 10 * 1024 * 1024;
/**
 * Largest content the `claimDocument` query returns as base64; larger files are downloaded over HTTP
 * (`downloadUrl`), so a query of many aliases cannot hold many large files in memory at once.
 */
export const MAX_INLINE_DOCUMENT_BYTES = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** The bank may add documents while the claim is with the manager or back for amendment. */
export const OPEN_FOR_DOCUMENTS: ReadonlySet<string> = new Set([
  'SUBMITTED',
  'RETURNED',
  'GUARANTOR_CONFIRMED',
]);

/** Claim documents (contract, pledge registration, collection record): attached by the bank, listed on the claim. */
export class ClaimDocumentService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
  ) {}

  upload(
    actor: Actor,
    input: { claimId: string; kind: string; fileName: string; contentType: string; contentBase64: string },
  ): Promise<ClaimDocumentEntity> {
    return this.useCases.run(actor, 'claim.uploadDocument', async ({ em, scope, target, detail }) => {
      if (!isUuid(input.claimId)) throw notFound('Claim');
      const claim = await scope
        .claims('claim.uploadDocument')
        .andWhere('claim.id = :id', { id: input.claimId })
        .getOne();
      if (!claim) throw notFound('Claim');
      target('Claim', claim.id);
      if (!OPEN_FOR_DOCUMENTS.has(claim.status))
        throw conflict('claim.documentsClosed', { status: claim.status });
      const fileName = input.fileName.trim();
      if (!fileName || fileName.length > 255 || /[\\/]/.test(fileName)) throw badInput('claim.fileName', {});
      const b64 = input.contentBase64.replace(/\s+/g, '');
      if (!BASE64.test(b64)) throw badInput('common.notBase64', {});
      const content = Buffer.from(b64, 'base64');
      if (content.length === 0) throw badInput('claim.fileEmpty', {});
      if (content.length > MAX_BYTES) throw badInput('claim.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 });
      const doc = await em.save(
        em.create(ClaimDocumentEntity, {
          claimId: claim.id,
          kind: input.kind,
          fileName,
          contentType: input.contentType.slice(0, 100) || 'application/octet-stream',
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: actor.userId,
          uploadedOrgId: actor.orgId,
        }),
      );
      detail({ documentId: doc.id, kind: doc.kind, fileName, sizeBytes: doc.sizeBytes, sha256: doc.sha256 });
      // Re-read for the columns the database fills in (uploaded_at); the content stays unselected.
      return em.findOneByOrFail(ClaimDocumentEntity, { id: doc.id });
    });
  }

  /** Documents of several readable claims (metadata only), one query (the Claim.documents loader). */
  listFor(scope: Scope, claimIds: readonly string[]): Promise<ClaimDocumentEntity[]> {
    if (claimIds.length === 0) return Promise.resolve([]);
    return scope
      .claimDocuments()
      .andWhere('doc.claim_id IN (:...claimIds)', { claimIds: [...claimIds] })
      .orderBy('doc.uploaded_at', 'ASC')
      .getMany();
  }

  /**
   * The materials each claim carries against the measures' list (policy parameter claimDocuments,
   * Art 17), for several readable claims in one query (the Claim.documentChecklist loader).
   */
  async checklistsFor(
    scope: Scope,
    claims: readonly { id: string; threeParty: boolean }[],
  ): Promise<ClaimChecklist[]> {
    const kinds = await documentKindsOf(
      scope.em,
      claims.map((c) => c.id),
    );
    return claims.map((c) => claimChecklist(c, kinds.get(c.id) ?? [], scope.policy));
  }

  /** A document without its content (size, name, type), or null when missing or not readable. */
  metadata(actor: Actor, documentId: string): Promise<ClaimDocumentEntity | null> {
    if (!isUuid(documentId)) return Promise.resolve(null);
    return this.access.read(actor, (scope) =>
      scope.claimDocuments().andWhere('doc.id = :id', { id: documentId }).getOne(),
    );
  }

  /** A document with its content, or null when it does not exist or its claim is not readable. */
  download(actor: Actor, documentId: string): Promise<ClaimDocumentEntity | null> {
    if (!isUuid(documentId)) return Promise.resolve(null);
    return this.access.read(actor, (scope) =>
      scope.claimDocuments().addSelect('doc.content').andWhere('doc.id = :id', { id: documentId }).getOne(),
    );
  }
}
