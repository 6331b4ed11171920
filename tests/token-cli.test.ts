import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { graphql, errorCodes } from "./support/graphql.ts";
import { bearer } from "./support/tokens.ts";
import { runTokenCommand } from "../src/auth/token-command.ts";
import { hashToken } from "../src/auth/tokens.ts";
import { db } from "../src/db/client.ts";

const run = promisify(execFile);

/** Runs `npm run token -- <args>` the way a shell would, against this test file's database. */
async function tokenScript(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

async function command(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTokenCommand(args, db(), { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const CREATE_AUTHOR = `mutation { createAuthor(input: { name: "Token Test" }) { author { id } } }`;

describe("npm run token", () => {
  it("creates a token that works, stores only its hash, lists and revokes it", async () => {
    const created = await tokenScript("create", "--name", "Jane Doe", "--role", "admin");
    expect(created.code).toBe(0);
    const token = created.stdout.match(/ltn_[A-Za-z0-9_-]{43}/)?.[0];
    expect(token).toBeDefined();

    const row = await db().apiToken.findFirstOrThrow({ where: { name: "Jane Doe" } });
    expect(row).toMatchObject({ role: "admin", tokenHash: hashToken(token!), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);

    expect((await graphql(CREATE_AUTHOR, {}, bearer(token!))).body.errors).toBeUndefined();
    const used = await db().apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt).not.toBeNull();
    await graphql(`{ site { title } }`, {}, bearer(token!));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(used.lastUsedAt);

    const listed = await command("list");
    expect(listed.out.join("\n")).toMatch(new RegExp(`^${row.id}\\tadmin\\tactive\\t.*\\tJane Doe$`, "m"));
    expect(listed.out.join("\n")).not.toContain(token);

    expect(await command("revoke", String(row.id))).toMatchObject({ code: 0, out: [`Revoked token ${row.id}`] });
    expect((await command("list")).out.join("\n")).toMatch(new RegExp(`^${row.id}\\tadmin\\trevoked `, "m"));
    expect(errorCodes(await graphql(CREATE_AUTHOR, {}, bearer(token!)))).toEqual(["UNAUTHENTICATED"]);
  });

  it("explains its usage on bad arguments", async () => {
    expect((await command("create", "--name", "X", "--role", "owner")).code).toBe(2);
    expect((await command("create")).code).toBe(2);
    expect((await command("revoke", "abc")).code).toBe(2);
    expect(await command("revoke", "999999")).toMatchObject({ code: 1, err: ["No API token with id 999999"] });
    expect((await command("frobnicate")).err[0]).toMatch(/unknown command/);
  });
});
