import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// Browser tests (npm run test:browser): the real server in a process of its own, driven through
// Debian's Chromium. Kept out of `npm test`, which they would slow down.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/browser/**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
    fileParallelism: false,
  },
});
