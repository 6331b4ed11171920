import { createServer } from "node:net";

export class PortUnavailableError extends Error {}

/**
 * Fails at once, before any database work, when the HTTP port cannot be bound: another server
 * (a second `npm start`?) holds it, or it needs privileges.
 */
export async function ensurePortAvailable(port: number, host: string): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new PortUnavailableError(`Port ${port} on ${host} is already in use (another Lantern server?): stop it or set PORT to a free port`));
      else if (error.code === "EACCES") reject(new PortUnavailableError(`Port ${port} on ${host} needs privileges this process lacks: set PORT to 1024 or above`));
      else if (error.code === "EADDRNOTAVAIL") reject(new PortUnavailableError(`HOST ${host} is not an address of this machine`));
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
