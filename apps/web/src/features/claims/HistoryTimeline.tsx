import { Timeline, Typography } from 'antd';
import { claimActionLabel, claimStatusLabel } from './claimLabels';
import type { ClaimStep } from './claims.graphql';
import { formatInstant } from './dates';

const DANGER = new Set(['RETURN', 'REJECT']);

/** R6: every transition — who, which organisation, when, and the comment. */
export function HistoryTimeline({ history }: { history: ClaimStep[] }) {
  return (
    <div>
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        items={history.map((step, i) => ({
          key: i,
          color: DANGER.has(step.action) ? 'red' : step.toStatus === 'PAID' ? 'green' : 'blue',
          title: formatInstant(step.occurredAt),
          content: <StepText step={step} />,
        }))}
      />
    </div>
  );
}

function StepText({ step }: { step: ClaimStep }) {
  const change =
    step.fromStatus === step.toStatus
      ? claimStatusLabel(step.toStatus)
      : `${step.fromStatus ? claimStatusLabel(step.fromStatus) : '—'} → ${claimStatusLabel(step.toStatus)}`;
  return (
    <div>
      <div>
        <strong>{claimActionLabel(step.action)}</strong>（{change}）
      </div>
      <Typography.Text type="secondary">
        {step.organization.name} · {step.userDisplayName} · 业务日 {step.businessDate}
      </Typography.Text>
      {step.comment && <div>意见：{step.comment}</div>}
    </div>
  );
}
