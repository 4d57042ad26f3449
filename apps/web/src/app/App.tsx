import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { LoginPage } from '../features/auth/LoginPage';
import { createApolloClient } from './apollo';
import { AppShell } from './AppShell';
import { useSession } from './session';

// One client for the page's lifetime (not in React state): logout clears its cache instead of replacing it.
const client = createApolloClient();

export function App() {
  const { signedIn } = useSession();
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ApolloProvider client={client}>{signedIn ? <AppShell /> : <LoginPage />}</ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
