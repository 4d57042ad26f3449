import type { BlacklistProposalEntity } from './blacklist.entity';
import { BlacklistProposalStatus, type BlacklistProposalType } from './blacklist.types';
import { toEnterpriseRef } from './enterprise.mapper';

/** Entity → GraphQL, field by field. Expects enterprise and organisations joined. */
export function toBlacklistProposalType(p: BlacklistProposalEntity): BlacklistProposalType {
  if (!p.enterprise || !p.proposedByOrg) throw new Error('toBlacklistProposalType needs its joins');
  return {
    id: p.id,
    enterprise: toEnterpriseRef(p.enterprise),
    reason: p.reason,
    proposedOn: p.proposedOn,
    proposedBy: { id: p.proposedByOrg.id, name: p.proposedByOrg.name },
    status: BlacklistProposalStatus[p.status],
    decidedOn: p.decidedOn,
    decidedBy: p.decidedByOrg ? { id: p.decidedByOrg.id, name: p.decidedByOrg.name } : null,
    decisionComment: p.decisionComment,
  };
}
