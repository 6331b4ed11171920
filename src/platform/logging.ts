import { formatWithOptions } from "node:util";

export type LogLevel = "debug" | "info" | "warn" | "error";

/** What every part of Lantern logs through; also the shape of Yoga's `logging` option. */
export type Logger = Record<LogLevel, (...parts: unknown[]) => void>;

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
/** Debug and info lines go to stdout, warnings and errors to stderr. */
const WRITE: Record<LogLevel, (line: string) => void> = {
  debug: (line) => console.log(line),
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

/** One line per message, `[lantern] ` and the message (errors with their stack), never colour codes. */
export function formatLogLine(parts: unknown[]): string {
  return `[lantern] ${formatWithOptions({ colors: false }, ...parts)}`;
}

/** Logs messages at `level` and more severe ones (LOG_LEVEL); the methods may be passed around unbound. */
export function createLogger(level: LogLevel = "info"): Logger {
  const logAt = (at: LogLevel) => (SEVERITY[at] < SEVERITY[level] ? () => {} : (...parts: unknown[]) => WRITE[at](formatLogLine(parts)));
  return { debug: logAt("debug"), info: logAt("info"), warn: logAt("warn"), error: logAt("error") };
}
