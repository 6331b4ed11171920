import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "../../src/db/client.ts";
import { PROJECT, runCommand, scratchDatabase, startServer, type RunningServer } from "../support/commands.ts";
import { documentationBlocks } from "../support/readme.ts";

/**
 * Every command in the sh blocks of README.md and docs/*.md runs here, except those .ci/run runs
 * itself and the load tests that take minutes. Adding a command to the docs without running it
 * fails below.
 */
const RUN_BY_CI = new Set([
  "npm ci && npm start", // npm ci: .ci/run; npm start: tests/process/operations.test.ts starts and stops it
  "npm ci && npm run build",
  "npm test",
  "npm run test:process",
  "npm run test:browser",
  "apt-get install -y chromium", // .ci/run installs it when missing
  "npm run test:cdn",
  "apt-get install -y varnish varnish-modules", // .ci/run installs them when missing
  "npm run typecheck",
  "npm run lint",
  "npm run schema:check",
  "npm run schema:lint",
  "npm run schema:breaking",
]);
/** Load tests that take minutes, and a subscription that stays open until the client leaves. */
const LONG_RUNNING = [/^(SOAK_SECONDS=\d+ )?npm run soak$/, /^npm run bench(:wordpress)?( -- .*)?$/, /^curl -N .*subscription \{ featuredChanged/];
const notRunHere = (command: string) => RUN_BY_CI.has(command) || LONG_RUNNING.some((pattern) => pattern.test(command));
const SERVERS = /^(\w+=\S+ )*(npm start|npm run dev|node (--[\w-]+(=\S+)? )*dist\/start\.js)$/;

/** A block's commands: comments dropped, continued lines joined. */
function commands(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.replace(/(^|\s+)#(?![^"']*["']\)).*$/, "").trim())
    .filter(Boolean);
}

const template = sqliteFilePath(inject("templateDatabaseUrl"));
let server: RunningServer;
/** An admin's token on the server's database, for the docs' `$TOKEN`. */
let adminToken: string;
const metricsToken = `readme-${randomUUID()}`;
// The docs' PostgreSQL database, under a name of this run's own (dropped afterwards).
const postgresDatabase = `lantern_readme_${process.pid}`;

/** The docs' addresses and names, pointed at this test's server and database. */
function localized(command: string): string {
  return command
    .replaceAll("http://localhost:4000", server.url)
    .replaceAll("127.0.0.1:5432/lantern", `127.0.0.1:5432/${postgresDatabase}`)
    .replace(/^createdb (.*) lantern$/, `createdb $1 ${postgresDatabase}`);
}

beforeAll(async () => {
  const database = scratchDatabase(template);
  server = await startServer("node", ["dist/start.js"], { DATABASE_URL: database.url, NODE_ENV: "production", METRICS_TOKEN: metricsToken });
  const created = await runCommand("node", ["dist/token.js", "create", "--name", "README", "--role", "admin"], { env: { DATABASE_URL: database.url } });
  adminToken = created.stdout.match(/ltn_\S+/)![0];
}, 120_000);

afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  await runCommand("dropdb", ["--if-exists", "-h", "127.0.0.1", "-U", "postgres", postgresDatabase]);
});

const shBlocks = documentationBlocks("sh").map((block) => ({ ...block, commands: commands(block.code) }));

describe("the commands of the README and docs/", () => {
  it("are all run here or by CI", () => {
    const all = shBlocks.flatMap((block) => block.commands);
    expect(all.length).toBeGreaterThan(25);
    expect(all).toContain("npm run token -- revoke 1");
    for (const known of RUN_BY_CI) expect(all, known).toContain(known);
    for (const pattern of LONG_RUNNING) expect(all.some((command) => pattern.test(command)), String(pattern)).toBe(true);
  });

  it.each(shBlocks.filter((block) => block.commands.some((command) => !notRunHere(command) && !SERVERS.test(command))))(
    "$where runs",
    async (block) => {
      const script = block.commands
        .filter((command) => !notRunHere(command) && !SERVERS.test(command))
        .map(localized)
        .join("\n");
      const env = { DATABASE_URL: scratchDatabase(template).url, METRICS_TOKEN: metricsToken, TOKEN: adminToken };
      const result = await runCommand("bash", ["-euo", "pipefail", "-c", script], { env });
      if (script.includes("> subscribers.csv")) {
        const csv = join(PROJECT, "subscribers.csv");
        expect(readFileSync(csv, "utf8").split("\n")[0]).toMatch(/email/i);
        rmSync(csv);
      }
      expect(result.code, `${block.where}\n${script}\n${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stderr, script).not.toMatch(/^\s+at /m);
      if (script.includes("token -- create")) {
        expect(result.stdout).toMatch(/Created editor token 1 for "Jane Doe"/);
        expect(result.stdout).toContain("Revoked token 1");
      }
      if (script.includes("persistedQuery")) expect(result.stdout.match(/"data":\{"featured":\[\{"title"/g)).toHaveLength(2);
      if (script.includes("/metrics")) expect(result.stdout).toContain("lantern_graphql_requests_total");
    },
  );

  it.each(shBlocks.flatMap((block) => block.commands.filter((command) => SERVERS.test(command)).map((command) => ({ command, where: block.where }))))(
    "$where: $command serves and stops on SIGTERM",
    async ({ command }) => {
      // bash runs a lone command in its own place (exec), so the signal reaches it.
      const started = await startServer("bash", ["-c", localized(command)], { DATABASE_URL: scratchDatabase(template).url });
      started.child.kill("SIGTERM");
      expect(await started.exited).toBe(0);
    },
  );
});

describe("the CSRF examples for GET clients (docs/api.md)", () => {
  // docs/webhooks.md's js block is the signature check, which tests/webhooks.test.ts runs.
  const examples = documentationBlocks("js").filter((block) => block.where.startsWith("docs/api.md"));
  const folder = join(PROJECT, ".tmp", "readme-examples");
  mkdirSync(folder, { recursive: true });

  async function run(code: string, name: string) {
    const file = join(folder, `${name}.mjs`);
    writeFileSync(file, code.replaceAll("http://localhost:4000", server.url));
    return runCommand("node", [file]);
  }

  it("are the urql, Apollo and fetch ones", () => {
    expect(examples.map((example) => example.code.match(/from "([^"]+)"/)?.[1] ?? "fetch")).toEqual(["@urql/core", "@apollo/client", "fetch"]);
  });

  it.each(examples.map((example, index) => ({ ...example, index })))("$where sends GET with the header and gets the site's title", async (example) => {
    const result = await run(example.code, `example-${example.index}`);
    expect(result.stdout.trim(), result.stderr).toBe("Anxiety Relief Project");
    const without = await run(example.code.replace(/"X-GraphQL-CSRF": "1"/, '"X-Other": "1"'), `example-${example.index}-without-header`);
    if (example.code.includes("@apollo/client")) {
      // Apollo's GET carries Content-Type: application/json, which Lantern accepts on its own.
      expect(without.stdout.trim(), without.stderr).toBe("Anxiety Relief Project");
    } else {
      // The header is what makes it work: without it the same GET is refused.
      expect(without.stdout.trim()).not.toBe("Anxiety Relief Project");
      expect(without.stdout + without.stderr).toMatch(/403|Forbidden|csrf|Cannot read|undefined/i);
    }
  });
});
