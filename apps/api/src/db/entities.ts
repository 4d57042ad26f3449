import { OrganizationEntity } from '../modules/org/org.entity';
import { UserEntity } from '../modules/org/user.entity';
import { UserNameEntity } from '../modules/org/user-name.entity';
import { EnterpriseEntity, IpAssetEntity } from '../modules/enterprise/enterprise.entity';
import { BlacklistProposalEntity } from '../modules/enterprise/blacklist.entity';
import { CooperationAgreementEntity } from '../modules/agreement/agreement.entity';
import { LoanEntity } from '../modules/loan/loan.entity';
import { LoanStatusReportEntity } from '../modules/loan/loan-status-report.entity';
import {
  BankSuspensionEntity,
  RiskEventEntity,
  RiskNoticeEntity,
  SuspensionProposalEntity,
} from '../modules/risk/risk.entity';
import { ActivityEntity } from '../modules/activity/activity.entity';
import {
  LedgerAccountBalanceEntity,
  LedgerAccountEntity,
  LedgerEntryEntity,
  LedgerTransactionEntity,
} from '../modules/ledger/ledger.entity';
import {
  ClaimDocumentEntity,
  ClaimEntity,
  ClaimEventEntity,
  RecoveryEntity,
} from '../modules/claim/claim.entity';

import {
  FinancialStatementEntity,
  FinancialStatementReminderEntity,
} from '../modules/financials/financials.entity';
import { FundReportAcknowledgementEntity, FundReportVersionEntity } from '../modules/report/report.entity';

/** Every entity, listed explicitly so compiled and jest runs see the same set. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  UserNameEntity,
  EnterpriseEntity,
  IpAssetEntity,
  BlacklistProposalEntity,
  CooperationAgreementEntity,
  LoanEntity,
  LoanStatusReportEntity,
  SuspensionProposalEntity,
  BankSuspensionEntity,
  RiskNoticeEntity,
  RiskEventEntity,
  ActivityEntity,
  LedgerAccountEntity,
  LedgerAccountBalanceEntity,
  LedgerTransactionEntity,
  LedgerEntryEntity,
  ClaimEntity,
  ClaimEventEntity,
  ClaimDocumentEntity,
  RecoveryEntity,
  FundReportVersionEntity,
  FundReportAcknowledgementEntity,
  FinancialStatementEntity,
  FinancialStatementReminderEntity,
];
