import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatArticle } from '@ipfund/shared';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PORTAL_CLOCK_QUERY } from '../loans/useCaller';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { useViewerPermissions } from '../../app/useViewer';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import { ExportButton } from '../../lib/ExportButton';
import { formatYuan } from '../../lib/money';
import {
  COMPUTE_EVALUATION,
  CRITERION_ZH,
  EVALUATION_ROUNDS_QUERY,
  SCORE_PARTNER,
  SUBMIT_EVALUATION,
  halvesAround,
  percent,
  type EvaluationRound,
  type PartnerEvaluation,
} from './evaluation.graphql';

const KIND_ZH: Record<string, string> = { LENDING_BANK: '合作银行', GUARANTOR: '担保机构' };

/** The manager scores the two qualitative criteria of Art 23 (0–100). */
function ScoreModal({ entry, onClose }: { entry: PartnerEvaluation | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ productInnovation: number; workEffectiveness: number; comment?: string }>();
  const [score, { loading }] = useMutation(SCORE_PARTNER, { refetchQueries: [EVALUATION_ROUNDS_QUERY] });
  const submit = async () => {
    if (!entry) return;
    const v = await form.validateFields();
    try {
      await score({
        variables: {
          entryId: entry.id,
          input: {
            productInnovation: String(v.productInnovation),
            workEffectiveness: String(v.workEffectiveness),
            comment: v.comment?.trim() || null,
          },
        },
      });
      message.success('已评分');
      onClose();
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Modal
      title={entry ? `评分：${entry.partner.name}` : ''}
      open={!!entry}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          productInnovation: entry?.scores.productInnovation
            ? Number(entry.scores.productInnovation)
            : undefined,
          workEffectiveness: entry?.scores.workEffectiveness
            ? Number(entry.scores.workEffectiveness)
            : undefined,
          comment: entry?.scoreComment ?? '',
        }}
      >
        <Form.Item name="productInnovation" label="产品创新（0–100）" rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="workEffectiveness" label="工作成效（0–100）" rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label="评语">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundTable({ round, onScore }: { round: EvaluationRound; onScore: (e: PartnerEvaluation) => void }) {
  const showRank = round.entries.some((e) => e.rank !== null);
  const score = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<PartnerEvaluation> = [
    ...(showRank ? [{ title: '排名', dataIndex: 'rank', width: 60, fixed: 'left' as const }] : []),
    { title: '机构', render: (_, e) => e.partner.name, fixed: 'left', width: 200 },
    { title: '类型', render: (_, e) => KIND_ZH[e.partnerKind], width: 90 },
    { title: '贷款笔数', render: (_, e) => e.indicators.loansGranted, width: 80 },
    { title: '贷款金额', render: (_, e) => formatYuan(e.indicators.amountGranted), width: 140 },
    {
      title: '获贷企业',
      render: (_, e) => `${e.indicators.enterprises}（首贷 ${e.indicators.firstTimeBorrowers}）`,
      width: 110,
    },
    { title: '获贷比例', render: (_, e) => percent(e.indicators.loanShare), width: 80 },
    { title: '登记及时', render: (_, e) => percent(e.indicators.registrationTimeliness), width: 80 },
    { title: '返还及时', render: (_, e) => percent(e.indicators.remittanceTimeliness), width: 80 },
    { title: '逾期率', render: (_, e) => percent(e.indicators.overdueRate), width: 80 },
    { title: '代偿率', render: (_, e) => percent(e.indicators.compensationRate), width: 80 },
    ...Object.keys(CRITERION_ZH).map((c) => ({
      title: CRITERION_ZH[c],
      width: 90,
      render: (_: unknown, e: PartnerEvaluation) => score(e.scores[c as keyof PartnerEvaluation['scores']]),
    })),
    {
      title: '总分',
      width: 80,
      fixed: 'right',
      render: (_, e) => <Typography.Text strong>{e.totalScore ?? '待评分'}</Typography.Text>,
    },
    ...(round.entries.some((e) => e.viewerCan.includes('evaluation.score'))
      ? [
          {
            title: '操作',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, e: PartnerEvaluation) =>
              e.viewerCan.includes('evaluation.score') ? (
                <Button size="small" onClick={() => onScore(e)}>
                  评分
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<PartnerEvaluation>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={round.entries}
      pagination={false}
      scroll={{ x: 1900 }}
    />
  );
}

/** 绩效评价: the semi-annual evaluation of the banks and guarantors (Art 23); history across halves. */
export function EvaluationPage() {
  const { message } = App.useApp();
  const params = useHashParams();
  const viewer = useViewerPermissions();
  const clock = useQuery(PORTAL_CLOCK_QUERY);
  const { data, loading, error } = useQuery(EVALUATION_ROUNDS_QUERY);
  const [compute, computing] = useMutation(COMPUTE_EVALUATION, { refetchQueries: [EVALUATION_ROUNDS_QUERY] });
  const [submit, submitting] = useMutation(SUBMIT_EVALUATION, { refetchQueries: [EVALUATION_ROUNDS_QUERY] });
  const [scoring, setScoring] = useState<PartnerEvaluation | null>(null);
  const rounds = data?.evaluationRounds ?? [];
  const half = params.half ?? rounds[0]?.half;
  const round = rounds.find((r) => r.half === half);
  const today = clock.data?.portalInfo.businessDate;
  const computable = today ? halvesAround(today) : [];
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Card
      title="合作机构绩效评价"
      extra={
        <Space wrap>
          <Select
            placeholder="半年度"
            value={half}
            style={{ width: 130 }}
            onChange={(h: string) => setHashParams({ half: h })}
            options={[
              ...new Set([
                ...rounds.map((r) => r.half),
                ...(viewer.mayTake('evaluation.compute') ? computable : []),
              ]),
            ]
              .sort()
              .reverse()
              .map((h) => ({ value: h, label: h }))}
          />
          {half &&
            viewer.mayTake('evaluation.compute') &&
            (!round || round.viewerCan.includes('evaluation.compute')) && (
              <Button
                loading={computing.loading}
                onClick={() => void run(() => compute({ variables: { period: half } }), '已按数据计算')}
              >
                {round ? '重新计算' : '计算'}
              </Button>
            )}
          {round?.viewerCan.includes('evaluation.submit') && (
            <Button
              type="primary"
              loading={submitting.loading}
              onClick={() => void run(() => submit({ variables: { period: round.half } }), '已报送三部门')}
            >
              报送主管部门
            </Button>
          )}
          {round && (
            <ExportButton
              href={`/export/evaluations/${round.half}.xlsx`}
              fallbackName={`${round.half}.xlsx`}
            />
          )}
        </Space>
      }
    >
      {error && <ErrorAlert title="无法加载绩效评价" description={messageOf(error)} />}
      {!loading && !round && <Empty description={half ? `${half} 尚未计算` : '暂无绩效评价'} />}
      {round && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>
              {round.half}（{round.periodFrom} 至 {round.periodTo}，数据截至 {round.asOf}）
            </Typography.Text>
            {round.status === 'SUBMITTED' ? (
              <Tag color="green">已于 {round.submittedOn} 报送</Tag>
            ) : (
              <Tag>草稿</Tag>
            )}
            <Typography.Text type="secondary">
              依据{formatArticle(round.article, 'zh-CN')}；权重：
              {round.weights.map((w) => `${CRITERION_ZH[w.criterion]} ${percent(w.weight)}`).join('、')}
            </Typography.Text>
          </Space>
          <RoundTable round={round} onScore={setScoring} />
        </Space>
      )}
      <ScoreModal entry={scoring} onClose={() => setScoring(null)} />
    </Card>
  );
}
