import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/ErrorAlert';
import { useViewerPermissions } from '../../app/useViewer';
import { useCaller } from '../loans/useCaller';
import { SET_BUSINESS_DATE_MUTATION } from './risk.graphql';

/**
 * The business date every overdue count and deadline uses. In demo mode, where the portal lets the
 * date move, a caller that may take `clock.set` moves it; everyone else just sees it.
 */
export function BusinessDateControl() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { clock } = useCaller();
  const { mayTake } = useViewerPermissions();
  const [setDate, { loading }] = useMutation(SET_BUSINESS_DATE_MUTATION, { refetchQueries: 'active' });
  if (!clock) return null;
  const editable = clock.demoMode && clock.businessDateSettable && mayTake('clock.set');
  if (!editable) {
    return (
      <Typography.Text type="secondary">
        {t('risk.businessDate.label')} <Tag>{clock.businessDate}</Tag>
      </Typography.Text>
    );
  }
  return (
    <Space size="small">
      <Tooltip title={t('risk.businessDate.demoTooltip')}>
        <Typography.Text type="secondary">{t('risk.businessDate.demo')}</Typography.Text>
      </Tooltip>
      <DatePicker
        size="small"
        allowClear={false}
        disabled={loading}
        value={dayjs(clock.businessDate)}
        onChange={async (d) => {
          if (!d) return;
          try {
            await setDate({ variables: { date: d.format('YYYY-MM-DD') } });
            message.success(t('risk.businessDate.changed', { date: d.format('YYYY-MM-DD') }));
          } catch (err) {
            message.error(errorText(err));
          }
        }}
      />
    </Space>
  );
}
