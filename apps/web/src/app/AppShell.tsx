import { useEffect, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Breadcrumb,
  Button,
  Drawer,
  Grid,
  Layout,
  Menu,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { ORG_KIND_LABELS_ZH } from '@ipfund/shared';
import { endSession } from './apollo';
import { ME_QUERY, type CurrentUser } from './me.graphql';
import { PORTAL_SHORT_TITLE, PORTAL_TITLE } from './portal';
import { findRoute, HOME_PATH, routesFor, type AppRoute } from './routes';
import { navigate, useHashPath } from './useHashPath';
import { useViewerPermissions } from './useViewer';
import type { ViewerPermissions } from './viewer.graphql';
import './shell.css';
import { useTaskCount } from '../features/tasks';

/**
 * The signed-in frame: fetches the caller and what it may read and do, then shows header, side menu
 * and the current page. The menu waits for the permissions, so a page is never chosen from a guess.
 * Below the `lg` breakpoint (tablets, phones) the side menu, the user and the header actions move
 * into a drawer behind one button, so nothing is pushed off a 390 px screen.
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
  return <Shell me={me} permissions={viewer.permissions} onSignOut={signOut} />;
}

function Shell({
  me,
  permissions,
  onSignOut,
}: {
  me: CurrentUser;
  permissions: ViewerPermissions;
  onSignOut: () => void;
}) {
  const screens = Grid.useBreakpoint();
  // Until the first measurement `lg` is undefined; assume a wide screen like the server-less first paint.
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const taskCount = useTaskCount();
  const routes = routesFor(permissions);
  const path = useHashPath();
  const route = findRoute(routes, path);
  const fallback = routes.find((r) => r.path === HOME_PATH)?.path ?? routes[0]?.path;

  // An empty or unknown hash lands on 首页, without adding a history entry.
  useEffect(() => {
    if (!route && fallback) navigate(fallback, { replace: true });
  }, [route, fallback]);

  useEffect(() => {
    document.title = route ? `${route.label} · ${PORTAL_TITLE}` : PORTAL_TITLE;
  }, [route]);

  // A page chosen in the drawer closes it.
  useEffect(() => setDrawerOpen(false), [path]);

  const logout = (
    <Button icon={<LogoutOutlined />} onClick={onSignOut}>
      退出登录
    </Button>
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={route ? [route.path] : []}
      items={routes.map((r) => ({
        key: r.path,
        icon: r.icon,
        // 首页 carries the 待办 count: what waits for this user, wherever they are.
        label:
          r.path === HOME_PATH && taskCount > 0 ? (
            <Space size={6}>
              {r.label}
              <Badge count={taskCount} overflowCount={99} size="small" data-testid="task-badge" />
            </Space>
          ) : (
            r.label
          ),
      }))}
      onClick={({ key }) => navigate(key)}
      style={{ height: '100%', borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: narrow ? 12 : 24 }}
      >
        {narrow && (
          <Badge dot={taskCount > 0} offset={[-6, 6]}>
            <Button
              type="text"
              aria-label="打开菜单"
              data-testid="menu-button"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              onClick={() => setDrawerOpen(true)}
            />
          </Badge>
        )}
        <Typography.Title
          level={narrow ? 5 : 4}
          ellipsis
          style={{ color: '#fff', margin: 0, flex: 1, minWidth: 0 }}
        >
          {narrow ? PORTAL_SHORT_TITLE : PORTAL_TITLE}
        </Typography.Title>
        {!narrow && (
          <>
            <UserBadge user={me} />
            {logout}
          </>
        )}
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider width={200} theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          {route && <PageHeading route={route} />}
          {route ? <route.Page /> : !fallback && <Alert type="info" showIcon title="暂无可访问的页面" />}
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={<UserBadge user={me} stacked />}
          styles={{ body: { padding: 0 } }}
          footer={<HeaderActions>{logout}</HeaderActions>}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}

/** The header's actions (logout; later language and account): one row on wide screens, the drawer's footer on phones. */
function HeaderActions({ children }: { children: ReactNode }) {
  return <Space wrap>{children}</Space>;
}

/** 首页 / 当前页: where the page is, with a way back home. */
function PageHeading({ route }: { route: AppRoute }) {
  if (route.path === HOME_PATH) return null;
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ title: <a onClick={() => navigate(HOME_PATH)}>首页</a> }, { title: route.label }]}
    />
  );
}

function UserBadge({ user, stacked = false }: { user: CurrentUser; stacked?: boolean }) {
  const { organization } = user;
  return (
    <Space
      size="small"
      orientation={stacked ? 'vertical' : 'horizontal'}
      style={{ color: stacked ? undefined : '#fff', whiteSpace: stacked ? 'normal' : 'nowrap' }}
      data-testid="user-badge"
    >
      <span>{user.displayName}</span>
      <span style={{ opacity: 0.75 }}>{organization.name}</span>
      <Tag color="blue">{ORG_KIND_LABELS_ZH[organization.kind] ?? organization.kind}</Tag>
    </Space>
  );
}
