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
import { useTranslation } from 'react-i18next';
import { routeLabel } from '../i18n';
import { ChangePasswordButton } from '../features/auth/ChangePasswordButton';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { endSession } from './apollo';
import { ME_QUERY, type CurrentUser } from './me.graphql';
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
  const { t } = useTranslation();
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
        title={t('shell.loadUserFailed')}
        subTitle={error.message}
        extra={<Button onClick={signOut}>{t('shell.logout')}</Button>}
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
  const { t } = useTranslation();
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
    const title = t('portal.title');
    document.title = route ? `${routeLabel(route)} · ${title}` : title;
  }, [route, t]);

  // A page chosen in the drawer closes it.
  useEffect(() => setDrawerOpen(false), [path]);

  const logout = (
    <Button icon={<LogoutOutlined />} onClick={onSignOut}>
      {t('shell.logout')}
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
              {routeLabel(r)}
              <Badge count={taskCount} overflowCount={99} size="small" data-testid="task-badge" />
            </Space>
          ) : (
            routeLabel(r)
          ),
      }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
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
              aria-label={t('shell.openMenu')}
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
          {narrow ? t('portal.shortTitle') : t('portal.title')}
        </Typography.Title>
        {!narrow && (
          <>
            <UserBadge user={me} />
            <LanguageSwitch dark />
            <ChangePasswordButton dark />
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
          {route ? <route.Page /> : !fallback && <Alert type="info" showIcon title={t('shell.noPages')} />}
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
          footer={
            <HeaderActions>
              <LanguageSwitch />
              <ChangePasswordButton />
              {logout}
            </HeaderActions>
          }
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
  const { t } = useTranslation();
  if (route.path === HOME_PATH) return null;
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: <a onClick={() => navigate(HOME_PATH)}>{t('shell.home')}</a> },
        { title: routeLabel(route) },
      ]}
    />
  );
}

function UserBadge({ user, stacked = false }: { user: CurrentUser; stacked?: boolean }) {
  const { t } = useTranslation();
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
      <Tag color="blue">{t(`orgKind.${organization.kind}`, { defaultValue: organization.kind })}</Tag>
    </Space>
  );
}
