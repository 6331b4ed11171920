/** What an import did, per kind of row, with the reason for every skip and what needs a look. */

export const KINDS = ["authors", "categories", "tags", "articles", "pages", "menus", "redirects"] as const;
export type Kind = (typeof KINDS)[number];

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: Map<string, number>;
}

export class ImportSummary {
  readonly counts = new Map<Kind, KindCounts>(KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, skipped: new Map() }]));
  /** Items of the file that are not content (attachments, revisions, menu items, unknown types) and comments. */
  readonly notImported = new Map<string, number>();
  /** Lines worth reading after an import: password-protected posts, changed slugs, removed shortcodes. */
  readonly notes = new Map<string, string[]>();
  readonly removedShortcodes = new Map<string, number>();
  dryRun = false;
  seconds = 0;

  count(kind: Kind, outcome: "created" | "updated" | "unchanged"): void {
    this.counts.get(kind)![outcome]++;
  }

  skip(kind: Kind, reason: string): void {
    const skipped = this.counts.get(kind)!.skipped;
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  }

  other(what: string, n = 1): void {
    this.notImported.set(what, (this.notImported.get(what) ?? 0) + n);
  }

  note(heading: string, line: string): void {
    const lines = this.notes.get(heading) ?? [];
    lines.push(line);
    this.notes.set(heading, lines);
  }

  shortcodes(removed: ReadonlyMap<string, number>): void {
    for (const [name, n] of removed) this.removedShortcodes.set(name, (this.removedShortcodes.get(name) ?? 0) + n);
  }

  get created(): number {
    return [...this.counts.values()].reduce((sum, counts) => sum + counts.created, 0);
  }
}

const MAX_NOTE_LINES = 20;

/** The summary as a table and notes, for a terminal or a log. */
export function formatSummary(summary: ImportSummary): string {
  const rows = KINDS.map((kind) => {
    const c = summary.counts.get(kind)!;
    const skipped = [...c.skipped.values()].reduce((a, b) => a + b, 0);
    const reasons = [...c.skipped].map(([reason, n]) => `${n} ${reason}`).join(", ");
    return [kind, String(c.created), String(c.updated), String(c.unchanged), String(skipped), reasons];
  });
  const header = ["", "created", "updated", "unchanged", "skipped", "why skipped"];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  const out = [summary.dryRun ? "Dry run: nothing was written. The import would do this:" : `Imported in ${summary.seconds.toFixed(1)} s:`, "", line(header), ...rows.map(line)];
  if (summary.notImported.size) {
    out.push("", `Not imported: ${[...summary.notImported].map(([what, n]) => `${n} ${what}`).join(", ")}`);
  }
  if (summary.removedShortcodes.size) {
    out.push("", `Shortcodes removed (inner text kept): ${[...summary.removedShortcodes].sort((a, b) => b[1] - a[1]).map(([name, n]) => `[${name}] ×${n}`).join(", ")}`);
  }
  for (const [heading, lines] of summary.notes) {
    out.push("", `${heading} (${lines.length}):`, ...lines.slice(0, MAX_NOTE_LINES).map((text) => `  ${text}`));
    if (lines.length > MAX_NOTE_LINES) out.push(`  … and ${lines.length - MAX_NOTE_LINES} more`);
  }
  return out.join("\n");
}
