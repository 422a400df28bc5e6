import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite` proxies the graph and the development sign-in to a running gateway (pnpm start), so
// the console can be developed with hot reload on :5173 against the real stack.
const gateway = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    // The Ant Design chunk is the largest and is shared by every page; it is cached for good.
    chunkSizeWarningLimit: 1000,
    // One chunk per library family, so a page's own code stays small and the libraries cache well.
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](react|react-dom|scheduler|react-router)[\\/]/.test(id)) return 'react';
          if (/[\\/](@apollo|graphql|rxjs|@wry|optimism|zen-observable)/.test(id)) return 'apollo';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': gateway, '/auth': gateway, '/notifications': gateway },
  },
});
