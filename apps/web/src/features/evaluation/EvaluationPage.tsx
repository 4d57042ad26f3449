import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatArticle, formatMoney } from '@ipfund/shared';
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
import { useTranslation } from 'react-i18next';
import { PORTAL_CLOCK_QUERY } from '../loans/useCaller';
import { setHashParams, useHashParams } from '../../app/useHashPath';
import { useViewerPermissions } from '../../app/useViewer';
import { useLang } from '../../i18n';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { messageOf } from '../audit/messageOf';
import { ExportButton } from '../../lib/ExportButton';
import {
  COMPUTE_EVALUATION,
  CRITERIA,
  EVALUATION_ROUNDS_QUERY,
  SCORE_PARTNER,
  SUBMIT_EVALUATION,
  halvesAround,
  percent,
  type EvaluationRound,
  type PartnerEvaluation,
} from './evaluation.graphql';

/** The manager scores the two qualitative criteria of Art 23 (0–100). */
function ScoreModal({ entry, onClose }: { entry: PartnerEvaluation | null; onClose: () => void }) {
  const { t } = useTranslation();
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
      message.success(t('evaluation.score.done'));
      onClose();
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  return (
    <Modal
      title={entry ? t('evaluation.score.title', { name: entry.partner.name }) : ''}
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
        <Form.Item
          name="productInnovation"
          label={t('evaluation.score.productInnovation')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="workEffectiveness"
          label={t('evaluation.score.workEffectiveness')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label={t('evaluation.score.comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundTable({ round, onScore }: { round: EvaluationRound; onScore: (e: PartnerEvaluation) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const showRank = round.entries.some((e) => e.rank !== null);
  const score = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<PartnerEvaluation> = [
    ...(showRank
      ? [{ title: t('evaluation.column.rank'), dataIndex: 'rank', width: 60, fixed: 'left' as const }]
      : []),
    { title: t('evaluation.column.partner'), render: (_, e) => e.partner.name, fixed: 'left', width: 200 },
    {
      title: t('evaluation.column.kind'),
      render: (_, e) => t(`evaluation.kind.${e.partnerKind}`),
      width: 110,
    },
    { title: t('evaluation.column.loansGranted'), render: (_, e) => e.indicators.loansGranted, width: 80 },
    {
      title: t('evaluation.column.amountGranted'),
      render: (_, e) => formatMoney(e.indicators.amountGranted, lang),
      width: 140,
    },
    {
      title: t('evaluation.column.enterprises'),
      render: (_, e) =>
        t('evaluation.column.enterprisesValue', {
          enterprises: e.indicators.enterprises,
          firstTime: e.indicators.firstTimeBorrowers,
        }),
      width: 110,
    },
    {
      title: t('evaluation.column.loanShare'),
      render: (_, e) => percent(e.indicators.loanShare),
      width: 110,
    },
    {
      title: t('evaluation.column.registrationTimeliness'),
      render: (_, e) => percent(e.indicators.registrationTimeliness),
      width: 110,
    },
    {
      title: t('evaluation.column.remittanceTimeliness'),
      render: (_, e) => percent(e.indicators.remittanceTimeliness),
      width: 110,
    },
    {
      title: t('evaluation.column.overdueRate'),
      render: (_, e) => percent(e.indicators.overdueRate),
      width: 110,
    },
    {
      title: t('evaluation.column.compensationRate'),
      render: (_, e) => percent(e.indicators.compensationRate),
      width: 110,
    },
    ...CRITERIA.map((c) => ({
      title: t(`evaluation.criterion.${c}`),
      width: 110,
      render: (_: unknown, e: PartnerEvaluation) => score(e.scores[c]),
    })),
    {
      title: t('evaluation.column.total'),
      width: 80,
      fixed: 'right',
      render: (_, e) => (
        <Typography.Text strong>{e.totalScore ?? t('evaluation.column.pending')}</Typography.Text>
      ),
    },
    ...(round.entries.some((e) => e.viewerCan.includes('evaluation.score'))
      ? [
          {
            title: t('evaluation.column.actions'),
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, e: PartnerEvaluation) =>
              e.viewerCan.includes('evaluation.score') ? (
                <Button size="small" onClick={() => onScore(e)}>
                  {t('evaluation.column.score')}
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
      scroll={{ x: 2200 }}
    />
  );
}

/** 绩效评价: the semi-annual evaluation of the banks and guarantors (Art 23); history across halves. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const lang = useLang();
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
      title={t('evaluation.title')}
      extra={
        <Space wrap>
          <Select
            placeholder={t('evaluation.half')}
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
                onClick={() =>
                  void run(() => compute({ variables: { period: half } }), t('evaluation.computed'))
                }
              >
                {round ? t('evaluation.recompute') : t('evaluation.compute')}
              </Button>
            )}
          {round?.viewerCan.includes('evaluation.submit') && (
            <Button
              type="primary"
              loading={submitting.loading}
              onClick={() =>
                void run(() => submit({ variables: { period: round.half } }), t('evaluation.submitted'))
              }
            >
              {t('evaluation.submit')}
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
      {error && <ErrorAlert title={t('evaluation.loadFailed')} description={messageOf(error)} />}
      {!loading && !round && (
        <Empty description={half ? t('evaluation.notComputed', { half }) : t('evaluation.none')} />
      )}
      {round && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>
              {t('evaluation.heading', {
                half: round.half,
                from: round.periodFrom,
                to: round.periodTo,
                asOf: round.asOf,
              })}
            </Typography.Text>
            {round.status === 'SUBMITTED' ? (
              <Tag color="green">{t('evaluation.submittedOn', { date: round.submittedOn })}</Tag>
            ) : (
              <Tag>{t('evaluation.draft')}</Tag>
            )}
            <Typography.Text type="secondary">
              {t('evaluation.basis', {
                article: formatArticle(round.article, lang),
                weights: round.weights
                  .map(
                    (w) =>
                      `${t(`evaluation.criterion.${w.criterion}`, { defaultValue: w.criterion })} ${percent(w.weight)}`,
                  )
                  .join(t('evaluation.listSeparator')),
              })}
            </Typography.Text>
          </Space>
          <RoundTable round={round} onScore={setScoring} />
        </Space>
      )}
      <ScoreModal entry={scoring} onClose={() => setScoring(null)} />
    </Card>
  );
}
