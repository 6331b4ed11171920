import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The folders of src/, lowest first. A module may import from its own folder and from folders of
 * a lower layer, never from one of its own layer or above (docs/architecture.md, "Layout").
 */
export const LAYERS: string[][] = [
  ["generated", "platform"],
  ["domain"],
  ["db"],
  ["read"],
  ["write", "mail", "auth"],
  ["changes"],
  ["cache", "live", "forms", "seed", "import"],
  ["graphql"],
  ["http"],
  ["app"],
];

const SRC = join(process.cwd(), "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

const topFolder = (file: string) => relative(SRC, file).split("/")[0]!;
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => normalize(join(dirname(file), match[1]!)));
}

describe("the layout of src/", () => {
  const files = sourceFiles(SRC);

  it("has every file in a folder of a layer", () => {
    expect(files.map(topFolder).filter((folder) => layerOf(folder) < 0)).toEqual([]);
  });

  it("imports only go down", () => {
    const upward = files.flatMap((file) =>
      imports(file)
        .filter((target) => target.startsWith(SRC))
        .filter((target) => {
          const [from, to] = [topFolder(file), topFolder(target)];
          return from !== to && layerOf(to) >= layerOf(from);
        })
        .map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`),
    );
    expect(upward).toEqual([]);
  });

  it("is the layout docs/architecture.md names", () => {
    const architecture = readFileSync(join(process.cwd(), "docs/architecture.md"), "utf8");
    const folders = LAYERS.flat();
    expect(folders.filter((folder) => !architecture.includes(`\`src/${folder}/\``))).toEqual([]);
  });
});
