import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite` proxies the graph and the development sign-in to a running gateway (pnpm start), so
// the console can be developed with hot reload on :5173 against the real stack.
const gateway = 'http://127.0.0.1:4000';

export default defineConfig({
  // No preloads of the first page's chunks in index.html: they were read from the browser's cache
  // alongside main.tsx and held it (and the first query with it) back by ~300 ms on a busy machine,
  // without the console's code arriving sooner. main.tsx asks for them once its query is sent.
  plugins: [react()],
  build: {
    // The Ant Design chunk is the largest and is shared by every page; it is cached for good.
    chunkSizeWarningLimit: 1000,
    // .vite/manifest.json: which chunks each entry and page needs (bench/size.ts reads it).
    manifest: true,
    // One chunk per library family, so a page's own code stays small and the libraries cache
    // well. graphql-js and rxjs apart from Apollo Client (which brings React), and taken first
    // (priority): the first script (main.tsx) needs only them to send the first page's query early.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'graphql', test: /[\\/]node_modules[\\/](graphql|rxjs)[\\/]/, priority: 3 },
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
            {
              name: 'apollo',
              test: /[\\/]node_modules[\\/](@apollo|@wry|optimism|zen-observable)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': gateway,
      '/auth/dev': gateway,
      '/console-config.json': gateway,
      '/notifications': gateway,
    },
  },
});
