import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClaimComputation, ClaimDetail } from './claims.graphql';
import { computationRows, type ComputationRow } from './computationRows';
import { articleLabel, reasonBody } from './policyText';

/**
 * R5 at filing and at the final approval side by side. The final figures count (the enterprise-year
 * cap is reckoned in the year of the final approval), so they can differ from the filed ones.
 */
export function ComputationComparison({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const rows = computationRows(claim.filing, claim.final);
  return (
    <>
      <Table<ComputationRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('claims.computation.item'), dataIndex: 'label', width: 200 },
          { title: t('claims.computation.atFiling'), dataIndex: 'filing', align: 'right', render: figure },
          {
            title: t('claims.computation.atFinal'),
            dataIndex: 'final',
            align: 'right',
            render: (value: string | null, row) =>
              value === null ? (
                <Typography.Text type="secondary">{t('claims.computation.notFinal')}</Typography.Text>
              ) : (
                <Typography.Text strong={value !== row.filing}>{figure(value)}</Typography.Text>
              ),
          },
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Reasons title={t('claims.computation.reasonsAtFiling')} computation={claim.filing} />
        </Col>
        <Col xs={24} md={12}>
          {claim.final ? (
            <Reasons title={t('claims.computation.reasonsAtFinal')} computation={claim.final} />
          ) : (
            <Card size="small" title={t('claims.computation.reasonsAtFinal')}>
              <Typography.Text type="secondary">{t('claims.computation.finalPending')}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

function figure(value: string) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</span>;
}

function Reasons({ title, computation }: { title: string; computation: ClaimComputation }) {
  useTranslation(); // the reasons' labels and articles follow a language switch
  return (
    <Card size="small" title={title}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {computation.reasons.map((reason, i) => (
          <div key={i}>
            <Tag color="blue">{articleLabel(reason.article)}</Tag>
            {reasonBody(reason)}
          </div>
        ))}
      </Space>
    </Card>
  );
}
