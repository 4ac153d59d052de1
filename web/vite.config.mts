import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by the API on the same port; in `vite` dev mode, proxy the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
