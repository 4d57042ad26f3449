import type { IsoDate } from '@ipfund/policy';
import type { Actor } from '../authz/actor';
import type { DataSource } from 'typeorm';
import type { Services } from '../services';
import { partnersDemoStep } from './steps/partners';
import { ledgerDemoStep } from './steps/ledger';
import { riskDemoStep } from './steps/risk';
import { claimsDemoStep } from './steps/claims';
import { auditDemoStep } from './steps/audit';
import { fundDemoStep } from './steps/fund';
import { reportsDemoStep } from './steps/reports';
import { contactsDemoStep, tasksDemoStep } from './steps/tasks';

/** What a demo step gets: the services, the business date the demo is built around, and demo actors. */
export interface DemoContext {
  services: Services;
  /** The owner's data source: the demo looks its own records up directly (demo mode only). */
  ds: DataSource;
  today: IsoDate;
  /** The demo user acting (e.g. 'manager', 'bank-a'). */
  actor(username: string): Promise<Actor>;
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;

/**
 * Demo data beyond the parties and loans, one step per area, run in order after them. Steps act
 * through the areas' real use cases (services.*), so demo data obeys the same rules and lands in
 * the activity record like anyone's work.
 */
export const DEMO_STEPS: DemoStep[] = [
  contactsDemoStep,
  partnersDemoStep,
  ledgerDemoStep,
  fundDemoStep,
  claimsDemoStep,
  riskDemoStep,
  reportsDemoStep,
  auditDemoStep,
  tasksDemoStep,
];
