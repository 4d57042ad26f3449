import { useEffect } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { ORG_KIND_LABELS_ZH } from '@ipfund/shared';
import { endSession } from './apollo';
import { ME_QUERY, type CurrentUser } from './me.graphql';
import { PORTAL_TITLE } from './portal';
import { findRoute, routesFor } from './routes';
import { navigate, useHashPath } from './useHashPath';
import { useViewerPermissions } from './useViewer';
import type { ViewerPermissions } from './viewer.graphql';

/**
 * The signed-in frame: fetches the caller and what it may read and do, then shows header, side menu
 * and the current page. The menu waits for the permissions, so a page is never chosen from a guess.
 */
export function AppShell() {
  const client = useApolloClient();
  const { data, error: meError } = useQuery(ME_QUERY);
  const viewer = useViewerPermissions();
  const me = data?.me;
  const error = meError ?? viewer.error;

  const signOut = () => void endSession(client, 'user');

  // `me: null` means the token no longer names a user; treat it like an expired session.
  useEffect(() => {
    if (data && data.me === null) void endSession(client, 'expired');
  }, [data, client]);

  if (error) {
    // UNAUTHENTICATED never gets here as an error page: the Apollo error link has already logged out.
    return (
      <Result
        status="error"
        title="无法加载用户信息"
        subTitle={error.message}
        extra={<Button onClick={signOut}>退出登录</Button>}
      />
    );
  }
  if (!me || !viewer.permissions) return <Spin fullscreen />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1, whiteSpace: 'nowrap' }}>
          {PORTAL_TITLE}
        </Typography.Title>
        <UserBadge user={me} />
        <Button icon={<LogoutOutlined />} onClick={signOut}>
          退出登录
        </Button>
      </Layout.Header>
      <ShellBody permissions={viewer.permissions} />
    </Layout>
  );
}

function UserBadge({ user }: { user: CurrentUser }) {
  const { organization } = user;
  return (
    <Space size="small" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
      <span>{user.displayName}</span>
      <span style={{ opacity: 0.75 }}>{organization.name}</span>
      <Tag color="blue">{ORG_KIND_LABELS_ZH[organization.kind] ?? organization.kind}</Tag>
    </Space>
  );
}

function ShellBody({ permissions }: { permissions: ViewerPermissions }) {
  const routes = routesFor(permissions);
  const path = useHashPath();
  const route = findRoute(routes, path);
  const fallback = routes[0]?.path;

  // An empty or unknown hash lands on the first page, without adding a history entry.
  useEffect(() => {
    if (!route && fallback) navigate(fallback, { replace: true });
  }, [route, fallback]);

  return (
    <Layout>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
        <Menu
          mode="inline"
          selectedKeys={route ? [route.path] : []}
          items={routes.map((r) => ({ key: r.path, icon: r.icon, label: r.label }))}
          onClick={({ key }) => navigate(key)}
          style={{ height: '100%', borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout.Content style={{ padding: 24 }}>
        {route ? <route.Page /> : !fallback && <Alert type="info" showIcon title="暂无可访问的页面" />}
      </Layout.Content>
    </Layout>
  );
}
