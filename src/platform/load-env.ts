import { existsSync } from "node:fs";

/**
 * Reads `.env` from the working folder into process.env, as every command does first. Variables
 * already set in the environment win over the file.
 */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
