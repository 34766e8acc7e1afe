// Builds the dashboard into ONE self-contained file, dist/index.html (JS and CSS inlined), which
// `warta serve` answers at `/`. `npm run dev` serves the sources with /api proxied to a running
// server (WARTA_API, default the mock server of dev/mock-server.mjs on port 8090).
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

export default defineConfig({
  base: './',
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    cssCodeSplit: false,
    assetsInlineLimit: 100000000,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: true,
    modulePreload: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.WARTA_API || 'http://127.0.0.1:8090' },
  },
});
