import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, DatePicker, Divider, Drawer, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { formatWan } from '../../lib/money';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import {
  AGREEMENT_PHASE_LABELS,
  agreementPhase,
  articleZh,
  formatRate,
  percentToRate,
} from './partnerDisplay';
import { AGREEMENTS_QUERY, RECORD_AGREEMENT, type AgreementRow } from './partners.graphql';

interface AgreementForm {
  effectiveFrom: Dayjs;
  fundRateLowTier: string;
  fundRateHighTier: string;
  guarantorRate?: string;
}

const percentRule = (required: boolean) => ({
  validator(_: unknown, value: string | undefined) {
    if (!value?.trim()) return required ? Promise.reject(new Error('请填写比例')) : Promise.resolve();
    return percentToRate(value) === null
      ? Promise.reject(new Error('请输入 0–100 之间的百分比，最多两位小数'))
      : Promise.resolve();
  },
});

/** "（第八条）" for a provision of the policy in force; nothing when it has none. */
function citeProvision(policy: Policy | undefined, key: string): string {
  const article = provisionArticle(policy, key);
  return article ? `（${articleZh(article)}）` : '';
}

/** A placeholder from the policy's limit: "≤ 30", "≥ 40" (percent, as typed in the field). */
function cap(sign: '≤' | '≥', rate: string | undefined): string | undefined {
  return rate === undefined ? undefined : `${sign} ${formatRate(rate).replace('%', '')}`;
}

/** The tier names of the policy in force: "单笔500万以下" / "500万及以上" (R5.2: below the threshold is low). */
function tierNames(policy: Policy | undefined): { low: string; high: string } {
  if (!policy) return { low: '低档', high: '高档' };
  const threshold = formatWan(policy.tierThreshold.value);
  return { low: `单笔${threshold}以下`, high: `${threshold}及以上` };
}

/** 合作协议: a bank's agreement versions (Art 8, 11, 14), newest first; `agreement.record` adds a version. */
export function AgreementsDrawer({
  bank,
  canRecord,
  onClose,
}: {
  bank: { id: string; name: string } | null;
  canRecord: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const policy = usePolicy();
  const tiers = tierNames(policy);
  const [form] = Form.useForm<AgreementForm>();
  const { data, loading, error } = useQuery(AGREEMENTS_QUERY, {
    variables: { bankId: bank?.id ?? '' },
    skip: !bank,
    fetchPolicy: 'cache-and-network',
  });
  const [record, { loading: saving }] = useMutation(RECORD_AGREEMENT, {
    refetchQueries: ['Agreements'],
  });
  const rows = data?.agreements ?? [];
  const inForceFrom = rows.find((r) => r.inForce)?.effectiveFrom ?? null;

  const columns: TableColumnsType<AgreementRow> = [
    { title: '生效日期', dataIndex: 'effectiveFrom' },
    {
      title: `资金补偿比例（${tiers.low}）`,
      dataIndex: 'fundRateLowTier',
      align: 'right',
      render: (v: string) => formatRate(v),
    },
    {
      title: `资金补偿比例（${tiers.high}）`,
      dataIndex: 'fundRateHighTier',
      align: 'right',
      render: (v: string) => formatRate(v),
    },
    {
      title: '担保机构分担比例',
      dataIndex: 'guarantorRate',
      align: 'right',
      render: (v: string | null) => formatRate(v),
    },
    {
      title: '状态',
      key: 'phase',
      render: (_: unknown, row: AgreementRow) => {
        const phase = AGREEMENT_PHASE_LABELS[agreementPhase(row, inForceFrom)];
        return <Tag color={phase.color}>{phase.label}</Tag>;
      },
    },
    { title: '登记日期', dataIndex: 'recordedOn' },
  ];

  async function submit(values: AgreementForm) {
    if (!bank) return;
    try {
      await record({
        variables: {
          input: {
            bankId: bank.id,
            effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
            fundRateLowTier: percentToRate(values.fundRateLowTier)!,
            fundRateHighTier: percentToRate(values.fundRateHighTier)!,
            guarantorRate: values.guarantorRate?.trim() ? percentToRate(values.guarantorRate) : null,
          },
        },
      });
      message.success('已登记新版本合作协议');
      form.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Drawer
      title={bank ? `合作协议 · ${bank.name}` : '合作协议'}
      size={860}
      open={!!bank}
      onClose={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        协议按生效日期分版本记录，已登记的版本不作修改；某日适用的版本为生效日期不晚于该日的最新版本
        {citeProvision(policy, 'partnerSelection')}。
        {policy &&
          `资金补偿比例不得高于档位上限（${tiers.low} ${formatRate(policy.lowTierCapRate.value)}，${tiers.high} ${formatRate(policy.highTierCapRate.value)}，${articleZh(policy.lowTierCapRate.article)}），担保机构分担比例不得低于 ${formatRate(policy.minGuarantorRate.value)}（${articleZh(policy.minGuarantorRate.article)}）。`}
      </Typography.Paragraph>
      {error && <ErrorAlert title="合作协议加载失败" error={error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: '尚无合作协议' }}
      />
      {canRecord && (
        <>
          <Divider titlePlacement="start">登记新版本</Divider>
          <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
            <Form.Item
              name="effectiveFrom"
              label="生效日期"
              rules={[{ required: true, message: '请选择生效日期' }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="fundRateLowTier" label={`${tiers.low}（%）`} rules={[percentRule(true)]}>
              <Input style={{ width: 110 }} placeholder={cap('≤', policy?.lowTierCapRate.value)} />
            </Form.Item>
            <Form.Item name="fundRateHighTier" label={`${tiers.high}（%）`} rules={[percentRule(true)]}>
              <Input style={{ width: 110 }} placeholder={cap('≤', policy?.highTierCapRate.value)} />
            </Form.Item>
            <Form.Item name="guarantorRate" label="担保分担（%）" rules={[percentRule(false)]}>
              <Input style={{ width: 110 }} placeholder={cap('≥', policy?.minGuarantorRate.value)} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                登记
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
