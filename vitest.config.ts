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
    // `npm run test:coverage` (part of `npm test`): the runtime's own tests (test/runtime, test/stores, and
    // the runtime folders of issues 18-21: test/telemetry, test/events, test/pagination, test/long-running)
    // over src/runtime/**/*.ts. Measured without Redis and PostgreSQL (their store tests skip): statements
    // 79.1 %, branches 73.0 %, functions 77.3 %, lines 81.5 % (83.0/77.5/83.9/85.5 before those folders: much
    // of their code, and form bodies and the long-running tracker, runs in tests through a generated output's
    // copy of the runtime, which is not counted). The thresholds sit a little under, so coverage cannot
    // quietly fall. Raise them as tests are added.
    coverage: {
      provider: 'v8',
      include: ['src/runtime/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 78, branches: 72, functions: 76, lines: 80 },
    },
  },
});
