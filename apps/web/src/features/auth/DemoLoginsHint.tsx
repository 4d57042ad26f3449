import { useQuery } from '@apollo/client/react';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PORTAL_INFO_QUERY } from './auth.graphql';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demoLogins';

interface Props {
  /** Called with a demo username when the user clicks it, to fill in the form. */
  onPick: (username: string) => void;
}

/**
 * Lists the demo accounts, but only when the server says it runs in demo mode: a production portal
 * must not advertise accounts. Any error (including an API without `portalInfo`) hides the panel.
 */
export function DemoLoginsHint({ onPick }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(PORTAL_INFO_QUERY, { fetchPolicy: 'network-only' });
  if (data?.portalInfo.demoMode !== true) return null;

  return (
    <Card size="small" title={t('auth.demo.title')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('auth.demo.hint')} <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
      </Typography.Paragraph>
      <Space wrap size={[8, 8]}>
        {DEMO_LOGINS.map(({ username, organization }) => (
          <Tag key={username} style={{ cursor: 'pointer' }} onClick={() => onPick(username)}>
            <Typography.Text strong>{username}</Typography.Text>
            {t('auth.demo.entry', { organization: t(`auth.demo.org.${organization}`) })}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}
