import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { claimActionLabel, claimStatusLabel } from './claimLabels';
import type { ClaimStep } from './claims.graphql';
import { formatInstant } from './dates';

const DANGER = new Set(['RETURN', 'REJECT']);

/** R6: every transition — who, which organisation, when, and the comment. */
export function HistoryTimeline({ history }: { history: ClaimStep[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={5}>{t('claims.history.title')}</Typography.Title>
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
  const { t } = useTranslation();
  const change =
    step.fromStatus === step.toStatus
      ? claimStatusLabel(step.toStatus)
      : `${step.fromStatus ? claimStatusLabel(step.fromStatus) : '—'} → ${claimStatusLabel(step.toStatus)}`;
  return (
    <div>
      <div>
        <strong>{claimActionLabel(step.action)}</strong>
        {t('claims.history.change', { change })}
      </div>
      <Typography.Text type="secondary">
        {t('claims.history.meta', {
          organization: step.organization.name,
          user: step.userDisplayName,
          date: step.businessDate,
        })}
      </Typography.Text>
      {step.comment && <div>{t('claims.history.comment', { comment: step.comment })}</div>}
    </div>
  );
}
