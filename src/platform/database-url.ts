import { homedir } from "node:os";

/**
 * `file:~/x.db` means x.db in the home folder, as a shell would read it (SQLite and Prisma would
 * otherwise create a folder named "~"). Any other URL is returned as it is.
 */
export function expandHomeFolder(url: string): string {
  return url.startsWith("file:~/") ? `file:${homedir()}/${url.slice("file:~/".length)}` : url;
}

/** `file:~someone/x.db` names another user's home folder, which Lantern does not look up. */
export function namesAnotherUsersHome(url: string): boolean {
  return /^file:~[^/]/.test(url);
}
