import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { PasswordChangeService } from './auth/password-change.service';
import { BusinessClock } from './common/business-clock';
import { PolicyBook } from './common/policy-book';
import { LoanService } from './modules/loan/loan.service';
import { LoanTapeService } from './modules/loan/loan-tape.service';
import { RiskService } from './modules/risk/risk.service';
import { ActivityRecorder } from './modules/activity/activity.recorder';
import { UseCaseRunner } from './common/use-case';
import { Access } from './authz/access';
import { inTransaction } from './db/transaction';
import { PartnerService } from './modules/partner/partner.service';
import { AgreementService } from './modules/agreement/agreement.service';
import { EnterpriseService } from './modules/enterprise/enterprise.service';
import { BlacklistService } from './modules/enterprise/blacklist.service';
import { LedgerService } from './modules/ledger/ledger.service';
import type { FundCompensationStatusProvider } from './modules/ledger/fund-status';
import { ClaimService } from './modules/claim/claim.service';
import { ClaimDocumentService } from './modules/claim/claim-document.service';
import { RecoveryService } from './modules/claim/recovery.service';
import { FundService } from './modules/claim/fund.service';
import { FundGovernanceService } from './modules/fund/fund-governance.service';
import { TaskService } from './modules/task/task.service';
import { LoanPreviewService } from './modules/loan/loan-preview.service';
import { NotificationService } from './modules/notification/notification.service';
import { Notifier } from './modules/notification/notifier';
import { DashboardService } from './modules/portal/dashboard.service';

import { ReportService } from './modules/report/report.service';
import { FinancialsService } from './modules/financials/financials.service';
import { ActivityService } from './modules/activity/activity.service';
import { AuditService } from './modules/audit/audit.service';
import { EvaluationService } from './modules/evaluation/evaluation.service';
import { ForecastService } from './modules/forecast/forecast.service';
import { ForecastPool } from './modules/forecast/forecast.pool';

/**
 * Everything a request can reach, built once at boot (no hidden singletons). There is no data
 * source here: resolvers reach the database only through services, and services only through the
 * access kernel (`access`) and the use-case runner.
 */
export interface Services {
  config: AppConfig;
  log: Logger;
  /** The access kernel: scoped reads as the caller, and the operations table. */
  access: Access;
  clock: BusinessClock;
  /** The measures in force on a date (packages/policy). */
  policies: PolicyBook;
  tokens: TokenService;
  auth: AuthService;
  /** Every user changes its own password; its other sessions end (issue 11). */
  passwords: PasswordChangeService;
  /** Runs a mutation as one transaction with its activity record. */
  useCases: UseCaseRunner;
  loans: LoanService;
  /** Bulk status reports from a CSV/XLSX loan tape (Art 12, 16). */
  loanTape: LoanTapeService;
  /** Bank risk ratios, warnings, suspensions (Art 12) and early warnings (Art 16). */
  risk: RiskService;
  /** Partner banks and guarantors, their users (Art 5, 8, 14, 15, 25). */
  partners: PartnerService;
  /** Cooperation agreements; `agreementInForce` for compensation (Art 8, 11, 14). */
  agreements: AgreementService;
  /** The enterprise library with patents and trademarks (Art 6.3). */
  enterprises: EnterpriseService;
  /** Blacklist proposals and decisions (Art 21). */
  blacklist: BlacklistService;
  /** The fund ledger: posting API for other modules, manager use cases, trial balance (R1). */
  ledger: LedgerService;
  /**
   * Cumulative finally-approved compensation and the circuit breaker (R7, Art 19) for `fundStatus`.
   * Provided by the claims module (`FundService.compensationStatus`), read by the ledger's fundStatus.
   */
  fundCompensation: FundCompensationStatusProvider;
  /** Compensation claims: filing, confirmation, verification, co-signing, payout (R5–R7). */
  claims: ClaimService;
  claimDocuments: ClaimDocumentService;
  /** Recoveries and remittances after payout (R8, Art 18). */
  recoveries: RecoveryService;
  /** The circuit breaker's state and the joint resumption decision (R7, Art 19). */
  fund: FundService;
  /** Capital contributions, the annual work plan and termination (Art 3, 5, 6.5, 24). */
  fundGovernance: FundGovernanceService;
  /** The caller's work queue, computed from the rules that allow each action (issue 11). */
  tasks: TaskService;
  /** The coverage verdict of a loan being registered, stored nowhere (issue 11). */
  loanPreview: LoanPreviewService;
  /** The caller's notifications of new work and the e-mail outbox (issue 12). */
  notifications: NotificationService;
  /** The home page's aggregates over what the caller may read (issue 11). */
  dashboard: DashboardService;
  /** The fund's quarterly and annual operation reports: compute, issue, acknowledge (Art 6.6). */
  reports: ReportService;
  /** Borrowers' quarterly financial statements, their collection and reminders (Art 22). */
  financials: FinancialsService;
  /** Fund foresight: the seeded stress simulator over the covered portfolio, on worker threads (issue 13). */
  forecast: ForecastService;
  /** The activity log browser and its hash-chain check (Art 20). */
  activity: ActivityService;
  /** Audit engagements and the record of every auditor read (Art 20). */
  audit: AuditService;
  /** The semi-annual evaluation of the partner banks and guarantors (Art 23). */
  evaluation: EvaluationService;
}

