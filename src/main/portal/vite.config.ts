/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The application serves the build from its static resources; `npm run dev` proxies the API
// to a running application (./mvnw spring-boot:run) on port 8080.
const backend = process.env.PORTAL_BACKEND ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where used, not as one bundle
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // the browser opens six connections to the server: a page made of thirty small chunks
    // waits in that queue, so small shared chunks are merged into their importers
    rollupOptions: { output: { experimentalMinChunkSize: 30_000 } },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/api', '/camunda', '/engine-rest', '/verify', '/actuator'].map((path) => [path, { target: backend }]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
})
