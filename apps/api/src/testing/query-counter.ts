import type { Logger, QueryRunner } from 'typeorm';

/**
 * Statements that frame the work rather than do it: transaction control, and the tenant settings the
 * access kernel sets at the start of every transaction (db/tenant.ts). Not counted, so a test's
 * budget is about the data statements a query plan issues (no N+1), whatever the framing.
 */
const FRAMING =
  /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET TRANSACTION|SELECT set_config\('(role|app\.org_id)')/i;

/** A TypeORM logger that counts SQL statements (to prove a query plan has no N+1). */
export class QueryCounter implements Logger {
  count = 0;
  statements: string[] = [];
  /** Every statement while measuring, framing included (issue 10's budgets count the tenant settings). */
  everything: string[] = [];
  private recording = false;

  async measure<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; statements: string[]; everything: string[] }> {
    this.statements = [];
    this.everything = [];
    this.recording = true;
    try {
      const result = await work();
      return { result, statements: [...this.statements], everything: [...this.everything] };
    } finally {
      this.recording = false;
    }
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.recording) this.everything.push(query);
    if (FRAMING.test(query)) return;
    this.count++;
    if (this.recording) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
