import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Yoga and Pothos; Vite would give the project's own
    // files the ESM build, and graphql-js refuses schema objects from the other copy.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Browser, process-level and CDN tests have configs of their own (`npm run test:browser`,
    // `npm run test:process`, `npm run test:cdn`).
    exclude: [...configDefaults.exclude, "tests/browser/**", "tests/process/**", "tests/cdn/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/per-file-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
