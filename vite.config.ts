/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { corpusDbPlugin } from './scripts/vite-plugin-corpus-db.ts';

export default defineConfig({
  root: 'web',
  plugins: [react(), corpusDbPlugin()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 5173, strictPort: true },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
