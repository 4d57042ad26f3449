import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, DatePicker, Divider, Drawer, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@ipfund/shared';
import { useLang } from '../../i18n';
import { provisionArticle } from '../../app/policy';
import { usePolicy } from '../../app/useViewer';
import type { Policy } from '../../app/viewer.graphql';
import { formatWan, formatYuan } from '../../lib/money';
import { ErrorAlert, errorText } from '../../lib/ErrorAlert';
import { agreementPhase, agreementPhaseLabel, articleZh, formatRate, percentToRate } from './partnerDisplay';
import { AGREEMENTS_QUERY, RECORD_AGREEMENT, type AgreementRow } from './partners.graphql';

interface AgreementForm {
  effectiveFrom: Dayjs;
  fundRateLowTier: string;
  fundRateHighTier: string;
  guarantorRate?: string;
}

const percentRule = (t: TFunction, required: boolean) => ({
  validator(_: unknown, value: string | undefined) {
    if (!value?.trim())
      return required ? Promise.reject(new Error(t('partners.agreements.rateRequired'))) : Promise.resolve();
    return percentToRate(value) === null
      ? Promise.reject(new Error(t('partners.agreements.percentInvalid')))
      : Promise.resolve();
  },
});

/** "（第八条）" / " (Art 8)" for a provision of the policy in force; nothing when it has none. */
function citeProvision(t: TFunction, policy: Policy | undefined, key: string): string {
  const article = provisionArticle(policy, key);
  return article ? t('partners.cite', { article: articleZh(article) }) : '';
}

/** A placeholder from the policy's limit: "≤ 30", "≥ 40" (percent, as typed in the field). */
function cap(sign: '≤' | '≥', rate: string | undefined): string | undefined {
  return rate === undefined ? undefined : `${sign} ${formatRate(rate).replace('%', '')}`;
}

/**
 * The tier names of the policy in force: "单笔500万以下" / "500万及以上", or "Below ¥5,000,000.00 per
 * loan" / "¥5,000,000.00 and above" (R5.2: below the threshold is low).
 */
function tierNames(t: TFunction, lang: Lang, policy: Policy | undefined): { low: string; high: string } {
  if (!policy)
    return { low: t('partners.agreements.tierLowDefault'), high: t('partners.agreements.tierHighDefault') };
  const value = policy.tierThreshold.value;
  const threshold = lang === 'en' ? formatYuan(value) : formatWan(value);
  return {
    low: t('partners.agreements.tierLow', { threshold }),
    high: t('partners.agreements.tierHigh', { threshold }),
  };
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
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const policy = usePolicy();
  const tiers = tierNames(t, lang, policy);
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
    { title: t('partners.agreements.effectiveFrom'), dataIndex: 'effectiveFrom' },
    {
      title: t('partners.agreements.fundRate', { tier: tiers.low }),
      dataIndex: 'fundRateLowTier',
      align: 'right',
      render: (v: string) => formatRate(v),
    },
    {
      title: t('partners.agreements.fundRate', { tier: tiers.high }),
      dataIndex: 'fundRateHighTier',
      align: 'right',
      render: (v: string) => formatRate(v),
    },
    {
      title: t('partners.agreements.guarantorRate'),
      dataIndex: 'guarantorRate',
      align: 'right',
      render: (v: string | null) => formatRate(v),
    },
    {
      title: t('partners.statusTitle'),
      key: 'phase',
      render: (_: unknown, row: AgreementRow) => {
        const phase = agreementPhaseLabel(agreementPhase(row, inForceFrom));
        return <Tag color={phase.color}>{phase.label}</Tag>;
      },
    },
    { title: t('partners.agreements.recordedOn'), dataIndex: 'recordedOn' },
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
      message.success(t('partners.agreements.recorded'));
      form.resetFields();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Drawer
      title={bank ? t('partners.agreements.title', { name: bank.name }) : t('partners.agreements.titleEmpty')}
      size={860}
      open={!!bank}
      onClose={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('partners.agreements.intro', { cite: citeProvision(t, policy, 'partnerSelection') })}
        {policy &&
          t('partners.agreements.limits', {
            low: tiers.low,
            lowCap: formatRate(policy.lowTierCapRate.value),
            high: tiers.high,
            highCap: formatRate(policy.highTierCapRate.value),
            capArticle: articleZh(policy.lowTierCapRate.article),
            minGuarantor: formatRate(policy.minGuarantorRate.value),
            guarantorArticle: articleZh(policy.minGuarantorRate.article),
          })}
      </Typography.Paragraph>
      {error && <ErrorAlert title={t('partners.agreements.loadFailed')} error={error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('partners.agreements.empty') }}
      />
      {canRecord && (
        <>
          <Divider titlePlacement="start">{t('partners.agreements.newVersion')}</Divider>
          <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
            <Form.Item
              name="effectiveFrom"
              label={t('partners.agreements.effectiveFrom')}
              rules={[{ required: true, message: t('partners.agreements.effectiveFromRequired') }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="fundRateLowTier"
              label={t('partners.agreements.tierPercent', { tier: tiers.low })}
              rules={[percentRule(t, true)]}
            >
              <Input style={{ width: 110 }} placeholder={cap('≤', policy?.lowTierCapRate.value)} />
            </Form.Item>
            <Form.Item
              name="fundRateHighTier"
              label={t('partners.agreements.tierPercent', { tier: tiers.high })}
              rules={[percentRule(t, true)]}
            >
              <Input style={{ width: 110 }} placeholder={cap('≤', policy?.highTierCapRate.value)} />
            </Form.Item>
            <Form.Item
              name="guarantorRate"
              label={t('partners.agreements.guarantorPercent')}
              rules={[percentRule(t, false)]}
            >
              <Input style={{ width: 110 }} placeholder={cap('≥', policy?.minGuarantorRate.value)} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('partners.agreements.submit')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
