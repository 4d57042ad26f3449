import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  ObjectType,
  Field,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { allowedClaimActions, type ClaimAction, type IsoDate } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import { CLAIM_ACTION_OPERATION, claimSnapshot, type ClaimEventRow } from './claim.service';
import { MAX_INLINE_DOCUMENT_BYTES, OPEN_FOR_DOCUMENTS } from './claim-document.service';
import { claimDocumentUrl } from './claim-document.download';
import { badInput } from '../../common/errors';
import { ClaimFilterInput, ClaimOrderInput } from './claim-list.types';
import { awaitingClaimIds } from './claim-awaiting';
import { requireActor, type GqlContext } from '../../graphql/context';
import { groupBy, loaderFor, viewerCanLoader } from '../../graphql/loaders';
import { connectionNodeFields } from '../../graphql/selection';
import { toClaimType, toDocumentType, toRecoveryType, type ClaimAudience } from './claim.mapper';
import {
  ClaimActionEnum,
  ClaimApprovalType,
  ClaimConnectionType,
  ClaimDecision,
  ClaimDocumentContentType,
  ClaimDocumentType,
  ClaimLoanRefType,
  ClaimStatus,
  ClaimStepType,
  ClaimType,
  RecordRecoveryInput,
  ConfirmRemittanceInput,
  RecoveryType,
  RemittanceDeclarationInput,
  RemittanceStatus,
  SubmitClaimInput,
  UploadClaimDocumentInput,
} from './claim.types';
import type { OrgKind } from '@ipfund/shared';
import { DateScalar } from '../../graphql/scalars';

@ObjectType('FundResumptionVote')
class FundResumptionVoteType {
  @Field()
  orgKind: string;
  @Field()
  comment: string;
  @Field(() => DateScalar)
  businessDate: string;
  @Field()
  occurredAt: Date;
}

@ObjectType('FundResumptionResult')
class FundResumptionResultType {
  @Field()
  resumed: boolean;
  @Field(() => Int, { description: 'Consents recorded for the current suspension (4 needed)' })
  votes: number;
}

async function eventsLoader(ctx: GqlContext, claimId: string): Promise<ClaimEventRow[]> {
  return loaderFor<ClaimEventRow[]>(ctx, 'claim.events', async (scope, ids) =>
    groupBy(ids, await ctx.services.claims.eventsOf(scope, ids), (r) => r.claimId),
  ).load(claimId);
}

/** Who this caller is to a claim: the enterprise-year total only for those who read every claim. */
function audienceOf(ctx: GqlContext): ClaimAudience {
  return { readsAllClaims: ctx.services.access.readsAll(requireActor(ctx), 'Claim') };
}

/** The claim for this caller. */
function claimFor(ctx: GqlContext, claim: Parameters<typeof toClaimType>[0]): ClaimType {
  return toClaimType(claim, audienceOf(ctx));
}

/** The operations a Claim's `viewerCan` may list (its own transitions, documents, recoveries). */
const CLAIM_OPERATIONS: readonly Operation[] = [
  ...Object.values(CLAIM_ACTION_OPERATION).filter((op) => op !== 'claim.submit'),
  'claim.uploadDocument',
  'recovery.record',
];

@Resolver(() => ClaimType)
export class ClaimResolver {
  // ---- queries ----

  @Query(() => ClaimConnectionType, {
    description:
      'Claims the caller may see (DOMAIN §2), filtered and sorted on the server (default: newest first); ' +
      'totalCount counts the filtered list. `status` is kept for older clients: filter.status replaces it.',
  })
  async claims(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('status', () => ClaimStatus, { nullable: true }) status?: ClaimStatus,
    @Arg('filter', () => ClaimFilterInput, { nullable: true }) filter?: ClaimFilterInput | null,
    @Arg('orderBy', () => ClaimOrderInput, { nullable: true }) orderBy?: ClaimOrderInput | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ClaimConnectionType> {
    const actor = requireActor(ctx);
    const merged = status ? { ...filter, status: [...(filter?.status ?? []), status] } : filter;
    const page = await ctx.services.claims.list(
      actor,
      { first, after, filter: merged, orderBy },
      awaitingClaimIds,
      info ? connectionNodeFields(info) : null,
    );
    // Asked once per page, not once per claim.
    const audience = audienceOf(ctx);
    const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toClaimType(row, audience) }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => ClaimType, { nullable: true, description: 'null when it does not exist or is not visible' })
  async claim(@Ctx() ctx: GqlContext, @Arg('id', () => ID) id: string): Promise<ClaimType | null> {
    const claim = await ctx.services.claims.byId(requireActor(ctx), id);
    return claim ? claimFor(ctx, claim) : null;
  }

