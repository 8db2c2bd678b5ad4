import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));

/** Matches a package folder under node_modules, on any platform's path separator. */
const pkg = (pattern: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${pattern})[\\\\/]`);

/**
 * Vite 8 bundles with Rolldown: chunk groups go in `build.rolldownOptions.output.codeSplitting`
 * (`manualChunks` and `advancedChunks` are deprecated aliases there).
 * Higher priority claims a module first. `entriesAware` splits a library group by the set of
 * entries (the app entry and each lazy page) that use it, so the login route loads only the
 * part of antd it needs, not every component the admin pages use.
 */
const chunkGroups = [
  { name: 'react', test: pkg('react|react-dom|scheduler|react-router|react-router-dom|@remix-run'), priority: 40 },
  {
    name: 'antd',
    test: pkg('antd|@ant-design[\\\\/](?!pro-)[^\\\\/]+|@rc-component|rc-[^\\\\/]+|dayjs|@babel[\\\\/]runtime|classnames|stylis|@emotion'),
    priority: 30,
    entriesAware: true,
  },
  { name: 'pro-components', test: pkg('@ant-design[\\\\/]pro-[^\\\\/]+'), priority: 20, entriesAware: true },
  { name: 'echarts', test: pkg('echarts|zrender'), priority: 10 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    // The API server (src/server) listens on port 3000 by default; preview reuses this proxy.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups },
        // entriesAware names a split group after every entry that shares it
        // (antd~index~LoginPage~AppShell~…); the file name keeps just the library.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
      },
    },
  },
});
