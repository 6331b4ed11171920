import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface CodeBlock {
  language: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** The fenced code blocks of README.md, in order. */
export function readmeBlocks(language?: string): CodeBlock[] {
  const lines = readFileSync(join(process.cwd(), "README.md"), "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = lines[index]!.match(/^```(\w*)\s*$/);
    if (!open) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && !lines[index]!.startsWith("```")) body.push(lines[index]!);
    blocks.push({ language: open[1]!, code: body.join("\n"), line: start + 1 });
  }
  return language === undefined ? blocks : blocks.filter((block) => block.language === language);
}
