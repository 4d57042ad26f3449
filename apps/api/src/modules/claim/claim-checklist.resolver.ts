import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../../graphql/context';
import { loaderFor } from '../../graphql/loaders';
import { ClaimChecklistItemType, ClaimDocumentKind, ClaimType } from './claim.types';

@Resolver(() => ClaimType)
export class ClaimChecklistResolver {
  @FieldResolver(() => [ClaimChecklistItemType], {
    description:
      'The materials the measures list for a claim (policy parameter claimDocuments, Art 17): each item, ' +
      'whether this claim needs it and whether a document of its kind is attached. Verification is refused ' +
      'while a required item is missing.',
  })
  async documentChecklist(
    @Root() claim: ClaimType,
    @Ctx() ctx: GqlContext,
  ): Promise<ClaimChecklistItemType[]> {
    const checklist = await loaderFor(ctx, 'claim.checklist', async (scope, keys) => {
      // Keys carry the claim's party shape: "id|3" for three-party, "id|2" for two-party.
      const claims = keys.map((k) => ({ id: k.slice(0, -2), threeParty: k.endsWith('|3') }));
      return ctx.services.claimDocuments.checklistsFor(scope, claims);
    }).load(`${claim.id}|${claim.threeParty ? 3 : 2}`);
    return checklist.items.map((i) => ({
      kind: i.kind as ClaimDocumentKind,
      label: i.label,
      required: i.required,
      present: i.present,
    }));
  }
}
