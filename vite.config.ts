import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard is served by the core at `/` (headless) and loaded by the Electron window: one build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
});
