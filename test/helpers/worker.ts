import type { Readable } from "node:stream"
import { Miniflare } from "miniflare"
import { inject } from "vitest"
import { unstable_readConfig } from "wrangler"
import { ROOT } from "../../scripts/lib/build"
import { freePort } from "../../scripts/lib/ports"

export interface TestWorker {
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** http://127.0.0.1:PORT when started with `listen`, for real HTTP clients such as @medusajs/js-sdk */
  url: string
  /** fires the Worker's cron handler, as a cron trigger would */
  scheduled(cron: string): Promise<void>
  /** the keys in an R2 bucket the Worker was started with (`r2Buckets`) */
  r2Keys(bucket: string): Promise<string[]>
  /** what the Worker wrote to stdout and stderr so far */
  output(): string
  dispose(): Promise<void>
}

const wrangler = unstable_readConfig({ config: `${ROOT}wrangler.toml` })

/**
 * Runs the built Worker bundle (this test run's build of functions/api.ts) in workerd through Miniflare, with the
 * compatibility settings of wrangler.toml and the test database. `bindings` override
 * the defaults (development mode, the test database).
 */
export async function startWorker(
  bindings: Record<string, string> = {},
  options: { listen?: boolean; port?: number; bundle?: string; r2Buckets?: string[] } = {},
): Promise<TestWorker> {
  const port = options.port ?? (options.listen ? await freePort() : undefined)
  let output = ""
  const mf = new Miniflare({
    ...(port ? { port, host: "127.0.0.1" } : {}),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()))
    },
    // Listed rather than scanned: the bundle holds dynamic imports Miniflare's scanner refuses.
    modules: [{ type: "ESModule", path: options.bundle ?? inject("bundle") }],
    compatibilityDate: wrangler.compatibility_date,
    compatibilityFlags: wrangler.compatibility_flags,
    // In-memory R2 buckets, bound under these names (the r2 file provider's tests).
    ...(options.r2Buckets ? { r2Buckets: options.r2Buckets } : {}),
    bindings: {
      NODE_ENV: "development",
      ...inject("databaseBindings"),
      ...bindings,
    },
  })
  try {
    await mf.ready
  } catch (error) {
    await mf.dispose().catch(() => {})
    throw new Error(`the Worker did not start: ${(error as Error).message}\n${output}`)
  }
  return {
    url: port ? `http://127.0.0.1:${port}` : "",
    output: () => output,
    r2Keys: async (bucket) => {
      const listed = await (await mf.getR2Bucket(bucket)).list()
      return listed.objects.map((object) => object.key)
    },
    scheduled: async (cron) => {
      const worker = await mf.getWorker()
      await worker.scheduled({ cron })
    },
    fetch: (path, init) => mf.dispatchFetch(`http://localhost${path}`, init as never) as unknown as Promise<Response>,
    dispose: () => mf.dispose(),
  }
}

/** The SQL statements a response took (`x-sql-statements`); a missing or malformed header fails the test. */
export function sqlStatements(res: Response): number {
  const header = res.headers.get("x-sql-statements")
  if (header === null || !/^\d+$/.test(header))
    throw new Error(`the response has no x-sql-statements header (status ${res.status})`)
  return Number(header)
}