  @Query(() => ClaimDocumentContentType, {
    nullable: true,
    description:
      'A claim document with its content as base64, for documents up to 1 MB; a larger one is refused ' +
      '(BAD_USER_INPUT, details.reason DOCUMENT_TOO_LARGE) and is downloaded from its downloadUrl',
  })
  async claimDocument(
    @Ctx() ctx: GqlContext,
    @Arg('id', () => ID) id: string,
  ): Promise<ClaimDocumentContentType | null> {
    const actor = requireActor(ctx);
    // The size is checked before the content is read, so a refused document costs no memory.
    const meta = await ctx.services.claimDocuments.metadata(actor, id);
    if (!meta) return null;
    if (meta.sizeBytes > MAX_INLINE_DOCUMENT_BYTES) {
      throw badInput(
        'claim.documentInlineTooLarge',
        { mb: MAX_INLINE_DOCUMENT_BYTES / 1024 / 1024 },
        { reason: 'DOCUMENT_TOO_LARGE', downloadUrl: claimDocumentUrl(meta.id) },
      );
    }
    const doc = await ctx.services.claimDocuments.download(actor, id);
    return doc ? { document: toDocumentType(doc), contentBase64: doc.content.toString('base64') } : null;
  }

  @Query(() => [RecoveryType], {
    description: 'Art 18: remittances not yet made, oldest due first (overdue flagged)',
  })
  async openRemittances(@Ctx() ctx: GqlContext): Promise<RecoveryType[]> {
    const rows = await ctx.services.recoveries.list(requireActor(ctx), { openOnly: true });
    const today = ctx.services.clock.today();
    return rows.map((r) => toRecoveryType(r, today));
  }

  @Query(() => [FundResumptionVoteType], {
    description: 'Consents recorded to resume the suspended fund (Art 19)',
  })
  async fundResumptionVotes(@Ctx() ctx: GqlContext): Promise<FundResumptionVoteType[]> {
    return ctx.services.fund.votes(requireActor(ctx));
  }

  // ---- mutations ----

