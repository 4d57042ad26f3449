import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/tokens';
import { BusinessClock } from './common/business-clock';
import { PolicyBook } from './common/policy-book';
import { LoanService } from './modules/loan/loan.service';
import { ActivityRecorder } from './modules/activity/activity.recorder';
import { UseCaseRunner } from './common/use-case';

/** Everything a request can reach, built once at boot (no hidden singletons). */
export interface Services {
  config: AppConfig;
  ds: DataSource;
  log: Logger;
  clock: BusinessClock;
  /** The measures in force on a date (packages/policy). */
  policies: PolicyBook;
  tokens: TokenService;
  auth: AuthService;
  /** Runs a mutation as one transaction with its activity record. */
  useCases: UseCaseRunner;
  loans: LoanService;
}

export function createServices(config: AppConfig, ds: DataSource, log: Logger): Services {
  // The business date may be moved only where no real money is at stake.
  const clock = new BusinessClock(config.demo || config.env === 'test', config.businessDate);
  const tokens = new TokenService(config.tokenSecret, config.tokenTtlSeconds);
  return {
    config,
    ds,
    log,
    clock,
    policies: new PolicyBook(),
    tokens,
    auth: new AuthService(ds, tokens),
    useCases: new UseCaseRunner(ds, new ActivityRecorder(clock)),
    loans: new LoanService(ds),
  };
}
