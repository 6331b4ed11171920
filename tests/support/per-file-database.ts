import { copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

// Runs before each test file's imports are evaluated, so src/db.ts opens this file's own copy.
const template = inject("templateDatabase");
const copy = join(dirname(template), `${randomUUID()}.db`);
copyFileSync(template, copy);
process.env.DATABASE_URL = `file:${copy}`;
process.env.LOG_LEVEL = "error";
