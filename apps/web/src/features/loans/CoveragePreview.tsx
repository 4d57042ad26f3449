import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Form, Spin, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { LoanPurpose, PreviewLoanCoverageInput } from '../../gql/graphql';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatRate } from '../partners/partnerDisplay';
import { normalizeYuan, reasonText } from './loanDisplay';

/** The preview's input (generated from the schema, apps/web/codegen.ts). */
type PreviewInput = PreviewLoanCoverageInput;

/** Issue 11: the verdict registration would give, by the same rule, before anything is stored. */
export const PREVIEW_LOAN_COVERAGE_QUERY = graphql(`
  query PreviewLoanCoverage($input: PreviewLoanCoverageInput!) {
    previewLoanCoverage(input: $input) {
      verdict
      verdictLabel
      tier
      tierCapRate
      loanKind
      reasons {
        article
        code
        message
      }
    }
  }
`);

/** The form's values as the preview's input, or null while something it needs is missing or malformed. */
function previewInput(form: FormInstance): PreviewInput | null {
  const v = form.getFieldsValue(true) as {
    enterpriseId?: string;
    principal?: string;
    kind?: 'PURE' | 'COMBINATION';
    ipPledgedPrincipal?: string;
    guarantorId?: string;
    issuedOn?: Dayjs;
    purpose?: LoanPurpose;
    collateralIds?: string[];
  };
  const principal = normalizeYuan(v.principal ?? '');
  const ip = v.kind === 'COMBINATION' ? normalizeYuan(v.ipPledgedPrincipal ?? '') : principal;
  if (!v.enterpriseId || !principal || !ip || !v.issuedOn || !v.purpose) return null;
  return {
    enterpriseId: v.enterpriseId,
    principal,
    ipPledgedPrincipal: ip,
    guarantorId: v.guarantorId ?? null,
    issuedOn: v.issuedOn.format('YYYY-MM-DD'),
    purpose: v.purpose,
    collateralIds: v.collateralIds ?? [],
  };
}

/**
 * 补偿预判: while the form is filled, the coverage verdict (纳入补偿 / 不予补偿) with every reason and its
 * article and the applicable tier — asked of the API (previewLoanCoverage), which applies the same rule
 * to the same facts as registration. Re-asked half a second after the last change.
 */
export function CoveragePreview({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const values = Form.useWatch([], form) as unknown;
  const [input, setInput] = useState<PreviewInput | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setInput(previewInput(form)), 500);
    return () => clearTimeout(timer);
  }, [values, form]);
  const { data, previousData, loading, error } = useQuery(PREVIEW_LOAN_COVERAGE_QUERY, {
    variables: { input: input! },
    skip: input === null,
    fetchPolicy: 'network-only',
  });
  if (input === null) {
    return <Alert type="info" showIcon title={t('loans.preview.incomplete')} />;
  }
  if (error) return <ErrorAlert title={t('loans.preview.unavailable')} error={error} />;
  const p = (data ?? previousData)?.previewLoanCoverage;
  if (!p) return <Spin size="small" />;
  return (
    <Alert
      data-testid="coverage-preview"
      type={p.verdict === 'COVERED' ? 'success' : 'warning'}
      showIcon
      title={
        <>
          {t('loans.preview.title', { verdict: t(`loans.coverage.${p.verdict}`) })}
          {p.verdict === 'COVERED' &&
            t(p.tier === 'HIGH' ? 'loans.preview.tierHigh' : 'loans.preview.tierLow', {
              rate: formatRate(p.tierCapRate).replace('%', ''),
            })}
          {loading && <Spin size="small" style={{ marginLeft: 8 }} />}
        </>
      }
      description={
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {/* Covered: every condition met; not covered: the conditions that failed (each with its article). */}
          {p.reasons.map((r) => (
            <li key={r.code}>{reasonText(r)}</li>
          ))}
        </ul>
      }
    />
  );
}
