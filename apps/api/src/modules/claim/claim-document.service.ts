import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../authz/actor';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UseCaseRunner } from '../../common/use-case';
import { ClaimDocumentEntity, type ClaimEntity } from './claim.entity';
import type { ClaimService } from './claim.service';

const MAX_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** The bank may add documents while the claim is with the manager or back for amendment. */
const OPEN_FOR_DOCUMENTS = new Set(['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED']);

/** Claim documents (contract, pledge registration, collection record): attached by the bank, listed on the claim. */
export class ClaimDocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly useCases: UseCaseRunner,
    private readonly claims: ClaimService,
  ) {}

  upload(
    actor: Actor,
    input: { claimId: string; kind: string; fileName: string; contentType: string; contentBase64: string },
  ): Promise<ClaimDocumentEntity> {
    return this.useCases.run(actor, 'claim.document.upload', async ({ em, target, detail }) => {
      const claim = await this.claims
        .visibleClaims(actor, em)
        .andWhere('claim.id = :id', { id: input.claimId })
        .getOne();
      if (!claim) throw notFound('Claim');
      target('Claim', claim.id);
      if (actor.orgKind !== 'LENDING_BANK') throw forbidden('Only the bank attaches claim documents');
      if (!OPEN_FOR_DOCUMENTS.has(claim.status))
        throw conflict(`Documents cannot be added to a ${claim.status} claim`);
      const fileName = input.fileName.trim();
      if (!fileName || fileName.length > 255 || /[\\/]/.test(fileName)) throw badInput('Invalid file name');
      const b64 = input.contentBase64.replace(/\s+/g, '');
      if (!BASE64.test(b64)) throw badInput('contentBase64 is not base64');
      const content = Buffer.from(b64, 'base64');
      if (content.length === 0) throw badInput('The file is empty');
      if (content.length > MAX_BYTES) throw badInput('A claim document may be at most 10 MB');
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

  /** Documents of several claims (metadata only), one query. The claims are already visible. */
  listFor(claimIds: readonly string[]): Promise<ClaimDocumentEntity[]> {
    if (claimIds.length === 0) return Promise.resolve([]);
    return this.ds
      .getRepository(ClaimDocumentEntity)
      .createQueryBuilder('d')
      .where('d.claim_id IN (:...ids)', { ids: [...claimIds] })
      .orderBy('d.uploaded_at', 'ASC')
      .getMany();
  }

  /** A document with its content, or null when it or its claim is not visible. */
  async download(
    actor: Actor,
    documentId: string,
  ): Promise<{ doc: ClaimDocumentEntity; claim: ClaimEntity } | null> {
    if (!isUuid(documentId)) return null;
    const doc = await this.ds
      .getRepository(ClaimDocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id: documentId })
      .getOne();
    if (!doc) return null;
    const claim = await this.claims.byId(actor, doc.claimId);
    return claim ? { doc, claim } : null;
  }
}
