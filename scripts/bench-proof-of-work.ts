/**
 * How long the forms' proof of work takes a plain Node.js loop (node:crypto SHA-256, one
 * thread), the cheapest solver an attacker has without a GPU:
 *   npm run bench:proof-of-work [-- <challenges> [<ALTCHA_MAX_NUMBER>]]
 * The default difficulty is the one Lantern starts with.
 */
import { createHash } from "node:crypto";
import { parseConfig } from "../src/platform/settings.ts";
import { newChallenge } from "../src/forms/proof-of-work.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run bench:proof-of-work [-- <challenges> [<ALTCHA_MAX_NUMBER>]]

How long the forms' proof of work takes a plain Node.js loop.`);

const challenges = Number(process.argv[2] ?? 20);
const maxNumber = Number(process.argv[3] ?? parseConfig({}).ALTCHA_MAX_NUMBER);

function solve(challenge: string, salt: string, max: number): number {
  for (let number = 0; number <= max; number++) {
    if (createHash("sha256").update(salt + number).digest("hex") === challenge) return number + 1;
  }
  throw new Error("no solution");
}

const times: number[] = [];
let hashes = 0;
for (let i = 0; i < challenges; i++) {
  const { challenge, salt } = await newChallenge("bench-secret-bench-secret-bench-secret", maxNumber, new Date());
  const started = performance.now();
  hashes += solve(challenge, salt, maxNumber);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const total = times.reduce((sum, time) => sum + time, 0);
const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
console.log(`ALTCHA_MAX_NUMBER=${maxNumber}, ${challenges} challenges, plain node:crypto loop on one thread:`);
console.log(`  median ${(at(0.5) / 1000).toFixed(2)} s, p90 ${(at(0.9) / 1000).toFixed(2)} s, longest ${(times.at(-1)! / 1000).toFixed(2)} s, mean ${(total / challenges / 1000).toFixed(2)} s`);
console.log(`  ${Math.round(hashes / (total / 1000)).toLocaleString("en")} hashes per second`);
