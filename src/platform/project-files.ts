import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project folder: the nearest folder above this module that holds package.json, whether the
 * module runs as TypeScript from src/ or compiled from dist/src/.
 */
function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findProjectRoot();

/** A file of the project (operations/, prisma/migrations/, docs/api.md, ...) by its path in the repository. */
export function projectFile(path: string): string {
  return join(PROJECT_ROOT, path);
}
