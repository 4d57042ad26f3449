import { OrganizationEntity } from '../modules/org/org.entity';
import { UserEntity } from '../modules/org/user.entity';
import { EnterpriseEntity, IpAssetEntity } from '../modules/enterprise/enterprise.entity';
import { LoanEntity } from '../modules/loan/loan.entity';
import { ActivityEntity } from '../modules/activity/activity.entity';

/** Every entity, listed explicitly so compiled and jest runs see the same set. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  EnterpriseEntity,
  IpAssetEntity,
  LoanEntity,
  ActivityEntity,
];
