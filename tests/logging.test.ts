import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createLogger } from "../src/platform/logging.ts";

let written: { stream: "stdout" | "stderr"; line: string }[];
let spies: MockInstance[];
beforeEach(() => {
  written = [];
  const into = (stream: "stdout" | "stderr") => (...parts: unknown[]) => void written.push({ stream, line: parts.map(String).join(" ") });
  spies = [
    vi.spyOn(console, "log").mockImplementation(into("stdout")),
    vi.spyOn(console, "warn").mockImplementation(into("stderr")),
    vi.spyOn(console, "error").mockImplementation(into("stderr")),
  ];
});
afterEach(() => spies.forEach((spy) => spy.mockRestore()));

function logEveryLevel(level: Parameters<typeof createLogger>[0]) {
  const logger = createLogger(level);
  logger.debug("a debug line");
  logger.info("an info line", { count: 2 });
  logger.warn("a warning");
  logger.error("an error:", new Error("broken"));
}

describe("the logger", () => {
  it("at LOG_LEVEL=warn writes warnings and errors only", () => {
    logEveryLevel("warn");
    expect(written.map(({ line }) => line.split("\n")[0])).toEqual(["[lantern] a warning", "[lantern] an error: Error: broken"]);
    expect(written.map(({ stream }) => stream)).toEqual(["stderr", "stderr"]);
  });

  it("at debug writes every level, one [lantern] format, errors with their stack, no escape codes", () => {
    logEveryLevel("debug");
    expect(written.map(({ line }) => line.split("\n")[0])).toEqual([
      "[lantern] a debug line",
      "[lantern] an info line { count: 2 }",
      "[lantern] a warning",
      "[lantern] an error: Error: broken",
    ]);
    expect(written.map(({ stream }) => stream)).toEqual(["stdout", "stdout", "stderr", "stderr"]);
    expect(written.at(-1)!.line).toMatch(/\n\s+at /);
    expect(written.some(({ line }) => line.includes("\x1b"))).toBe(false);
  });
});
