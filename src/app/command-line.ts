import { ConfigError, config, type Config } from "../platform/settings.ts";
import { DatabaseFileError } from "../db/file-checks.ts";
import { loadDotEnv } from "../platform/load-env.ts";
import { MigrationError } from "../db/migrations.ts";
import { PortUnavailableError } from "./port-check.ts";
import { DatabaseConnectionError } from "../db/postgresql-connection.ts";
import { createLogger, formatLogLine, type Logger } from "../platform/logging.ts";
import { ImportError } from "../import/wordpress/errors.ts";

/** Errors whose message is all a person needs: printed as they are, without a stack trace. */
const EXPLAINED = [ConfigError, DatabaseConnectionError, DatabaseFileError, ImportError, MigrationError, PortUnavailableError];

/**
 * Every command's `--help` (or `-h`): prints `usage` to stdout and ends the process with exit code
 * 0 before anything is read or opened. Call it first; `runCommand` does.
 */
export function answerHelp(usage: string): void {
  const args = process.argv.slice(2);
  if (!args.includes("--help") && !args.includes("-h")) return;
  console.log(usage.trim());
  process.exit(0);
}

/**
 * Runs a command-line entry point (start, token, db:seed, db:migrate): answers `--help`, reads
 * `.env`, parses the configuration, and gives `main` a logger at LOG_LEVEL; turns any failure
 * into one line on stderr and exit code 1 (at once).
 */
export async function runCommand(usage: string, main: (settings: Config, logger: Logger) => Promise<number | void>): Promise<void> {
  answerHelp(usage);
  try {
    loadDotEnv();
    const settings = config();
    const code = await main(settings, createLogger(settings.LOG_LEVEL));
    if (typeof code === "number") process.exitCode = code;
  } catch (error) {
    const explained = EXPLAINED.some((kind) => error instanceof kind);
    const message = error instanceof Error ? error.message : String(error);
    // An explained error is the command's answer, as it is; anything else is logged (whatever LOG_LEVEL says).
    console.error(explained ? message : formatLogLine([`failed: ${message}`]));
    // A connection the failure left open (pg after a refused password) would keep the process alive.
    process.exit(1);
  }
}