  @Mutation(() => ClaimType, {
    description: 'Bank: file a claim (≥ 60 days overdue, covered; Art 17). Idempotent per key.',
  })
  async submitClaim(@Ctx() ctx: GqlContext, @Arg('input') input: SubmitClaimInput): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.submit(requireActor(ctx), input));
  }

  @Mutation(() => ClaimType, { description: 'Bank: resubmit a returned claim; amounts are recomputed' })
  async resubmitClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.resubmit(requireActor(ctx), claimId, comment));
  }

  @Mutation(() => ClaimType, { description: 'Guarantor: confirm its share of the loss (Art 14)' })
  async confirmGuarantorShare(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<ClaimType> {
    return claimFor(
      ctx,
      await ctx.services.claims.confirmGuarantorShare(requireActor(ctx), claimId, comment),
    );
  }

  @Mutation(() => ClaimType, { description: 'Manager: verify documents, eligibility and amounts (Art 17)' })
  async verifyClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.verify(requireActor(ctx), claimId, comment));
  }

  @Mutation(() => ClaimType, { description: 'Manager: return to the bank for more documents' })
  async returnClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('comment') comment: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.returnToBank(requireActor(ctx), claimId, comment));
  }

  @Mutation(() => ClaimType, {
    description: 'Office: co-sign (each once, any order). The third is the final approval.',
  })
  async approveClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.approve(requireActor(ctx), claimId, comment));
  }

  @Mutation(() => ClaimType, { description: 'Office: reject with a reason; ends the claim' })
  async rejectClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('reason') reason: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.reject(requireActor(ctx), claimId, reason));
  }

  @Mutation(() => ClaimType, {
    description: 'Manager: record the payout; posts F out of principal. Idempotent per key.',
  })
  async payClaim(
    @Ctx() ctx: GqlContext,
    @Arg('claimId', () => ID) claimId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<ClaimType> {
    return claimFor(ctx, await ctx.services.claims.pay(requireActor(ctx), claimId, idempotencyKey, comment));
  }

  @Mutation(() => ClaimDocumentType, { description: 'Bank: attach a document to its claim' })
  async uploadClaimDocument(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: UploadClaimDocumentInput,
  ): Promise<ClaimDocumentType> {
    return toDocumentType(await ctx.services.claimDocuments.upload(requireActor(ctx), input));
  }

  @Mutation(() => RecoveryType, {
    description: 'Bank: record a recovery; the fund is owed R × F ÷ B within 30 days (Art 18)',
  })
  async recordRecovery(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: RecordRecoveryInput,
  ): Promise<RecoveryType> {
    const r = await ctx.services.recoveries.record(requireActor(ctx), {
      ...input,
      // The Date scalar has already checked it is a calendar date.
      receivedOn: input.receivedOn as IsoDate,
    });
    return toRecoveryType(r, ctx.services.clock.today());
  }

  @Mutation(() => RecoveryType, {
    description:
      "Bank: declare that it remitted the fund's share (Art 18). Only a declaration: nothing is posted until " +
      'the fund manager confirms it against the bank statement (confirmRemittance). The same key again answers ' +
      'the same declaration.',
  })
  async recordRemittance(
    @Ctx() ctx: GqlContext,
    @Arg('recoveryId', () => ID) recoveryId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('declaration', () => RemittanceDeclarationInput, {
      nullable: true,
      description: 'When the bank transferred the money (default: the business date) and its reference',
    })
    declaration?: RemittanceDeclarationInput | null,
  ): Promise<RecoveryType> {
    const r = await ctx.services.recoveries.declareRemittance(requireActor(ctx), {
      recoveryId,
      idempotencyKey,
      remittedOn: (declaration?.remittedOn as IsoDate | null | undefined) ?? null,
      reference: declaration?.reference ?? null,
    });
    return toRecoveryType(r, ctx.services.clock.today());
  }

  @Mutation(() => RecoveryType, {
    description:
      'Fund manager: confirm a declared remittance against the bank statement (its reference and the date the ' +
      'money arrived); posts REMITTANCE_RECEIVED once (Art 18). The same statement reference again is a replay.',
  })
  async confirmRemittance(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => ConfirmRemittanceInput) input: ConfirmRemittanceInput,
  ): Promise<RecoveryType> {
    const r = await ctx.services.recoveries.confirmRemittance(requireActor(ctx), {
      recoveryId: input.recoveryId,
      bankStatementRef: input.bankStatementRef,
      receivedOn: input.receivedOn as IsoDate,
    });
    return toRecoveryType(r, ctx.services.clock.today());
  }

  @Mutation(() => RecoveryType, {
    description:
      'Fund manager: reject a declared remittance not found on the bank statement, with the reason (Art 18); ' +
      'the share stays owed and the bank declares again',
  })
  async rejectRemittance(
    @Ctx() ctx: GqlContext,
    @Arg('recoveryId', () => ID) recoveryId: string,
    @Arg('reason') reason: string,
  ): Promise<RecoveryType> {
    const r = await ctx.services.recoveries.rejectRemittance(requireActor(ctx), recoveryId, reason);
    return toRecoveryType(r, ctx.services.clock.today());
  }

  @Mutation(() => FundResumptionResultType, {
    description: 'Offices and manager: consent to resume the fund (Art 19); all four resume it',
  })
  async consentToResumeFund(
    @Ctx() ctx: GqlContext,
    @Arg('comment') comment: string,
  ): Promise<FundResumptionResultType> {
    return ctx.services.fund.consentToResume(requireActor(ctx), comment);
  }

  // ---- fields (batched per request) ----

  @FieldResolver(() => ClaimLoanRefType)
  async loan(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<ClaimLoanRefType> {
    return loaderFor<ClaimLoanRefType>(ctx, 'claim.loan', async (scope, ids) => {
      const byId = new Map((await ctx.services.claims.loansOf(scope, ids)).map((l) => [l.id, l]));
      return ids.map((id) => byId.get(id)!);
    }).load(claim.loanId);
  }

  @FieldResolver(() => [ClaimApprovalType], { description: 'Office decisions (Art 17)' })
  async approvals(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<ClaimApprovalType[]> {
    const events = await eventsLoader(ctx, claim.id);
    return events
      .filter((e) => e.action === 'APPROVE' || e.action === 'REJECT')
      .map((e) => ({
        organization: { id: e.organizationId, name: e.orgName, kind: e.orgKind as OrgKind },
        decision: e.action === 'APPROVE' ? ClaimDecision.APPROVED : ClaimDecision.REJECTED,
        comment: e.comment,
        decidedAt: e.occurredAt,
        businessDate: e.businessDate,
      }));
  }

  @FieldResolver(() => [ClaimStepType], { description: 'Every step: who, which organisation, when, comment' })
  async history(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<ClaimStepType[]> {
    const events = await eventsLoader(ctx, claim.id);
    return events.map((e) => ({
      action: e.action,
      fromStatus: (e.fromStatus as ClaimStatus | null) ?? null,
      toStatus: e.toStatus as ClaimStatus,
      organization: { id: e.organizationId, name: e.orgName, kind: e.orgKind as OrgKind },
      userDisplayName: e.userDisplayName,
      comment: e.comment,
      occurredAt: e.occurredAt,
      businessDate: e.businessDate,
    }));
  }

  @FieldResolver(() => [ClaimDocumentType])
  async documents(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<ClaimDocumentType[]> {
    const docs = await loaderFor(ctx, 'claim.documents', async (scope, ids) =>
      groupBy(ids, await ctx.services.claimDocuments.listFor(scope, ids), (d) => d.claimId),
    ).load(claim.id);
    return docs.map(toDocumentType);
  }

  @FieldResolver(() => [RecoveryType])
  async recoveries(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<RecoveryType[]> {
    const rows = await loaderFor(ctx, 'claim.recoveries', async (scope, ids) =>
      groupBy(ids, await ctx.services.recoveries.visible(scope, { claimIds: ids }), (r) => r.claimId),
    ).load(claim.id);
    const today = ctx.services.clock.today();
    return rows.map((r) => toRecoveryType(r, today));
  }

  @FieldResolver(() => [ClaimActionEnum], { description: 'What the caller may do next (for the UI)' })
  async allowedActions(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<ClaimAction[]> {
    const actor = requireActor(ctx);
    const snapshot = claimSnapshot(claim, await eventsLoader(ctx, claim.id));
    // One read of the fund's state per request, however many claims are listed.
    const fund = await loaderFor(ctx, 'fund.state', async (scope, keys) => {
      const s = await ctx.services.fund.compensationStatus(scope.em);
      return keys.map(() => s);
    }).load('fund');
    return allowedClaimActions(
      snapshot,
      actor.orgKind,
      { fundSuspended: fund.suspended, eligibility: { eligible: true, reasons: [] } },
      ctx.services.access.policyNow(),
    );
  }

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this claim now: its next steps in the claim procedure, ' +
      'claim.uploadDocument while documents are open, recovery.record once paid',
  })
  async viewerCan(@Root() claim: ClaimType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const [permitted, next] = await Promise.all([
      viewerCanLoader(ctx, 'Claim', CLAIM_OPERATIONS).load(claim.id),
      this.allowedActions(claim, ctx),
    ]);
    const inState: Operation[] = next.map((a) => CLAIM_ACTION_OPERATION[a]);
    if (OPEN_FOR_DOCUMENTS.has(claim.status)) inState.push('claim.uploadDocument');
    if (claim.status === ClaimStatus.PAID) inState.push('recovery.record');
    return inState.filter((op) => permitted.has(op));
  }
}

@Resolver(() => RecoveryType)
export class RecoveryResolver {
  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this recovery now: recovery.remit (declare) while the share is owed ' +
      'and not declared; recovery.confirmRemittance and recovery.rejectRemittance while a declaration waits',
  })
  async viewerCan(@Root() recovery: RecoveryType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const inState: Operation[] =
      recovery.remittanceStatus === RemittanceStatus.DUE ||
      recovery.remittanceStatus === RemittanceStatus.REJECTED
        ? ['recovery.remit']
        : recovery.remittanceStatus === RemittanceStatus.DECLARED
          ? ['recovery.confirmRemittance', 'recovery.rejectRemittance']
          : [];
    if (inState.length === 0) return [];
    const permitted = await viewerCanLoader(ctx, 'Recovery', RECOVERY_OPERATIONS).load(recovery.id);
    return inState.filter((op) => permitted.has(op));
  }
}

const RECOVERY_OPERATIONS: readonly Operation[] = [
  'recovery.remit',
  'recovery.confirmRemittance',
  'recovery.rejectRemittance',
];
