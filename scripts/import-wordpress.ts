import { runCommand } from "../src/app/command-line.ts";
import { disconnectDb } from "../src/db/client.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { createResponseCache } from "../src/cache/response-cache.ts";
import { systemClock } from "../src/platform/clock.ts";
import { IMPORT_USAGE, runImportCommand } from "../src/import/wordpress/command.ts";

await runCommand(IMPORT_USAGE, async (settings, logger) => {
  await openDatabase(settings, logger.info);
  try {
    const { changedKeys } = await runImportCommand(process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      tty: process.stdout.isTTY === true,
      progress: (text, final) => process.stdout.write(`\r${text}${final ? "\n" : ""}`),
    });
    // Once, at the end: the servers' shared response cache (Redis) and the CDN forget what changed.
    if (changedKeys.length && (settings.REDIS_URL || settings.CDN_PURGE_URL)) {
      const cache = createResponseCache(settings, systemClock, logger.warn);
      await cache.evict(changedKeys);
      await cache.close();
      console.log(`Evicted ${changedKeys.length} cache keys${settings.CDN_PURGE_URL ? " (and purged them at the CDN)" : ""}`);
    }
  } finally {
    await disconnectDb();
  }
});
