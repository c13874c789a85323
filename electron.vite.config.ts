import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { withRendererCsp } from './src/shared/csp'

// One CSP for the page's meta tag, the Electron protocol handler and the bridge (src/shared/csp.ts).
function injectCsp(): Plugin {
  return {
    name: 'proxydeck-csp',
    transformIndexHtml: (html) => withRendererCsp(html),
  }
}

export default defineConfig({
  main: {
    build: {
      // Native and runtime dependencies stay in node_modules; everything else is bundled.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          // The check thread's program (src/main/checks/check-thread.ts starts it).
          'check-worker': resolve(__dirname, 'src/main/checks/check-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), injectCsp()],
    // For finding where the renderer's time goes (bench/README.md): PD_PROFILE=1 builds React's
    // profiling build (fibers carry their render times), PD_NO_MINIFY=1 keeps names readable.
    resolve: process.env.PD_PROFILE
      ? { alias: { 'react-dom/client': 'react-dom/profiling' } }
      : undefined,
    build: {
      minify: !process.env.PD_NO_MINIFY,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
})
