import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { PROJECT, runCommand } from "../support/commands.ts";

const schema = readFileSync(join(PROJECT, "schema.graphql"), "utf8");
const tsx = pathToFileURL(join(PROJECT, "node_modules/tsx/dist/loader.mjs")).href;

function repository() {
  const folder = mkdtempSync(join(tmpdir(), "lantern-schema-"));
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: folder, encoding: "utf8" });
  git("init", "-q");
  const commit = (text: string, message: string) => {
    writeFileSync(join(folder, "schema.graphql"), text);
    git("add", "schema.graphql");
    git("commit", "-q", "-m", message);
  };
  const check = () => runCommand("node", ["--import", tsx, join(PROJECT, "scripts/check-schema-changes.ts")], { cwd: folder });
  return { commit, check, git };
}

describe("npm run schema:breaking", () => {
  it("fails on a breaking change unless the commit marks it deliberate, and passes additions", async () => {
    const { commit, check, git } = repository();
    commit(schema, "the schema as it is");

    // Article.slug and its description go; every other type keeps its slug.
    const withoutSlug = schema.replace(/^type Article implements Node \{\n[^]*?\n\}\n/m, (type) =>
      type.replace(/\n(  """[^"]*"""\n)?  slug: String!\n/, "\n"),
    );
    expect(withoutSlug).not.toBe(schema);
    commit(withoutSlug, "Drop Article.slug");
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Field slug was removed from object type Article");
    expect(refused.stderr).toContain('add a line "Schema-Breaking-Change:');

    git("commit", "-q", "--amend", "-m", "Drop Article.slug\n\nSchema-Breaking-Change: Article.slug is gone; clients read uri instead");
    const marked = await check();
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout).toContain("marked deliberate in");
    expect(marked.stdout).toContain("Article.slug is gone; clients read uri instead");

    commit(withoutSlug.replace("type Query {\n", 'type Query {\n  """A field added later."""\n  addedLater: Int\n'), "Add Query.addedLater");
    const added = await check();
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("no breaking change against HEAD~1");
  });
});
