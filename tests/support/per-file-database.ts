import { inject } from "vitest";
import { copyOfTemplate } from "./test-databases.ts";

// Runs before each test file's imports are evaluated, so src/db/client.ts opens this file's own copy.
process.env.DATABASE_URL = await copyOfTemplate(inject("templateDatabaseUrl"), inject("testRunId"));
process.env.LOG_LEVEL = "error";
// Suites write rows by hand and count statements per request: the response cache (tested in
// tests/response-cache*.test.ts, which turn it on) would answer them from before those writes.
process.env.RESPONSE_CACHE_MAX_AGE = "0";
