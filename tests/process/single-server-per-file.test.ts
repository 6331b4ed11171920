import { describe, expect, inject, it } from "vitest";
import { startServerProcess } from "../support/server-process.ts";
import { freePort } from "../support/processes.ts";
import { runCommand } from "../support/commands.ts";
import { sqliteFilePath } from "../../src/db/client.ts";
import { holdServerLock } from "../../src/db/server-lock.ts";
import { onPostgres } from "../support/database.ts";

const tsx = (script: string, ...args: string[]): [string, string[]] => [process.execPath, ["--import", "tsx", script, ...args]];

// Each server keeps its response cache in its own memory: a second one on the same SQLite file
// would go on serving what an editor unpublished through the first. It is refused; commands are not.
describe.skipIf(onPostgres)("one server per SQLite file", () => {
  it("refuses a second server on the file in one line, lets commands run beside it, and frees the file when the server dies", async () => {
    const server = await startServerProcess({ templateDatabase: sqliteFilePath(inject("templateDatabaseUrl")) });
    const env = { DATABASE_URL: `file:${server.databaseFile}`, HOST: "127.0.0.1", LOG_LEVEL: "warn" };
    try {
      const second = await runCommand(...tsx("scripts/start.ts"), { env: { ...env, PORT: String(await freePort()) } });
      expect(second.code).toBe(1);
      expect(second.stderr.trim().split("\n")).toEqual([
        `Cannot use the database ${server.databaseFile}: another Lantern server is serving it (one server per SQLite file; stop the other one, or run several instances on PostgreSQL with REDIS_URL)`,
      ]);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);

      const migrated = await runCommand(...tsx("scripts/migrate.ts"), { env });
      expect(migrated.code, migrated.stderr).toBe(0);
      const token = await runCommand(...tsx("scripts/token.ts", "create", "--name", "Beside", "--role", "editor"), { env });
      expect(token.code, token.stderr).toBe(0);
    } finally {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    // Killed, not shut down: the lock went with the process.
    expect(() => holdServerLock(`file:${server.databaseFile}`)).not.toThrow();
  });
});
