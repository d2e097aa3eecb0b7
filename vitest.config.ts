import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Generated snapshots import the runtime from the package (`idemgen/runtime/<part>`): serve the sources.
    alias: [
      {
        find: /^idemgen\/runtime\/([a-z-]+)$/,
        replacement: fileURLToPath(new URL('./src/runtime/$1/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