export function createServices(config: AppConfig, ds: DataSource, log: Logger): Services {
  // The business date may be moved only where no real money is at stake.
  const clock = new BusinessClock(config.demo || config.env === 'test', config.businessDate);
  const tokens = new TokenService(config.tokenSecret, config.tokenTtlSeconds);
  const policies = PolicyBook.forSet(config.policy);
  const access = new Access(ds, policies, clock, config.dbAppRole ?? null);
  const useCases = new UseCaseRunner(ds, access, new ActivityRecorder(clock));
  const loans = new LoanService(access, clock, policies, useCases);
  const enterprises = new EnterpriseService(access, useCases);
  const agreements = new AgreementService(access, useCases, clock, policies);
  const ledger = new LedgerService(access, useCases, clock, policies, (work) => inTransaction(ds, work));
  const claims = new ClaimService(access, useCases, clock, policies, agreements, ledger);
  const fund = new FundService(access, useCases, clock, policies);
  const fundGovernance = new FundGovernanceService(access, useCases, clock, policies, ledger);
  const risk = new RiskService(access, clock, policies, useCases);
  // Every task a change opens is announced in the change's own transaction (issue 12).
  const notifier = new Notifier(clock);
  useCases.observe((uc) => notifier.afterUseCase(uc));
  const auth = new AuthService(ds, tokens);
  return {
    config,
    log,
    access,
    clock,
    policies,
    tokens,
    auth,
    passwords: new PasswordChangeService(useCases, tokens, auth),
    useCases,
    loans,
    loanTape: new LoanTapeService(loans, clock, useCases, access),
    risk,
    partners: new PartnerService(access, useCases, clock, policies),
    agreements,
    enterprises,
    blacklist: new BlacklistService(access, useCases, clock, policies),
    ledger,
    fundCompensation: (em, opts) => fund.statusFacts(em, opts),
    claims,
    claimDocuments: new ClaimDocumentService(access, useCases),
    recoveries: new RecoveryService(access, useCases, clock, policies, ledger),
    fund,
    fundGovernance,
    tasks: new TaskService(access, clock, risk, fund),
    loanPreview: new LoanPreviewService(access, clock, policies),
    notifications: new NotificationService(access, useCases, clock, policies),
    dashboard: new DashboardService(access, clock),
    reports: new ReportService(access, clock, useCases),
    financials: new FinancialsService(access, clock, useCases),
    // Two worker threads (this machine's cores), one simulation at a time and four waiting: a forecast
    // never runs on the event loop of a served request. Tests run it inline (no compiled simulator).
    forecast: new ForecastService(
      access,
      clock,
      agreements,
      ledger,
      new ForecastPool({ workers: config.env === 'test' ? 0 : 2, maxConcurrent: 1, maxQueued: 4 }),
    ),
    activity: new ActivityService(access),
    audit: new AuditService(access, useCases, clock, new ActivityRecorder(clock), (work) =>
      inTransaction(ds, work),
    ),
    evaluation: new EvaluationService(access, useCases, clock),
  };
}
