import {
  DEFAULT_POLICY_SET_ID,
  findPolicySet,
  selectPolicy,
  type IsoDate,
  type PolicyParameters,
} from '@ipfund/policy';
import type { EntityManager } from 'typeorm';

/**
 * The scale generator (issue 10): tops a database that already holds the demo up to a portfolio of
 * production size — by default 20 banks, 10 guarantors, 50,000 enterprises and 200,000 loans, the
 * same number per bank (bank-a owns 10,000) — for `pnpm bench` and for sizing a deployment.
 *
 * Everything is set-based SQL over generate_series, run as the owner in one transaction, and
 * deterministic: every pseudo-random choice is `hashtext` of a salt and the row's number, and ids of
 * new rows come from md5 of their number, so two runs with the same arguments give the same data.
 * Running it again with the same sizes adds nothing; larger sizes add only what is missing, so one
 * database can be grown 1k → 20k → 200k between bench runs.
 *
 * The shape: credit codes with a valid GB 32100-2015 check character (computed in SQL with the
 * weights of modules/enterprise/credit-code.ts), issue dates over the three years before the
 * business date, one- to three-year terms, 40 % three-party loans, 2.5 % uncovered (a forbidden
 * purpose, Art 13), most matured loans closed, and an overdue spread of 85 % current, 10 % a few
 * days late, 3 % 15–59 days (in the risk ratio) and 2 % 60+ days (claimable); a third of the
 * claimable loans carry an open claim (submitted, confirmed, verified or returned — nothing paid, so
 * the fund's ledger and state stay as the demo left them). New banks and guarantors get one user
 * each (`scale-bank-04` …, `scale-guarantor-03` …) with the demo password, and banks an agreement.
 */
export interface ScaleOptions {
  /** Total loans wanted (all banks); each bank gets loans / banks. */
  loans: number;
  banks: number;
  guarantors: number;
  /** Total enterprises wanted in the library. */
  enterprises: number;
  /** The business date the portfolio is generated around (YYYY-MM-DD). */
  businessDate: string;
}

export interface ScaleResult {
  banks: number;
  guarantors: number;
  enterprises: number;
  loans: number;
  claims: number;
  /** Rows added by this run, per table. */
  added: Record<string, number>;
}

export const DEFAULT_SCALE = { loans: 200_000, banks: 20, guarantors: 10 } as const;

/** Enterprises for a number of loans when none is given: 4 loans per enterprise (50,000 for 200,000). */
export function defaultEnterprises(loans: number): number {
  return Math.max(10, Math.ceil(loans / 4));
}

/** Refuses sizes the generator cannot honour (a bad CLI argument fails before any SQL). */
export function scaleProblems(o: ScaleOptions): string[] {
  const problems: string[] = [];
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(o.loans, 1, 10_000_000)) problems.push('--loans must be a whole number from 1 to 10,000,000');
  if (!whole(o.banks, 1, 500)) problems.push('--banks must be a whole number from 1 to 500');
  if (!whole(o.guarantors, 1, 200)) problems.push('--guarantors must be a whole number from 1 to 200');
  if (!whole(o.enterprises, 1, 5_000_000))
    problems.push('--enterprises must be a whole number from 1 to 5,000,000');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.businessDate)) problems.push('--business-date must be YYYY-MM-DD');
  return problems;
}

/** A deterministic number in [0, m) from a salt and a row number (SQL). */
const h = (salt: string, k: string, m: number) => `(abs(hashtext('${salt}' || ${k}::text)::bigint) % ${m})`;

/** GB 32100-2015 check character of a 17-character SQL expression (credit-code.ts, in SQL). */
function creditCodeSql(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = '1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28';
  return `(${first17} || substr('${alphabet}', ((31 - (
      SELECT sum((strpos('${alphabet}', substr(${first17}, i, 1)) - 1) * (ARRAY[${weights}])[i])::int
        FROM generate_series(1, 17) i) % 31) % 31) + 1, 1))`;
}

/** The same base-31 body (no I, O, S, V, Z) for a number, `width` characters. */
function base31Sql(n: string, width: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const digits = Array.from(
    { length: width },
    (_, i) => `substr('${alphabet}', ((${n} / ${31 ** (width - 1 - i)}) % 31)::int + 1, 1)`,
  );
  return `(${digits.join(' || ')})`;
}

