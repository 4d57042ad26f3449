import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fund ledger (R1; Art 3, 7, 10, 18, 24): double-entry, append-only, and guarded by the database
 * itself (TigerBeetle's "limits as invariants the store refuses to break"), so no code path — ours,
 * a later module's, or a hand-typed SQL statement — can lose a fen:
 *
 * - every transaction balances (Σ debit = Σ credit, at least two lines), checked at COMMIT by
 *   deferred constraint triggers;
 * - every line has exactly one positive side; amounts are numeric(18,2);
 * - transactions and lines are never updated, deleted or truncated; lines can only be added by the
 *   database transaction that wrote their header;
 * - only the movements in `ledger_templates` exist (Art 7); a REVERSAL mirrors its original exactly,
 *   at most once, and is never itself reversed;
 * - `ledger_account_balances` is maintained by trigger in the posting's own transaction: the UPDATE
 *   row-locks the account (concurrent postings to it queue up), and CHECK (balance >= 0) refuses a
 *   negative principal, interest or receivable balance at once. The table refuses direct writes.
 *
 * The chart and templates are mirrored in modules/ledger/ledger.chart.ts (a test compares them).
 */
export class Ledger1764202000000 implements MigrationInterface {
  name = 'Ledger1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_accounts (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{4,8}$'),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        type text NOT NULL CHECK (type IN ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')),
        normal_side text NOT NULL CHECK (normal_side IN ('DEBIT','CREDIT')),
        -- the two cash accounts at the deposit bank, as the policy's checkFundOutflow names them
        fund_account text UNIQUE CHECK (fund_account IN ('PRINCIPAL','INTEREST')),
        -- a balance below zero (on the normal side) is refused by ledger_account_balances
        non_negative boolean NOT NULL DEFAULT true,
        -- Art 7: the deposit bank (资金存放银行) holding the special account; an attribute, not a tenant.
        -- The offices may move the account in later years (Art 7), so these two may change.
        deposit_bank text,
        deposit_account_no text,
        CHECK ((deposit_bank IS NULL AND deposit_account_no IS NULL) OR fund_account IS NOT NULL),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE ledger_account_balances (
        account_code text PRIMARY KEY REFERENCES ledger_accounts(code),
        non_negative boolean NOT NULL,
        debit_total numeric(18,2) NOT NULL DEFAULT 0 CHECK (debit_total >= 0),
        credit_total numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit_total >= 0),
        -- on the account's normal side
        balance numeric(18,2) NOT NULL DEFAULT 0,
        entry_count bigint NOT NULL DEFAULT 0,
        CONSTRAINT ledger_balance_non_negative CHECK (NOT non_negative OR balance >= 0)
      )`);

    await q.query(`
      CREATE TABLE ledger_templates (
        kind text NOT NULL,
        debit_account text NOT NULL REFERENCES ledger_accounts(code),
        credit_account text NOT NULL REFERENCES ledger_accounts(code),
        article text NOT NULL,
        PRIMARY KEY (kind, debit_account, credit_account),
        CHECK (debit_account <> credit_account)
      )`);

    await q.query(`
      CREATE TABLE ledger_transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- posting order: the tie-breaker that makes journal pages stable
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        posted_at timestamptz NOT NULL DEFAULT now(),
        business_date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CAPITAL_INJECTION','COMPENSATION_PAYOUT','RECOVERY_RECEIVABLE',
          'REMITTANCE_RECEIVED','INTEREST_INCOME','PROGRAMME_COST','TERMINATION_RETURN','REVERSAL')),
        memo text NOT NULL DEFAULT '' CHECK (length(memo) <= 500),
        reference_type text CHECK (length(reference_type) BETWEEN 1 AND 50),
        reference_id text CHECK (length(reference_id) BETWEEN 1 AND 100),
        CHECK ((reference_type IS NULL) = (reference_id IS NULL)),
        -- the client's key (TigerBeetle): the same key again returns the first posting
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        -- a correction names what it reverses; each original at most once
        reverses_transaction_id uuid UNIQUE REFERENCES ledger_transactions(id),
        CHECK ((kind = 'REVERSAL') = (reverses_transaction_id IS NOT NULL)),
        -- who posted it; both NULL for the system's own set-up posting
        created_by_user_id uuid REFERENCES users(id),
        created_by_org_id uuid REFERENCES organizations(id),
        -- the database transaction that wrote it (set by trigger): only it may add lines
        created_txid bigint NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ledger_transactions_reference_idx ON ledger_transactions (reference_type, reference_id)`,
    );

    await q.query(`
      CREATE TABLE ledger_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger_transactions(id),
        account_code text NOT NULL REFERENCES ledger_accounts(code),
        debit numeric(18,2) NOT NULL DEFAULT 0,
        credit numeric(18,2) NOT NULL DEFAULT 0,
        -- exactly one side positive, neither negative
        CONSTRAINT ledger_entry_one_side CHECK (debit >= 0 AND credit >= 0 AND ((debit > 0) <> (credit > 0)))
      )`);
    await q.query(`CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id)`);
    await q.query(`CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_code, id DESC)`);

    // ---- the chart of accounts (mirrors ledger.chart.ts) ----
    await q.query(`
      CREATE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO ledger_account_balances (account_code, non_negative) VALUES (NEW.code, NEW.non_negative);
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.code = OLD.code AND NEW.type = OLD.type AND NEW.normal_side = OLD.normal_side
           AND NEW.fund_account IS NOT DISTINCT FROM OLD.fund_account AND NEW.non_negative = OLD.non_negative THEN
          RETURN NEW; -- names and the deposit bank may change; what the account is may not
        END IF;
        RAISE EXCEPTION 'ledger_accounts: % of account % refused (only names and the deposit bank may change)',
          TG_OP, COALESCE(OLD.code, NEW.code) USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE OR DELETE ON ledger_accounts
      FOR EACH ROW EXECUTE FUNCTION ledger_account_guard()`);
    await q.query(`
      CREATE TRIGGER ledger_accounts_open_balance AFTER INSERT ON ledger_accounts
      FOR EACH ROW EXECUTE FUNCTION ledger_account_guard()`);
    await q.query(`
      CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    // ---- balances: written only by the triggers below ----
    await q.query(`
      CREATE FUNCTION ledger_balances_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- depth 1 = a statement typed by someone; the ledger's own triggers run at depth >= 2
        IF TG_OP <> 'DELETE' AND pg_trigger_depth() >= 2 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'ledger_account_balances is maintained by the ledger: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_balances_guard BEFORE INSERT OR UPDATE OR DELETE ON ledger_account_balances
      FOR EACH ROW EXECUTE FUNCTION ledger_balances_guard()`);
    await q.query(`
      CREATE TRIGGER ledger_balances_no_truncate BEFORE TRUNCATE ON ledger_account_balances
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      INSERT INTO ledger_accounts (code, name_zh, name_en, type, normal_side, fund_account) VALUES
        ('100201', '专户本金',       'Special account: principal',             'ASSET',   'DEBIT',  'PRINCIPAL'),
        ('100202', '利息二级子账户', 'Special account: interest sub-account',  'ASSET',   'DEBIT',  'INTEREST'),
        ('1221',   '应收追偿返还款', 'Recoveries receivable from banks',       'ASSET',   'DEBIT',  NULL),
        ('3001',   '财政出资',       'Fund capital (district government)',     'EQUITY',  'CREDIT', NULL),
        ('3002',   '返还出资人',     'Returned to the funder on termination',  'EQUITY',  'DEBIT',  NULL),
        ('4001',   '追偿返还收入',   'Recovery income',                        'INCOME',  'CREDIT', NULL),
        ('4002',   '利息收入',       'Interest income',                        'INCOME',  'CREDIT', NULL),
        ('5001',   '风险补偿支出',   'Compensation paid',                      'EXPENSE', 'DEBIT',  NULL),
        ('5002',   '相关成本费用',   'Programme costs',                        'EXPENSE', 'DEBIT',  NULL)`);

    // ---- the movements the measures allow (mirrors POSTING_TEMPLATES) ----
    await q.query(`
      INSERT INTO ledger_templates (kind, debit_account, credit_account, article) VALUES
        ('CAPITAL_INJECTION',   '100201', '3001',   'Art 3'),
        ('COMPENSATION_PAYOUT', '5001',   '100201', 'Art 7'),
        ('RECOVERY_RECEIVABLE', '1221',   '4001',   'Art 18'),
        ('REMITTANCE_RECEIVED', '100201', '1221',   'Art 18'),
        ('INTEREST_INCOME',     '100202', '4002',   'Art 10'),
        ('PROGRAMME_COST',      '5002',   '100202', 'Art 10'),
        ('TERMINATION_RETURN',  '3002',   '100201', 'Art 24'),
        ('TERMINATION_RETURN',  '3002',   '100202', 'Art 24')`);
    await q.query(`
      CREATE TRIGGER ledger_templates_fixed BEFORE UPDATE OR DELETE ON ledger_templates
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER ledger_templates_no_truncate BEFORE TRUNCATE ON ledger_templates
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    // ---- transactions: stamped, then checked at COMMIT ----
    await q.query(`
      CREATE FUNCTION ledger_transaction_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.created_txid := txid_current();
        NEW.posted_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_transactions_stamp BEFORE INSERT ON ledger_transactions
      FOR EACH ROW EXECUTE FUNCTION ledger_transaction_stamp()`);

    await q.query(`
      CREATE FUNCTION ledger_check_transaction(txn uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        t ledger_transactions%ROWTYPE;
        original_kind text;
        total_debit numeric;
        total_credit numeric;
        lines integer;
        stray text;
      BEGIN
        SELECT * INTO t FROM ledger_transactions WHERE id = txn;
        SELECT COALESCE(sum(debit), 0), COALESCE(sum(credit), 0), count(*)
          INTO total_debit, total_credit, lines
          FROM ledger_entries WHERE transaction_id = txn;
        IF lines < 2 THEN
          RAISE EXCEPTION 'ledger transaction % (%) has % line(s): a posting needs a debit and a credit', t.seq, t.kind, lines
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
        END IF;
        IF total_debit <> total_credit THEN
          RAISE EXCEPTION 'ledger transaction % (%) is unbalanced: debits % <> credits %', t.seq, t.kind, total_debit, total_credit
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
        END IF;
        IF t.kind = 'REVERSAL' THEN
          SELECT kind INTO original_kind FROM ledger_transactions WHERE id = t.reverses_transaction_id;
          IF original_kind = 'REVERSAL' THEN
            RAISE EXCEPTION 'ledger transaction % reverses a reversal: post the original movement again instead', t.seq
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_reversal_mirror';
          END IF;
          -- per account, the reversal's net movement is exactly the opposite of the original's
          IF EXISTS (
            SELECT 1
              FROM (SELECT account_code, sum(debit - credit) AS net FROM ledger_entries
                     WHERE transaction_id = t.id GROUP BY account_code) r
              FULL JOIN (SELECT account_code, sum(credit - debit) AS net FROM ledger_entries
                     WHERE transaction_id = t.reverses_transaction_id GROUP BY account_code) o
                USING (account_code)
             WHERE r.net IS DISTINCT FROM o.net) THEN
            RAISE EXCEPTION 'ledger transaction % does not mirror the transaction it reverses', t.seq
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_reversal_mirror';
          END IF;
        ELSE
          -- Art 7: only the movements in ledger_templates exist
          SELECT string_agg(e.account_code || CASE WHEN e.debit > 0 THEN ' Dr' ELSE ' Cr' END, ', ')
            INTO stray
            FROM ledger_entries e
           WHERE e.transaction_id = t.id
             AND NOT EXISTS (
               SELECT 1 FROM ledger_templates p
                WHERE p.kind = t.kind
                  AND ((e.debit > 0 AND p.debit_account = e.account_code)
                    OR (e.credit > 0 AND p.credit_account = e.account_code)));
          IF stray IS NOT NULL THEN
            RAISE EXCEPTION 'Art 7: a % may not move money through %', t.kind, stray
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_movement_allowed';
          END IF;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION ledger_check_transaction_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'ledger_entries' THEN
          PERFORM ledger_check_transaction(NEW.transaction_id);
        ELSE
          PERFORM ledger_check_transaction(NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_transactions_checked AFTER INSERT ON ledger_transactions
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_trigger()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_entries_checked AFTER INSERT ON ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_trigger()`);

    // ---- lines: only with their header, and they move the balances at once ----
    await q.query(`
      CREATE FUNCTION ledger_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        header_txid bigint;
      BEGIN
        SELECT created_txid INTO header_txid FROM ledger_transactions WHERE id = NEW.transaction_id;
        IF header_txid IS DISTINCT FROM txid_current() THEN
          RAISE EXCEPTION 'ledger transaction % is already posted: lines cannot be added to it', NEW.transaction_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_guard BEFORE INSERT ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_guard()`);
    await q.query(`
      CREATE FUNCTION ledger_entry_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        side text;
      BEGIN
        SELECT normal_side INTO side FROM ledger_accounts WHERE code = NEW.account_code;
        -- Row lock on the account's balance until COMMIT; the CHECK refuses a negative balance here and now.
        UPDATE ledger_account_balances
           SET debit_total = debit_total + NEW.debit,
               credit_total = credit_total + NEW.credit,
               balance = balance + CASE WHEN side = 'DEBIT' THEN NEW.debit - NEW.credit ELSE NEW.credit - NEW.debit END,
               entry_count = entry_count + 1
         WHERE account_code = NEW.account_code;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_apply AFTER INSERT ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_apply()`);

    // ---- append-only (refuse_change() comes from the ActivityLog migration) ----
    for (const table of ['ledger_transactions', 'ledger_entries']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE ledger_entries, ledger_transactions, ledger_templates, ledger_account_balances, ledger_accounts`,
    );
    await q.query(`DROP FUNCTION ledger_entry_apply(), ledger_entry_guard(), ledger_check_transaction_trigger(), ledger_check_transaction(uuid),
      ledger_transaction_stamp(), ledger_balances_guard(), ledger_account_guard()`);
  }
}
