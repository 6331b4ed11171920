import { parseArgs } from "node:util";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ROLES, createApiToken, isRole, listApiTokens, revokeApiToken } from "./tokens.ts";

export const TOKEN_USAGE = `usage:
  npm run token -- create --name "Jane Doe" --role editor|admin [--author <author slug>]
  npm run token -- list
  npm run token -- revoke <id>`;

export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The `npm run token` command; returns the process exit code. */
export async function runTokenCommand(argv: string[], prisma: PrismaClient, output: CommandOutput): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "create": {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: "string" }, role: { type: "string", default: "editor" }, author: { type: "string" } },
      });
      if (!values.name?.trim()) return usageError(output, "create needs --name");
      if (!isRole(values.role)) return usageError(output, `--role must be one of ${ROLES.join(", ")}`);
      // The person the token acts for (a reviewer approving reviews).
      const author = values.author === undefined ? null : await prisma.author.findUnique({ where: { slug: values.author } });
      if (values.author !== undefined && !author) return usageError(output, `no author with the slug "${values.author}"`);
      const { token, summary } = await createApiToken(prisma, { name: values.name, role: values.role, authorId: author?.id ?? null });
      output.out(`Created ${summary.role} token ${summary.id} for "${summary.name}". It is shown only this once:`);
      output.out(token);
      return 0;
    }
    case "list": {
      const tokens = await listApiTokens(prisma);
      if (tokens.length === 0) output.out("No API tokens.");
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
        const lastUsed = t.lastUsedAt ? t.lastUsedAt.toISOString() : "never";
        output.out(`${t.id}\t${t.role}\t${state}\tcreated ${t.createdAt.toISOString()}\tlast used ${lastUsed}\t${t.name}`);
      }
      return 0;
    }
    case "revoke": {
      const id = Number(rest[0]);
      if (rest.length !== 1 || !Number.isSafeInteger(id) || id <= 0) return usageError(output, "revoke needs one token id");
      if (!(await revokeApiToken(prisma, id))) {
        output.err(`No API token with id ${id}`);
        return 1;
      }
      output.out(`Revoked token ${id}`);
      return 0;
    }
    default:
      return usageError(output, command ? `unknown command "${command}"` : "missing command");
  }
}

function usageError(output: CommandOutput, problem: string): number {
  output.err(`${problem}\n${TOKEN_USAGE}`);
  return 2;
}
