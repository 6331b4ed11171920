import { inject } from "vitest";
import { copyOfTemplate } from "./test-databases.ts";
import { useDatabase } from "../../src/db/client.ts";

// Runs before each test file: its servers, fixtures and the processes it starts (through the
// environment) use this file's own copy.
process.env.DATABASE_URL = await copyOfTemplate(inject("templateDatabaseUrl"), inject("testRunId"));
useDatabase(process.env.DATABASE_URL);
process.env.LOG_LEVEL = "error";
// Suites write rows by hand and count statements per request: the response cache (tested in
// tests/response-cache*.test.ts, which turn it on) would answer them from before those writes.
process.env.RESPONSE_CACHE_MAX_AGE = "0";
