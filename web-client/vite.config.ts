import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the UI on :5173 and forwards the API and the event socket to a server on
// :8080, or to the one QF_API names.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Hashed file names under /assets are served with an immutable cache header by the server.
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: process.env.QF_API ?? 'http://localhost:8080', ws: true, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
