import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { LoginPage } from '../features/auth/LoginPage';
import { antdLocale, useLang } from '../i18n';
import { createApolloClient } from './apollo';
import { AppShell } from './AppShell';
import { useSession } from './session';

// One client for the page's lifetime (not in React state): logout clears its cache instead of replacing it.
const client = createApolloClient();

export function App() {
  const { signedIn } = useSession();
  const lang = useLang();
  return (
    <ConfigProvider locale={antdLocale(lang)}>
      <AntApp>
        <ApolloProvider client={client}>{signedIn ? <AppShell /> : <LoginPage />}</ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