async function count(em: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await em.query(sql, params)) as { n: string | number }[];
  return Number(row.n);
}

async function added(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = (await em.query(`WITH ins AS (${sql} RETURNING 1) SELECT count(*) AS n FROM ins`, params)) as {
    n: string;
  }[];
  return Number(rows[0].n);
}

/** The default set's measures in force on the business date (what a portal on that date applies). */
function policyOn(date: IsoDate): PolicyParameters {
  const policy = selectPolicy(findPolicySet(DEFAULT_POLICY_SET_ID)?.versions ?? [], date);
  if (!policy) throw new Error(`No measures in force on ${date}`);
  return policy;
}

/**
 * Tops the database up to `opts` (see the file comment). Needs the demo (its manager and bank-a):
 * the new users share bank-a's password hash and agreements are recorded by the demo manager.
 */
export async function generateScale(em: EntityManager, opts: ScaleOptions): Promise<ScaleResult> {
  const problems = scaleProblems(opts);
  if (problems.length) throw new Error(problems.join('; '));
  const bd = opts.businessDate;
  const perBank = Math.floor(opts.loans / opts.banks);
  // The articles, purposes and rates the generated rows cite come from the measures in force.
  const policy = policyOn(bd as IsoDate);
  const purposes = policy.allowedLoanPurposes;
  const sharing = policy.provisions.riskSharing.article;
  const result: Record<string, number> = {};

  const [demo] = (await em.query(
    `SELECT m.id AS manager_id, m.organization_id AS manager_org, b.password_hash
       FROM users m, users b WHERE m.username = 'manager' AND b.username = 'bank-a'`,
  )) as { manager_id: string; manager_org: string; password_hash: string }[];
  if (!demo)
    throw new Error(
      'The scale generator needs the demo data (users manager and bank-a): start with --demo first',
    );

  // ---- partners: banks and guarantors up to the wanted numbers, one user each, agreements ----
  for (const [kind, wanted, prefix, label] of [
    ['LENDING_BANK', opts.banks, 'scale-bank', '规模测试银行'],
    ['GUARANTOR', opts.guarantors, 'scale-guarantor', '规模测试融资担保有限公司'],
  ] as const) {
    const have = await count(em, `SELECT count(*) AS n FROM organizations WHERE kind = $1`, [kind]);
    result[`${kind} organizations`] = await added(
      em,
      `INSERT INTO organizations (id, kind, name, short_name, licence_no)
       SELECT md5('scale-org-${kind}-' || g)::uuid, $1, '${label}' || lpad(g::text, 2, '0') || '号',
              '${label}' || lpad(g::text, 2, '0'), CASE WHEN $1 = 'GUARANTOR' THEN 'SC-LIC-' || g END
         FROM generate_series($2::int + 1, $3::int) g
       ON CONFLICT (name) DO NOTHING`,
      [kind, have, wanted],
    );
    result[`${kind} users`] = await added(
      em,
      `INSERT INTO users (id, organization_id, username, display_name, password_hash)
       SELECT md5('scale-user-' || o.id)::uuid, o.id,
              '${prefix}-' || lpad(substring(o.name from '(\\d+)号$'), 2, '0'), o.short_name || '操作员', $2
         FROM organizations o
        WHERE o.kind = $1 AND o.name LIKE '${label}%'
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id)`,
      [kind, demo.password_hash],
    );
  }
  result['cooperation agreements'] = await added(
    em,
    `INSERT INTO cooperation_agreements (bank_id, effective_from, fund_rate_low_tier, fund_rate_high_tier,
       guarantor_rate, recorded_on, recorded_by_user_id, recorded_by_org_id)
     SELECT o.id, ($1::date - 1000), 0.30, 0.20, 0.40, $1::date, $2, $3
       FROM organizations o
      WHERE o.kind = 'LENDING_BANK' AND NOT EXISTS (SELECT 1 FROM cooperation_agreements a WHERE a.bank_id = o.id)`,
    [bd, demo.manager_id, demo.manager_org],
  );

  // ---- the enterprise library, each with one patent ----
  const haveEnterprises = await count(em, `SELECT count(*) AS n FROM enterprises`);
  const industries = `(ARRAY['集成电路','生物医药','智能制造','新材料','软件信息','新能源汽车','节能环保','数字文创'])`;
  result.enterprises = await added(
    em,
    `INSERT INTO enterprises (id, name, credit_code, district, industry, created_by_org_id)
     SELECT md5('scale-enterprise-' || g)::uuid,
            '重庆规模测试' || ${industries}[${h('ind', 'g', 8)} + 1] || '企业' || g || '号有限公司',
            ${creditCodeSql(`('915001QX' || ${base31Sql('g', 9)})`)},
            '江北区', ${industries}[${h('ind', 'g', 8)} + 1],
            b.id
       FROM generate_series($1::int + 1, $2::int) g
       JOIN (SELECT (row_number() OVER (ORDER BY created_at, name) - 1)::int AS n, id
               FROM organizations WHERE kind = 'LENDING_BANK') b ON b.n = ${h('creator', 'g', opts.banks)}
     ON CONFLICT DO NOTHING`,
    [haveEnterprises, opts.enterprises],
  );
  result['ip assets'] = await added(
    em,
    `INSERT INTO ip_assets (id, enterprise_id, kind, registration_no, title)
     SELECT md5('scale-asset-' || e.id)::uuid, e.id, 'PATENT', 'ZLSC' || e.credit_code, e.industry || '核心专利'
       FROM enterprises e
      WHERE e.credit_code LIKE '915001QX%' AND NOT EXISTS (SELECT 1 FROM ip_assets a WHERE a.enterprise_id = e.id)`,
    [],
  );

  // ---- loans: each bank topped up to loans / banks ----
  result.loans = await added(
    em,
    `WITH banks AS (
       SELECT o.id, (row_number() OVER (ORDER BY o.created_at, o.name))::int AS bi,
              (SELECT count(*) FROM loans l WHERE l.bank_id = o.id)::int AS have,
              (SELECT count(*) FROM loans l WHERE l.bank_id = o.id AND l.contract_no LIKE 'SC-%')::int AS mine
         FROM organizations o WHERE o.kind = 'LENDING_BANK'),
     ents AS (SELECT (row_number() OVER (ORDER BY seq) - 1)::int AS n, id FROM enterprises),
     guars AS (SELECT (row_number() OVER (ORDER BY created_at, name) - 1)::int AS n, id
                 FROM organizations WHERE kind = 'GUARANTOR' AND status = 'ACTIVE'),
     wanted AS (
       SELECT b.id AS bank_id, b.bi, b.mine + g AS k, (b.bi * 10000000 + b.mine + g)::bigint AS key
         FROM banks b, generate_series(1, greatest($2::int - b.have, 0)) g),
     drawn AS (
       SELECT w.*,
              ${h('ent', 'w.key', 1_000_000_007)} % (SELECT count(*) FROM ents) AS ent_n,
              ${h('three', 'w.key', 10)} < 4 AS three_party,
              ${h('guar', 'w.key', 1_000_000_007)} % greatest((SELECT count(*) FROM guars), 1) AS guar_n,
              (ARRAY[500000, 1000000, 1500000, 2000000, 3000000, 5000000, 8000000, 10000000])[${h('amt', 'w.key', 8)} + 1]::numeric AS principal,
              ${h('pure', 'w.key', 10)} < 8 AS pure_ip,
              ($1::date - 1 - ${h('issued', 'w.key', 1095)}::int) AS issued_on,
              (12 * (1 + ${h('term', 'w.key', 3)}))::int AS term_months,
              ${h('late', 'w.key', 1000)} AS late,
              ${h('cov', 'w.key', 40)} <> 0 AS covered
         FROM wanted w),
     shaped AS (
       SELECT d.*, (d.issued_on + make_interval(months => d.term_months))::date AS matures_on,
              CASE WHEN d.pure_ip THEN d.principal ELSE round(d.principal * 0.6, 2) END AS ip_pledged,
              CASE WHEN d.late < 850 THEN NULL
                   WHEN d.late < 950 THEN 1 + d.late % 14
                   WHEN d.late < 980 THEN 15 + d.late % 45
                   ELSE 60 + (d.late * 7) % 180 END::int AS days_late
         FROM drawn d),
     final AS (
       SELECT s.*,
              -- Most matured loans are repaid; a few live ones are repaid early.
              ((s.matures_on < $1::date AND s.late % 10 < 8) OR s.late % 50 = 0) AND s.days_late IS NULL AS closed
         FROM shaped s)
     INSERT INTO loans (id, contract_no, bank_id, guarantor_id, enterprise_id, principal, ip_pledged_principal,
       outstanding_principal, issued_on, matures_on, purpose, earliest_unpaid_due_date, status, status_as_of,
       covered, coverage_reasons)
     SELECT md5('scale-loan-' || f.key)::uuid,
            'SC-' || lpad(f.bi::text, 2, '0') || '-' || lpad(f.k::text, 7, '0'),
            f.bank_id,
            CASE WHEN f.three_party THEN gu.id END,
            en.id,
            f.principal, f.ip_pledged,
            CASE WHEN f.closed THEN 0
                 ELSE greatest(round(f.principal * (1 - least(($1::date - f.issued_on)::numeric
                        / greatest((f.matures_on - f.issued_on), 1), 1) * 0.5), -3), 1000) END,
            f.issued_on, f.matures_on,
            CASE WHEN f.covered THEN ($3::text[])[f.late % cardinality($3::text[]) + 1]
                 ELSE 'EQUITY_INVESTMENT' END,
            CASE WHEN f.closed OR f.days_late IS NULL THEN NULL
                 ELSE greatest($1::date - f.days_late, f.issued_on) END,
            CASE WHEN f.closed THEN 'CLOSED' ELSE 'ACTIVE' END,
            $1::date,
            f.covered,
            CASE WHEN f.covered THEN jsonb_build_array(
                   jsonb_build_object('article', $4::text, 'code', 'PURPOSE_ALLOWED', 'message', 'Purpose is allowed'),
                   jsonb_build_object('article', $5::text, 'code', CASE WHEN f.pure_ip THEN 'PURE_IP' ELSE 'COMBINATION' END,
                                      'message', CASE WHEN f.pure_ip THEN 'Pure IP-pledge loan' ELSE 'Combination loan: the IP part is covered' END))
                 ELSE jsonb_build_array(jsonb_build_object('article', $4::text, 'code', 'PURPOSE_FORBIDDEN',
                        'message', 'Purpose EQUITY_INVESTMENT is not allowed')) END
       FROM final f JOIN ents en ON en.n = f.ent_n LEFT JOIN guars gu ON gu.n = f.guar_n
     ON CONFLICT DO NOTHING`,
    [bd, perBank, purposes.value, purposes.article, sharing],
  );
  // Each generated loan pledges its borrower's patent and has its registration report, as a
  // registration through the portal leaves them.
  result['loan collateral'] = await added(
    em,
    `INSERT INTO loan_collateral (loan_id, ip_asset_id)
     SELECT l.id, a.id FROM loans l JOIN ip_assets a ON a.enterprise_id = l.enterprise_id AND a.registration_no LIKE 'ZLSC%'
      WHERE l.contract_no LIKE 'SC-%' AND NOT EXISTS (SELECT 1 FROM loan_collateral c WHERE c.loan_id = l.id)`,
    [],
  );
  result['status reports'] = await added(
    em,
    `INSERT INTO loan_status_reports (loan_id, as_of, outstanding_principal, earliest_unpaid_due_date, closed,
       source, reported_by, organization_id, business_date)
     SELECT l.id, l.issued_on, l.principal, NULL, false, 'REGISTRATION',
            (SELECT u.id FROM users u WHERE u.organization_id = l.bank_id ORDER BY u.created_at, u.username LIMIT 1),
            l.bank_id, l.issued_on
       FROM loans l
      WHERE l.contract_no LIKE 'SC-%' AND NOT EXISTS (SELECT 1 FROM loan_status_reports r WHERE r.loan_id = l.id)`,
    [],
  );

  // ---- open claims on a third of the claimable (60+ days, covered) generated loans ----
  result.claims = await added(
    em,
    `WITH picked AS (
       SELECT l.*, ($1::date - l.earliest_unpaid_due_date) AS days,
              round(l.outstanding_principal * l.ip_pledged_principal / l.principal, 2) AS loss_base,
              (ARRAY['SUBMITTED','GUARANTOR_CONFIRMED','VERIFIED','RETURNED'])[${h('cst', 'l.seq', 4)} + 1] AS wanted
         FROM loans l
        WHERE l.contract_no LIKE 'SC-%' AND l.covered AND l.status = 'ACTIVE'
          AND l.earliest_unpaid_due_date <= $1::date - 60 AND ${h('claim', 'l.seq', 3)} = 0
          AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.loan_id = l.id)),
     split AS (
       SELECT p.*, round(p.loss_base * $2::numeric, 2) AS fund,
              CASE WHEN p.guarantor_id IS NULL THEN 0 ELSE round(p.loss_base * $3::numeric, 2) END AS guar,
              CASE WHEN p.wanted = 'GUARANTOR_CONFIRMED' AND p.guarantor_id IS NULL THEN 'SUBMITTED' ELSE p.wanted END AS claim_status
         FROM picked p)
     INSERT INTO claims (id, loan_id, bank_id, guarantor_id, enterprise_id, three_party, status, idempotency_key,
       filed_on, overdue_days_at_filing, outstanding_principal, loss_base, fund_share, guarantor_share, bank_share,
       limited_by, computation, policy_id)
     SELECT md5('scale-claim-' || s.id)::uuid, s.id, s.bank_id, s.guarantor_id, s.enterprise_id,
            s.guarantor_id IS NOT NULL, s.claim_status, 'scale-' || s.contract_no, $1::date, s.days,
            s.outstanding_principal, s.loss_base, s.fund, s.guar, s.loss_base - s.fund - s.guar, 'TIER_RATE',
            jsonb_build_object('asOf', $1::date, 'tier', 'LOW', 'fundRate', $2::text, 'tierCapRate', $2::text,
              'guarantorRate', CASE WHEN s.guarantor_id IS NULL THEN NULL ELSE $3::text END,
              'lossBase', s.loss_base::text, 'fundShare', s.fund::text, 'guarantorShare', s.guar::text,
              'bankShare', (s.loss_base - s.fund - s.guar)::text, 'limitedBy', 'TIER_RATE',
              'fundShareBeforeCaps', s.fund::text, 'fundShareAfterLoanCap', s.fund::text,
              'enterpriseYearCompensatedSoFar', '0.00',
              'reasons', jsonb_build_array(
                jsonb_build_object('article', $4::text, 'code', 'LOSS_BASE',
                  'message', 'B = outstanding × IP part ÷ principal = ' || s.loss_base),
                jsonb_build_object('article', $5::text, 'code', 'FUND_RATE', 'message', 'F0 = B × ' || $6::text || ' = ' || s.fund))),
            $7::text
       FROM split s`,
    [
      bd,
      policy.lowTierCapRate.value.toString(),
      policy.minGuarantorRate.value.toString(),
      sharing,
      policy.lowTierCapRate.article,
      policy.lowTierCapRate.value.toPercentString(),
      policy.id,
    ],
  );
  result['claim events'] = await added(
    em,
    `INSERT INTO claim_events (claim_id, action, from_status, to_status, user_id, organization_id, org_kind, business_date)
     SELECT c.id, 'SUBMIT', NULL, 'SUBMITTED',
            (SELECT u.id FROM users u WHERE u.organization_id = c.bank_id ORDER BY u.created_at, u.username LIMIT 1),
            c.bank_id, 'LENDING_BANK', c.filed_on
       FROM claims c WHERE c.idempotency_key LIKE 'scale-%'
        AND NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id)`,
    [],
  );
  await em.query(
    `UPDATE loans l SET status = 'IN_CLAIM'
       FROM claims c WHERE c.loan_id = l.id AND c.idempotency_key LIKE 'scale-%' AND l.status = 'ACTIVE'`,
  );

  const totals = (await em.query(
    `SELECT (SELECT count(*) FROM organizations WHERE kind = 'LENDING_BANK')::int AS banks,
            (SELECT count(*) FROM organizations WHERE kind = 'GUARANTOR')::int AS guarantors,
            (SELECT count(*) FROM enterprises)::int AS enterprises,
            (SELECT count(*) FROM loans)::int AS loans,
            (SELECT count(*) FROM claims)::int AS claims`,
  )) as Omit<ScaleResult, 'added'>[];
  return { ...totals[0], added: result };
}
