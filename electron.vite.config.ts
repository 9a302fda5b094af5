import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from './src-main/ipc/renderer-policy';

const root = import.meta.dirname;

/** The built index.html carries the CSP as a meta tag too (the app:// handler also sends it as a header). */
function cspMeta(): Plugin {
  return {
    name: 'dd-csp-meta',
    apply: 'build',
    // frame-ancestors is only honoured as a header, so it is left out of the meta copy.
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { index: resolve(root, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can only require('electron'): everything else is bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
