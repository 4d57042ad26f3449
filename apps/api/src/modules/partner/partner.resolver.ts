import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { viewerCanLoader } from '../../graphql/loaders';
import { toManagedUserType, toPartnerType } from './partner.mapper';
import { PARTNER_OPERATIONS, partnerActionsInState } from './partner.state';
import {
  AdmitPartnerInput,
  CreateUserInput,
  ManagedUserType,
  PartnerKind,
  PartnerType,
} from './partner.types';

@Resolver(() => PartnerType)
export class PartnerResolver {
  @Query(() => [PartnerType], {
    description:
      'Partner banks and guarantors. Offices, fund manager and auditor: all; a partner: only itself; others: none.',
  })
  async partners(
    @Ctx() ctx: GqlContext,
    @Arg('kind', () => PartnerKind, { nullable: true }) kind?: PartnerKind | null,
  ): Promise<PartnerType[]> {
    const rows = await ctx.services.partners.list(requireActor(ctx), kind ?? null);
    return rows.map(toPartnerType);
  }

  @Query(() => PartnerType, {
    nullable: true,
    description: 'null for a partner that does not exist or is not visible',
  })
  async partner(@Ctx() ctx: GqlContext, @Arg('id', () => ID) id: string): Promise<PartnerType | null> {
    const row = await ctx.services.partners.byId(requireActor(ctx), id);
    return row ? toPartnerType(row) : null;
  }

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this partner now (partner.retire, partner.disqualify, partner.createUser, ' +
      "partner.deactivateUser, agreement.record): its organisation may, and the partner's standing allows it",
  })
  async viewerCan(@Root() partner: PartnerType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'Partner', PARTNER_OPERATIONS).load(partner.id);
    return partnerActionsInState(partner).filter((op) => permitted.has(op));
  }

  @Query(() => [ManagedUserType], {
    description:
      'Users of an organisation the caller may see (offices, manager, auditor: any; others: their own)',
  })
  async organizationUsers(
    @Ctx() ctx: GqlContext,
    @Arg('organizationId', () => ID) organizationId: string,
  ): Promise<ManagedUserType[]> {
    const rows = await ctx.services.partners.users(requireActor(ctx), organizationId);
    return rows.map(toManagedUserType);
  }

  @Mutation(() => PartnerType, {
    description: 'Offices and fund manager (Art 5, 8). A guarantor needs licenceNo (Art 14).',
  })
  async admitPartner(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => AdmitPartnerInput) input: AdmitPartnerInput,
  ): Promise<PartnerType> {
    return toPartnerType(await ctx.services.partners.admit(requireActor(ctx), input));
  }

  @Mutation(() => PartnerType, {
    description:
      'Offices and fund manager: an ACTIVE partner leaves the programme (Art 15). Its users open no new business ' +
      '(loans, library enterprises and IP: FORBIDDEN) but see through what is under way: its earlier loans stay ' +
      'covered, so it still reports on them, files and follows claims, and records and remits recoveries (Art 18)',
  })
  async retirePartner(
    @Ctx() ctx: GqlContext,
    @Arg('orgId', () => ID) orgId: string,
    @Arg('reason') reason: string,
  ): Promise<PartnerType> {
    return toPartnerType(await ctx.services.partners.retire(requireActor(ctx), orgId, reason));
  }

  @Mutation(() => PartnerType, {
    description:
      'Offices and fund manager: the partner loses partner status (Art 25); stays on record, its users can no longer act',
  })
  async disqualifyPartner(
    @Ctx() ctx: GqlContext,
    @Arg('orgId', () => ID) orgId: string,
    @Arg('reason') reason: string,
  ): Promise<PartnerType> {
    return toPartnerType(await ctx.services.partners.disqualify(requireActor(ctx), orgId, reason));
  }

  @Mutation(() => ManagedUserType, {
    description:
      'Offices and fund manager: a login for an ACTIVE partner organisation (password ≥ 8 characters)',
  })
  async createUser(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<ManagedUserType> {
    return toManagedUserType(await ctx.services.partners.createUser(requireActor(ctx), input));
  }

  @Mutation(() => ManagedUserType, {
    description: "Offices and fund manager: a partner's user can no longer log in or act",
  })
  async deactivateUser(
    @Ctx() ctx: GqlContext,
    @Arg('userId', () => ID) userId: string,
  ): Promise<ManagedUserType> {
    return toManagedUserType(await ctx.services.partners.deactivateUser(requireActor(ctx), userId));
  }
}
