import type { PolicyParameters } from './policy';
import { reason, type PolicyReason } from './reasons';

/** Kinds of document a claim can carry (each uploaded file has one). */
export const CLAIM_DOCUMENT_KINDS = [
  'LOAN_CONTRACT',
  'PLEDGE_REGISTRATION',
  'OVERDUE_PROOF',
  'COLLECTION_RECORD',
  'GUARANTOR_CONFIRMATION',
  'OTHER',
] as const;
export type ClaimDocumentKind = (typeof CLAIM_DOCUMENT_KINDS)[number];

/** One item of the materials a claim needs: always, or only on a three-party loan (Art 11, 14). */
export interface ClaimDocumentRequirement {
  readonly kind: ClaimDocumentKind;
  /** The item as the measures or the manager's scheme name it (Chinese). */
  readonly label: string;
  readonly when: 'ALWAYS' | 'THREE_PARTY';
}

export interface ChecklistItem {
  readonly kind: ClaimDocumentKind;
  readonly label: string;
  readonly required: boolean;
  readonly present: boolean;
}

export interface ClaimChecklist {
  readonly items: readonly ChecklistItem[];
  /** Every required item has at least one document. */
  readonly complete: boolean;
  readonly missing: readonly ChecklistItem[];
  /** One reason per missing item, with the article of the parameter (empty when complete). */
  readonly reasons: readonly PolicyReason[];
}

/**
 * The claim's materials against the measures' list (`claimDocuments`): each listed item, whether the
 * claim needs it (a guarantor's confirmation only on a three-party loan) and whether a document of its
 * kind is attached. Verification (Art 17) waits until `complete`.
 */
export function claimChecklist(
  claim: { threeParty: boolean },
  documentKinds: readonly string[],
  policy: PolicyParameters,
): ClaimChecklist {
  const have = new Set(documentKinds);
  const items = policy.claimDocuments.value.map((d) => ({
    kind: d.kind,
    label: d.label,
    required: d.when === 'ALWAYS' || claim.threeParty,
    present: have.has(d.kind),
  }));
  const missing = items.filter((i) => i.required && !i.present);
  return {
    items,
    complete: missing.length === 0,
    missing,
    reasons: missing.map((m) =>
      reason(policy.claimDocuments.article, 'DOCUMENT_MISSING', `Required document missing: ${m.label}`),
    ),
  };
}
