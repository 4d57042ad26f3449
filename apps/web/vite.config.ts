import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// @ipfund/shared is built to CommonJS for the API; the browser bundle uses its TypeScript source instead,
// so no build of packages/shared is needed before `vite` and no CJS interop is involved.
const sharedSource = path.resolve(import.meta.dirname, '../../packages/shared/src/index.ts');

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@ipfund/shared': sharedSource },
  },
  server: {
    // The API (apps/api) listens on :4000; proxying keeps the client same-origin, so no CORS setup is needed.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one chunk of ~830 kB by design (below); warn only beyond that.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the portal: separate chunks stay in the browser cache across
        // releases. Only the libraries every page uses are grouped, so a later page's heavy library (echarts)
        // can still be loaded with that page through import().
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'apollo',
              test: /[\\/]node_modules[\\/](@apollo|@wry|graphql|graphql-tag|optimism|rxjs|tslib)[\\/]/,
            },
            {
              name: 'antd',
              test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
