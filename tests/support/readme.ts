import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface CodeBlock {
  language: string;
  code: string;
  /** The file it is in, relative to the project: README.md or docs/<page>.md. */
  file: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  /** `file:line`, for messages. */
  where: string;
}

/** README.md, then every docs/*.md by name: the pages whose examples the tests run. */
export function documentationFiles(): string[] {
  const pages = readdirSync(join(process.cwd(), "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...pages];
}

/** The fenced code blocks of one Markdown file, in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(join(process.cwd(), file), "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = lines[index]!.match(/^```(\w*)\s*$/);
    if (!open) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && !lines[index]!.startsWith("```")) body.push(lines[index]!);
    blocks.push({ language: open[1]!, code: body.join("\n"), file, line: start + 1, where: `${file}:${start + 1}` });
  }
  return blocks;
}

/** The fenced code blocks of README.md and every docs/*.md (in that order), of one language or all. */
export function documentationBlocks(language?: string): CodeBlock[] {
  const blocks = documentationFiles().flatMap(codeBlocks);
  return language === undefined ? blocks : blocks.filter((block) => block.language === language);
}
