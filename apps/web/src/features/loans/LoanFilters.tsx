import { useQuery } from '@apollo/client/react';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
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
        placeholder="合同编号"
        defaultValue={f.contractNo ?? ''}
        onSearch={(v) => set({ contractNo: v.trim() || null })}
        style={{ width: 180 }}
        aria-label="合同编号"
      />
      <Input.Search
        allowClear
        placeholder="企业名称或信用代码"
        defaultValue={f.enterprise ?? ''}
        onSearch={(v) => set({ enterprise: v.trim() || null })}
        style={{ width: 200 }}
        aria-label="企业"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder="状态"
        value={f.status ?? []}
        options={LOAN_STATUSES.map((s) => ({ value: s, label: loanStatusLabel(s) }))}
        onChange={(v: string[]) => set({ status: v.length ? v.join(',') : null })}
        style={{ minWidth: 140 }}
        maxTagCount="responsive"
        aria-label="状态"
      />
      {banks.length > 1 && (
        <Select
          allowClear
          placeholder="贷款银行"
          value={f.bankId == null ? undefined : String(f.bankId)}
          options={banks.map((b) => ({ value: b.id, label: b.shortName ?? b.name }))}
          onChange={(v?: string) => set({ bankId: v ?? null })}
          style={{ width: 160 }}
          aria-label="贷款银行"
        />
      )}
      {guarantors.length > 1 && (
        <Select
          allowClear
          placeholder="担保机构"
          value={f.guarantorId == null ? undefined : String(f.guarantorId)}
          options={guarantors.map((g) => ({ value: g.id, label: g.shortName ?? g.name }))}
          onChange={(v?: string) => set({ guarantorId: v ?? null })}
          style={{ width: 160 }}
          aria-label="担保机构"
        />
      )}
      <InputNumber
        min={0}
        precision={0}
        placeholder="逾期天数 ≥"
        value={f.overdueDaysMin ?? null}
        onChange={(v) => set({ overdueDaysMin: v === null ? null : String(v) })}
        style={{ width: 130 }}
        aria-label="最少逾期天数"
      />
      <DatePicker.RangePicker
        placeholder={['放款日起', '放款日止']}
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
