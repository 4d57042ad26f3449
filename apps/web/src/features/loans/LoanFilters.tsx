import { useQuery } from '@apollo/client/react';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { setHashParams } from '../../app/useHashPath';
import { useViewerPermissions } from '../../app/useViewer';
import { PARTNERS_QUERY } from '../partners/partners.graphql';
import { loanStatusLabel } from './loanDisplay';
import { LOAN_STATUSES, type LoanListState } from './loanListState';

/**
 * 贷款台账's search and filters. Each change goes to the URL (the hash query), which the page reads
 * back: the URL is the one source of the list's state, so it can be linked, reloaded and exported.
 * The bank and guarantor choices appear to those who see several partners.
 */
export function LoanFilters({ state }: { state: LoanListState }) {
  const { t } = useTranslation();
  const { reads } = useViewerPermissions();
  const partners = useQuery(PARTNERS_QUERY, { skip: !reads('Partner') }).data?.partners ?? [];
  const banks = partners.filter((p) => p.kind === 'LENDING_BANK');
  const guarantors = partners.filter((p) => p.kind === 'GUARANTOR');
  const f = state.filter;
  const set = (changes: Record<string, string | null>) => setHashParams(changes);

  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="loan-filters">
      <Input.Search
        allowClear
        placeholder={t('loans.field.contractNo')}
        defaultValue={f.contractNo ?? ''}
        onSearch={(v) => set({ contractNo: v.trim() || null })}
        style={{ width: 180 }}
        aria-label={t('loans.field.contractNo')}
      />
      <Input.Search
        allowClear
        placeholder={t('loans.filters.enterprisePlaceholder')}
        defaultValue={f.enterprise ?? ''}
        onSearch={(v) => set({ enterprise: v.trim() || null })}
        style={{ width: 200 }}
        aria-label={t('loans.field.enterprise')}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('loans.field.status')}
        value={f.status ?? []}
        options={LOAN_STATUSES.map((s) => ({ value: s, label: loanStatusLabel(s) }))}
        onChange={(v: string[]) => set({ status: v.length ? v.join(',') : null })}
        style={{ minWidth: 140 }}
        maxTagCount="responsive"
        aria-label={t('loans.field.status')}
      />
      {banks.length > 1 && (
        <Select
          allowClear
          placeholder={t('loans.field.bank')}
          value={f.bankId == null ? undefined : String(f.bankId)}
          options={banks.map((b) => ({ value: b.id, label: b.shortName ?? b.name }))}
          onChange={(v?: string) => set({ bankId: v ?? null })}
          style={{ width: 160 }}
          aria-label={t('loans.field.bank')}
        />
      )}
      {guarantors.length > 1 && (
        <Select
          allowClear
          placeholder={t('loans.field.guarantor')}
          value={f.guarantorId == null ? undefined : String(f.guarantorId)}
          options={guarantors.map((g) => ({ value: g.id, label: g.shortName ?? g.name }))}
          onChange={(v?: string) => set({ guarantorId: v ?? null })}
          style={{ width: 160 }}
          aria-label={t('loans.field.guarantor')}
        />
      )}
      <InputNumber
        min={0}
        precision={0}
        placeholder={t('loans.filters.overdueMin')}
        value={f.overdueDaysMin ?? null}
        onChange={(v) => set({ overdueDaysMin: v === null ? null : String(v) })}
        style={{ width: 130 }}
        aria-label={t('loans.filters.overdueMinLabel')}
      />
      <DatePicker.RangePicker
        placeholder={[t('loans.filters.issuedFrom'), t('loans.filters.issuedTo')]}
        value={[f.issuedFrom ? dayjs(f.issuedFrom) : null, f.issuedTo ? dayjs(f.issuedTo) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          set({
            issuedFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
            issuedTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
          })
        }
        style={{ width: 250 }}
      />
    </Space>
  );
}
