import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { environmentVariableList, withEnvironmentTable } from "../src/platform/settings-table.ts";
import { headingAnchors } from "../src/http/markdown.ts";
import { documentationFiles } from "./support/readme.ts";

const read = (file: string) => readFileSync(join(process.cwd(), file), "utf8");

/** The Markdown of a page with its fenced code blocks blanked (links in code are not links). */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ""));

describe("the README", () => {
  it("is at most 250 lines and lists every page of docs/", () => {
    const readme = read("README.md");
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
    for (const page of documentationFiles().slice(1)) expect(readme, page).toContain(`](${page})`);
  });
});

describe("the pages of docs/", () => {
  it("link only to files and headings that exist", () => {
    const broken: string[] = [];
    for (const file of documentationFiles()) {
      const lines = prose(read(file)).split("\n");
      lines.forEach((line, index) => {
        for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          if (/^(https?:|mailto:)/.test(target!)) continue;
          const [path, anchor] = target!.split("#") as [string, string | undefined];
          const linked = path === "" ? file : normalize(join(dirname(file), path));
          if (!existsSync(join(process.cwd(), linked))) broken.push(`${file}:${index + 1}: ${target} (no file ${linked})`);
          else if (anchor !== undefined && linked.endsWith(".md") && !headingAnchors(read(linked)).includes(anchor)) {
            broken.push(`${file}:${index + 1}: ${target} (no heading #${anchor} in ${linked})`);
          }
        }
      });
    }
    expect(broken).toEqual([]);
  });

  it("that are long open with a table of contents of their sections", () => {
    for (const file of documentationFiles().slice(1)) {
      const markdown = read(file);
      const sections = headingAnchors(markdown).filter((_, index) => prose(markdown).match(/^#{1,6} .*$/gm)![index]!.startsWith("## "));
      if (markdown.split("\n").length < 100) continue;
      const contents = markdown.slice(0, markdown.indexOf("\n## "));
      expect(contents, file).toContain("Contents:");
      for (const section of sections) expect(contents, `${file}: #${section}`).toContain(`](#${section})`);
    }
  });
});

describe("the environment variables", () => {
  const variables = environmentVariableList();

  it("each have a description in src/platform/settings.ts", () => {
    expect(variables.length).toBeGreaterThan(30);
    for (const variable of variables) expect(variable.description?.trim(), variable.name).toBeTruthy();
  });

  it("are the table of docs/configuration.md (npm run docs:env -- --write rewrites it)", () => {
    const page = read("docs/configuration.md");
    expect(withEnvironmentTable(page)).toBe(page);
    for (const variable of variables) expect(page).toContain(`| \`${variable.name}\` |`);
  });

  it("are each in .env.example once: with their default, or commented out when they have none", () => {
    const example = read(".env.example");
    const assignments = [...example.matchAll(/^(# ?)?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map(([, comment, name, value]) => ({ name: name!, commented: comment !== undefined, value: value! }));
    expect(assignments.map((assignment) => assignment.name).sort()).toEqual(variables.map((variable) => variable.name).sort());
    for (const variable of variables) {
      const assignment = assignments.find((candidate) => candidate.name === variable.name)!;
      if (variable.default === undefined) expect(assignment.commented, variable.name).toBe(true);
      else expect(assignment, variable.name).toEqual({ name: variable.name, commented: false, value: variable.default });
    }
  });
});
