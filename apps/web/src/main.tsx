import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the language (texts, dayjs for antd's pickers) is set before anything renders.
import './i18n';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
