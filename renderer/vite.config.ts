import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

// Relative asset paths (base './') because the renderer is served both from Electron's app:// protocol
// and from the headless HTTP host. The CSP allows only 'self' scripts, so nothing is inlined as script.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 6000,
  },
});
