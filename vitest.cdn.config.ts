import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// CDN tests (npm run test:cdn): Debian's Varnish with xkey in front of two server processes
// sharing PostgreSQL and Redis. Kept out of `npm test`, which they would slow down.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/cdn/**/*.test.ts"],
    exclude: ["node_modules/**"],
    globalSetup: [],
    setupFiles: [],
    testTimeout: 60_000,
    fileParallelism: false,
  },
});
