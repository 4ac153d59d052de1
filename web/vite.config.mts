import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by the API on the same port; in `vite` dev mode, proxy the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The pure modules of @iop/metrics (figure definitions, comparison periods) are read from source.
  resolve: { alias: [{ find: /^@iop\/metrics\/(.*)$/, replacement: `${import.meta.dirname}/../metrics/src/$1` }] },
  // No source maps in the build: the server refuses *.map anyway, and the dashboard's source is no
  // one's business before signing in. (`vite` dev mode keeps its own in-memory maps.)
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
