import { inject } from "vitest";
import { copyOfTemplate } from "./test-databases.ts";

// Runs before each test file's imports are evaluated, so src/db.ts opens this file's own copy.
process.env.DATABASE_URL = await copyOfTemplate(inject("templateDatabaseUrl"), inject("testRunId"));
process.env.LOG_LEVEL = "error";
