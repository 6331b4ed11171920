import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:process`: tests that build the production bundle and run the real commands as
 * separate processes (start, token, db:migrate, db:seed), and the slow SQLite suites that run
 * several processes (concurrent writers, one server per file, shutdown). Slower than `npm test`;
 * .ci/run runs both.
 */
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["tests/process/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts", "tests/support/build-dist.ts"],
    setupFiles: ["tests/support/per-file-database.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One file at a time: they start servers from dist/, and the docs' commands rebuild it
    // and rewrite generated files.
    fileParallelism: false,
  },
});
