/**
 * npm run bench:wordpress: writes a generated WordPress export of 10,000 posts with 20,000 tags,
 * 300 categories and 2 menus, imports it into a fresh SQLite file (or DATABASE_URL's PostgreSQL
 * server, in a database of its own), and prints posts per second and the peak resident memory.
 * Not a timed test: the target is under 60 s on the development machine.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run bench:wordpress [-- --posts 10000]

Generates a WordPress export and imports it into a fresh SQLite database; prints posts/s and peak RSS.`);

const postsArg = process.argv.indexOf("--posts");
const POSTS = postsArg > 0 ? Number(process.argv[postsArg + 1]) : 10_000;
const TAGS = POSTS * 2;
const CATEGORIES = 300;
const dir = mkdtempSync(join(tmpdir(), "lantern-wp-bench-"));
const file = join(dir, "export.xml");
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.LOG_LEVEL = "warn";

async function writeExport(): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  for (let a = 0; a < 20; a++) await write(`<wp:author><wp:author_login><![CDATA[author${a}]]></wp:author_login><wp:author_display_name><![CDATA[Author ${a}, PhD]]></wp:author_display_name></wp:author>\n`);
  for (let c = 0; c < CATEGORIES; c++) {
    const parent = c >= 30 ? `cat-${c % 30}` : "";
    await write(`<wp:category><wp:term_id>${c + 1}</wp:term_id><wp:category_nicename><![CDATA[cat-${c}]]></wp:category_nicename><wp:category_parent><![CDATA[${parent}]]></wp:category_parent><wp:cat_name><![CDATA[Category ${c}]]></wp:cat_name></wp:category>\n`);
  }
  for (let t = 0; t < TAGS; t++) await write(`<wp:tag><wp:term_id>${1000 + t}</wp:term_id><wp:tag_slug><![CDATA[tag-${t}]]></wp:tag_slug><wp:tag_name><![CDATA[Tag ${t}]]></wp:tag_name></wp:tag>\n`);
  await write(`<wp:term><wp:term_id>900</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>main</wp:term_slug><wp:term_name>Main</wp:term_name></wp:term>\n`);
  await write(`<wp:term><wp:term_id>901</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>footer</wp:term_slug><wp:term_name>Footer</wp:term_name></wp:term>\n`);
  const body = Array.from({ length: 8 }, (_, p) => `Paragraph ${p} of the post, with a line\nbreak and [footnote]a note[/footnote] text.`).join("\n\n");
  for (let p = 1; p <= POSTS; p++) {
    const day = new Date(Date.UTC(2015, 0, 1) + p * 3_600_000 * 7).toISOString().slice(0, 19).replace("T", " ");
    const tags = [0, 1, 2, 3].map((k) => `<category domain="post_tag" nicename="tag-${(p * 4 + k) % TAGS}"><![CDATA[Tag ${(p * 4 + k) % TAGS}]]></category>`).join("");
    await write(`<item><title><![CDATA[Post number ${p}]]></title><link>https://bench.example/post-${p}/</link><dc:creator><![CDATA[author${p % 20}]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${p + 100_000}</wp:post_id>
<wp:post_date><![CDATA[${day}]]></wp:post_date><wp:post_date_gmt><![CDATA[${day}]]></wp:post_date_gmt><wp:post_name><![CDATA[post-${p}]]></wp:post_name>
<wp:status><![CDATA[${p % 10 === 0 ? "draft" : "publish"}]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>${p % 1000 === 0 ? 1 : 0}</wp:is_sticky>
<category domain="category" nicename="cat-${p % CATEGORIES}"><![CDATA[Category]]></category>${tags}</item>\n`);
  }
  for (let m = 0; m < 20; m++) {
    const menu = m < 10 ? "main" : "footer";
    await write(`<item><title>Item ${m}</title><wp:post_id>${200_000 + m}</wp:post_id><wp:post_type>nav_menu_item</wp:post_type><wp:status>publish</wp:status><wp:menu_order>${m}</wp:menu_order>
<category domain="nav_menu" nicename="${menu}">${menu}</category>
<wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>${m % 2 ? "post_type" : "taxonomy"}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>${m % 2 ? "post" : "category"}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>${m % 2 ? 100_001 + m : m + 1}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta></item>\n`);
  }
  await write("</channel></rss>\n");
  out.end();
  await once(out, "finish");
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
try {
  await writeExport();
  console.log(`Export: ${POSTS} posts, ${TAGS} tags, ${CATEGORIES} categories, 2 menus; ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
  const { loadDotEnv } = await import("../src/platform/load-env.ts");
  loadDotEnv();
  const { config } = await import("../src/platform/settings.ts");
  const { openDatabase } = await import("../src/app/prepare-database.ts");
  const { disconnectDb } = await import("../src/db/client.ts");
  const { importWordPress } = await import("../src/import/wordpress/importer.ts");
  const { formatSummary } = await import("../src/import/wordpress/summary.ts");
  await openDatabase(config(), () => undefined);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let last = 0;
  const { summary } = await importWordPress({
    file,
    menuLocations: new Map([["primary", "Main"], ["footer", "Footer"]]),
    onProgress: (done, total) => {
      if (done - last >= total / 10 || done === total) {
        last = done;
        console.log(`  ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(formatSummary(summary));
  console.log(`\n${POSTS} posts in ${seconds.toFixed(1)} s: ${(POSTS / seconds).toFixed(0)} posts/s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (${(rssBefore / 2 ** 20).toFixed(0)} MiB before the import)`);
  await disconnectDb();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
