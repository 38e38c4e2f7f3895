import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bundle goes straight into the jar's resources (served by dev.ferry.console.ConsoleServer).
// Fonts and images are bundled as files next to the script: the page loads nothing from elsewhere.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: '../target/classes/ferry-console-web',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
} as any);
