import { config } from "../src/config.ts";
import { db, disconnectDb } from "../src/db.ts";
import { migrateDatabase } from "../src/migrate.ts";
import { seedDemoContent } from "../src/seed/demo-content.ts";

await migrateDatabase(config().DATABASE_URL);
await seedDemoContent(db());
console.log(`Demo content loaded into ${config().DATABASE_URL}`);
await disconnectDb();
