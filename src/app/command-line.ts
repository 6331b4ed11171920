import { ConfigError, config, type Config } from "../platform/settings.ts";
import { DatabaseFileError } from "../db/file-checks.ts";
import { loadDotEnv } from "../platform/load-env.ts";
import { MigrationError } from "../db/migrations.ts";
import { PortUnavailableError } from "./port-check.ts";
import { DatabaseConnectionError } from "../db/postgresql-connection.ts";

export const log = (line: string) => console.log(`[lantern] ${line}`);

/** Errors whose message is all a person needs: printed as they are, without a stack trace. */
const EXPLAINED = [ConfigError, DatabaseConnectionError, DatabaseFileError, MigrationError, PortUnavailableError];

/**
 * Runs a command-line entry point (start, token, db:seed, db:migrate): reads `.env`, parses the
 * configuration, and turns any failure into one line on stderr and exit code 1 (at once).
 */
export async function runCommand(main: (settings: Config) => Promise<number | void>): Promise<void> {
  try {
    loadDotEnv();
    const code = await main(config());
    if (typeof code === "number") process.exitCode = code;
  } catch (error) {
    const explained = EXPLAINED.some((kind) => error instanceof kind);
    const message = error instanceof Error ? error.message : String(error);
    console.error(explained ? message : `[lantern] failed: ${message}`);
    // A connection the failure left open (pg after a refused password) would keep the process alive.
    process.exit(1);
  }
}
