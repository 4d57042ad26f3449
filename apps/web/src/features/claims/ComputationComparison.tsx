import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import type { ClaimComputation, ClaimDetail } from './claims.graphql';
import { computationRows, type ComputationRow } from './computationRows';
import { articleLabel, reasonBody } from './policyText';

/**
 * R5 at filing and at the final approval side by side. The final figures count (the enterprise-year
 * cap is reckoned in the year of the final approval), so they can differ from the filed ones.
 */
export function ComputationComparison({ claim }: { claim: ClaimDetail }) {
  const rows = computationRows(claim.filing, claim.final);
  return (
    <>
      <Table<ComputationRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '项目', dataIndex: 'label', width: 200 },
          { title: '申请时', dataIndex: 'filing', align: 'right', render: figure },
          {
            title: '终审批准时',
            dataIndex: 'final',
            align: 'right',
            render: (value: string | null, row) =>
              value === null ? (
                <Typography.Text type="secondary">尚未终审</Typography.Text>
              ) : (
                <Typography.Text strong={value !== row.filing}>{figure(value)}</Typography.Text>
              ),
          },
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Reasons title="申请时计算依据" computation={claim.filing} />
        </Col>
        <Col xs={24} md={12}>
          {claim.final ? (
            <Reasons title="终审时计算依据" computation={claim.final} />
          ) : (
            <Card size="small" title="终审时计算依据">
              <Typography.Text type="secondary">
                最后一个会签（终审批准）时按当年企业已补偿额重新计算。
              </Typography.Text>
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
