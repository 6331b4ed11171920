import { describe, expect, it } from "vitest";
import { runTokenCommand } from "../src/auth/token-command.ts";
import { db } from "../src/db/client.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

describe("npm run token -- create --author", () => {
  it("makes a token that acts for the person with that slug", async () => {
    const { out, output } = capture();
    expect(await runTokenCommand(["create", "--name", "Maya Okafor", "--role", "editor", "--author", "maya-okafor"], db(), output)).toBe(0);
    const token = await db().apiToken.findFirstOrThrow({ where: { name: "Maya Okafor" }, include: { author: true } });
    expect(token.author?.slug).toBe("maya-okafor");
    expect(out[1]).toMatch(/^ltn_/);
  });

  it("refuses an unknown slug and creates nothing", async () => {
    const before = await db().apiToken.count();
    const { err, output } = capture();
    expect(await runTokenCommand(["create", "--name", "Nobody", "--author", "no-such-person"], db(), output)).toBe(2);
    expect(err.join("\n")).toContain('no author with the slug "no-such-person"');
    expect(await db().apiToken.count()).toBe(before);
  });
});
