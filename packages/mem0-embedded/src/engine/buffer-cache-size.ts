/**
 * How much of the cluster PGlite keeps in its own buffer cache (`shared_buffers`).
 *
 * PostgreSQL's default is 128 MB. At 100k memories the HNSW index and the table are ~195 MB each, and one
 * search of a tenant holding 10% of the rows touches ~3,500 pages (the index walk passes other tenants'
 * rows): with 128 MB half of them were read from the file system on every search, and the dense query took
 * 45-47 ms p50; with the cluster in the cache, 17-25 ms (README, "Buffer cache"). The cache costs resident
 * memory up front (RSS +420 MB and +3 s at start for 512 MB), so it is sized from the data there is: the
 * size of the cluster's tables and indexes (its `base/` directory) with room to grow, never below PostgreSQL's
 * default, never above a cap. A directory that grows past its cache gets a larger one at the next start.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const MIN_SHARED_BUFFERS_MB = 128;
export const MAX_SHARED_BUFFERS_MB = 1024;
/** Room to grow between restarts: the cache holds the data at start plus a quarter. */
const HEADROOM = 1.25;
const MB = 1024 * 1024;

/** shared_buffers in MB for a cluster whose tables and indexes take `dataBytes` (multiples of 16 MB). */
export function sharedBuffersMbFor(dataBytes: number, maxMb = MAX_SHARED_BUFFERS_MB): number {
  const wanted = Math.ceil((dataBytes * HEADROOM) / (16 * MB)) * 16;
  return Math.max(MIN_SHARED_BUFFERS_MB, Math.min(maxMb, wanted));
}

/** Bytes under `<pgDir>/base` (tables and indexes; WAL excluded); 0 for a new or in-memory cluster. */
export function clusterDataBytes(pgDir: string | undefined): number {
  if (!pgDir) return 0;
  let total = 0;
  const walk = (dir: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not created yet
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) total += statSync(path).size;
    }
  };
  walk(join(pgDir, "base"));
  return total;
}
