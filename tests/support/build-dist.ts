import { execFileSync } from "node:child_process";

/** Builds dist/ once before the process-level tests, which all run the built commands. */
export default function setup() {
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}
