import { parseArgs } from "node:util";
import { ImportError } from "./errors.ts";
import { importWordPress, type ImportOptions, type ImportResult } from "./importer.ts";
import { formatSummary } from "./summary.ts";

export const IMPORT_USAGE = `usage: npm run import:wordpress -- <export.xml> [options]

Imports a WordPress export (Tools → Export, WXR 1.1 or 1.2) into the database at DATABASE_URL, in
one transaction: a broken file writes nothing. Running it again with the same or a newer export
updates what changed and creates nothing twice.

  --dry-run                    print what the import would do; write nothing
  --timezone <Area/City>       the site's time zone, for dates WordPress kept in local time only (default UTC)
  --sticky-slot <slot>         the featured slot sticky posts go to (default featured)
  --menu-location <loc>=<menu> the location a WordPress menu fills, by its name or slug (repeatable;
                               default: the first menu → primary)
  --base-url <url>             which links are the old site's own (default: the file's wp:base_blog_url)
  --tags=tags|categories|drop  what WordPress tags become (default tags)
  --prune                      delete articles and pages an earlier import made that the file no longer has
  -h, --help                   this text

Settings come from the environment and .env (docs/configuration.md). See docs/wordpress.md.`;

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A terminal: a progress bar on it; otherwise a line every 10%. */
  progress?: (text: string, final: boolean) => void;
  tty: boolean;
}

/** The command's options from its arguments; BAD_OPTION for what it does not understand. */
export function parseImportArguments(args: string[]): ImportOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean" },
        timezone: { type: "string" },
        "sticky-slot": { type: "string" },
        "menu-location": { type: "string", multiple: true },
        "base-url": { type: "string" },
        tags: { type: "string" },
        prune: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new ImportError("BAD_OPTION", (error as Error).message.split("\n")[0]!);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ImportError("BAD_OPTION", "name one export file: npm run import:wordpress -- export.xml (--help for the options)");
  const tags = values.tags ?? "tags";
  if (tags !== "tags" && tags !== "categories" && tags !== "drop") throw new ImportError("BAD_OPTION", `--tags=${tags}: use tags, categories or drop`);
  const menuLocations = new Map<string, string>();
  for (const mapping of values["menu-location"] ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(mapping);
    if (!match) throw new ImportError("BAD_OPTION", `--menu-location ${mapping}: write location="Menu name"`);
    menuLocations.set(match[1]!.trim(), match[2]!.trim().replace(/^"(.*)"$/, "$1"));
  }
  if (values["base-url"] !== undefined && !/^https?:\/\/[^/]/i.test(values["base-url"])) {
    throw new ImportError("BAD_OPTION", `--base-url ${values["base-url"]}: give the old site's address, e.g. https://old.example`);
  }
  return {
    file: positionals[0]!,
    dryRun: values["dry-run"] ?? false,
    timeZone: values.timezone,
    stickySlot: values["sticky-slot"],
    menuLocations,
    baseUrl: values["base-url"],
    tags,
    prune: values.prune ?? false,
  };
}

const BAR = 30;

/** Progress as a bar redrawn in place on a terminal, and as a line every 10% elsewhere. */
export function progressReporter(io: CommandIo): (done: number, total: number) => void {
  let lastTenth = -1;
  let lastDraw = 0;
  return (done, total) => {
    const share = total === 0 ? 1 : done / total;
    if (io.tty && io.progress) {
      const nowMs = Date.now();
      if (done !== total && nowMs - lastDraw < 100) return;
      lastDraw = nowMs;
      const filled = Math.round(share * BAR);
      io.progress(`[${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${done}/${total} posts and pages`, done === total);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      io.out(`${done}/${total} posts and pages`);
    }
  };
}

/** Runs the import for these arguments and prints its summary; returns the result. */
export async function runImportCommand(args: string[], io: CommandIo, now?: Date): Promise<ImportResult> {
  const options = parseImportArguments(args);
  const result = await importWordPress({ ...options, now, onProgress: progressReporter(io) });
  io.out(formatSummary(result.summary));
  return result;
}
