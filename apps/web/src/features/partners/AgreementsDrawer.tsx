import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, DatePicker, Divider, Drawer, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { mutationErrorText } from './mutationError';
import { AGREEMENT_PHASE_LABELS, agreementPhase, formatRate, percentToRate } from './partnerDisplay';
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

/** 合作协议: a bank's agreement versions (Art 8, 11, 14), newest first; admins add a version. */
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
      title: '资金补偿比例（单笔500万以下）',
      dataIndex: 'fundRateLowTier',
      align: 'right',
      render: (v: string) => formatRate(v),
    },
    {
      title: '资金补偿比例（500万及以上）',
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
      message.error(mutationErrorText(err));
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
        协议按生效日期分版本记录，已登记的版本不作修改；某日适用的版本为生效日期不晚于该日的最新版本（第八条）。
        资金补偿比例不得高于第十一条规定的档位上限，担保机构分担比例不得低于第十四条规定的比例。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title="合作协议加载失败" description={error.message} />}
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
            <Form.Item name="fundRateLowTier" label="500万以下（%）" rules={[percentRule(true)]}>
              <Input style={{ width: 90 }} placeholder="如 30" />
            </Form.Item>
            <Form.Item name="fundRateHighTier" label="500万及以上（%）" rules={[percentRule(true)]}>
              <Input style={{ width: 90 }} placeholder="如 20" />
            </Form.Item>
            <Form.Item name="guarantorRate" label="担保分担（%）" rules={[percentRule(false)]}>
              <Input style={{ width: 90 }} placeholder="如 40" />
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
