import { Foundation1764201600000 } from './1764201600000-Foundation';
import { ActivityLog1764201700000 } from './1764201700000-ActivityLog';
import { Partners1764201800000 } from './1764201800000-Partners';
import { LoanLifecycle1764201900000 } from './1764201900000-LoanLifecycle';
import { Ledger1764202000000 } from './1764202000000-Ledger';
import { Claims1764202100000 } from './1764202100000-Claims';
import { SecondWall1764202200000 } from './1764202200000-SecondWall';
import { EnterpriseLibrary1764202300000 } from './1764202300000-EnterpriseLibrary';
import { InputLimits1764202400000 } from './1764202400000-InputLimits';
import { LoginThrottle1764202500000 } from './1764202500000-LoginThrottle';
import { FundGovernance1764202600000 } from './1764202600000-FundGovernance';
import { ReportsAndFinancials1764202700000 } from './1764202700000-ReportsAndFinancials';
import { TasksAndNotifications1764202900000 } from './1764202900000-TasksAndNotifications';
import { ReadIndexes1764203000000 } from './1764203000000-ReadIndexes';

import { AuditAndEvaluation1764202800000 } from './1764202800000-AuditAndEvaluation';
import { ChainAtCommit1764203100000 } from './1764203100000-ChainAtCommit';
import { ParallelSafeTenantHelpers1764203200000 } from './1764203200000-ParallelSafeTenantHelpers';
import { ActorLookupPlanned1764203300000 } from './1764203300000-ActorLookupPlanned';
import { TenantColumnsIndex1764203400000 } from './1764203400000-TenantColumnsIndex';
import { HelpersKeepTheirPlans1764203500000 } from './1764203500000-HelpersKeepTheirPlans';

/** Every migration, in order. Listed explicitly (no globs) so the same list works compiled and under jest. */
export const MIGRATIONS = [
  Foundation1764201600000,
  ActivityLog1764201700000,
  Partners1764201800000,
  LoanLifecycle1764201900000,
  Ledger1764202000000,
  Claims1764202100000,
  SecondWall1764202200000,
  EnterpriseLibrary1764202300000,
  InputLimits1764202400000,
  LoginThrottle1764202500000,
  FundGovernance1764202600000,
  ReportsAndFinancials1764202700000,
  TasksAndNotifications1764202900000,
  ReadIndexes1764203000000,
  AuditAndEvaluation1764202800000,
  ChainAtCommit1764203100000,
  ParallelSafeTenantHelpers1764203200000,
  ActorLookupPlanned1764203300000,
  TenantColumnsIndex1764203400000,
  HelpersKeepTheirPlans1764203500000,
];
