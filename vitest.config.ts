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
    // Type tests (`*.test-d.ts`: expectTypeOf, @ts-expect-error) are checked by tsc, as tests of their own.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.type-tests.json' },
    testTimeout: 30_000,
    // A test that asserts nothing fails ("expected any number of assertion, but got none"): a check that
    // cannot fail is no check. Capability gaps are named skips (`it.skipIf`), never early returns.
    expect: { requireAssertions: true },
    hookTimeout: 60_000,
  },
});
