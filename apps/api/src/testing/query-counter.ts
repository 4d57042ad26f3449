import type { Logger, QueryRunner } from 'typeorm';

/** A TypeORM logger that counts SQL statements (to prove a query plan has no N+1). */
export class QueryCounter implements Logger {
  count = 0;
  statements: string[] = [];
  private recording = false;

  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements = [];
    this.recording = true;
    try {
      const result = await work();
      return { result, statements: [...this.statements] };
    } finally {
      this.recording = false;
    }
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count++;
    if (this.recording) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
