import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const resolve = createRequire(import.meta.url).resolve;
/** A file shipped in a package, whether or not the package's "exports" lists it. */
const packageFile = (packageName: string, path: string) => join(dirname(resolve(`${packageName}/package.json`)), path);
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Where GraphiQL's files are served; every name under it carries its content's hash. */
export const ASSET_PREFIX = "/graphiql/assets/";

/** GraphiQL 3 and the React it runs on, as the packages ship them minified. */
const SOURCES = [
  { name: "react", file: "umd/react.production.min.js", type: "text/javascript; charset=utf-8" },
  { name: "react-dom", file: "umd/react-dom.production.min.js", type: "text/javascript; charset=utf-8" },
  { name: "graphiql", file: "graphiql.min.js", type: "text/javascript; charset=utf-8" },
  { name: "graphiql", file: "graphiql.min.css", type: "text/css; charset=utf-8" },
] as const;

export interface Asset {
  /** e.g. /graphiql/assets/graphiql.3f9a0c1d2e4b5a69.js */
  path: string;
  type: string;
  etag: string;
  identity: Buffer;
  /** Compressed once, on first use, off the main thread. */
  brotli: () => Promise<Buffer>;
  gzip: () => Promise<Buffer>;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

function loadAsset({ name, file, type }: (typeof SOURCES)[number]): Asset {
  const identity = readFileSync(packageFile(name, file));
  const hash = createHash("sha256").update(identity).digest("hex").slice(0, 16);
  const extension = file.slice(file.lastIndexOf(".") + 1);
  return {
    path: `${ASSET_PREFIX}${name}.${hash}.${extension}`,
    type,
    etag: `"${hash}"`,
    identity,
    brotli: once(() =>
      brotli(identity, {
        // Quality 9: within 10% of the smallest (11) in a seventh of the time.
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
    ),
    gzip: once(() => gzipAsync(identity, { level: 9 })),
  };
}

let loaded: Asset[] | undefined;

/** The assets, read and hashed on first use (a server without GraphiQL never reads them). */
export function graphiqlAssets(): Asset[] {
  if (!loaded) {
    loaded = SOURCES.map(loadAsset);
    // Start compressing now, so the files are ready when the browser asks for them.
    for (const asset of loaded) void asset.brotli().then(asset.gzip);
  }
  return loaded;
}
