import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { LoginPage } from '../features/auth/LoginPage';
import { antdLocale, useLang } from '../i18n';
import { useReducedMotion } from '../lib/motion';
import { createApolloClient } from './apollo';
import { AppShell } from './AppShell';
import { useSession } from './session';

// One client for the page's lifetime (not in React state): logout clears its cache instead of replacing it.
const client = createApolloClient();

export function App() {
  const { signedIn } = useSession();
  const lang = useLang();
  // Drawers, modals and menus slide and fade unless the user asked the system for less motion.
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={{ token: { motion: !reducedMotion } }}>
      <AntApp>
        <ApolloProvider client={client}>{signedIn ? <AppShell /> : <LoginPage />}</ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
