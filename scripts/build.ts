import { rmSync } from "node:fs";
import { build } from "esbuild";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run build

Bundles the commands production runs (start, token, seed, migrate) into dist/.`);

/**
 * `npm run build`: the commands production runs with plain `node`, each bundled into dist/ with
 * the packages it uses (one file to load instead of thousands; no TypeScript at run time).
 * better-sqlite3 (native code) stays in node_modules; migrations run in-process (src/migrate.ts).
 */
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["scripts/start.ts", "scripts/token.ts", "scripts/seed.ts", "scripts/migrate.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: ["better-sqlite3"],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  logLevel: "warning",
});
console.log("Built dist/start.js, dist/token.js, dist/seed.js, dist/migrate.js");
