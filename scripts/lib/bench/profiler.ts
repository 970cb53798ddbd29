import WebSocket from "ws"

/** A CPU profile in the Chrome DevTools format (what `.cpuprofile` files hold). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/**
 * Samples the Worker's JavaScript through workerd's inspector (the DevTools protocol), as
 * `wrangler dev`'s DevTools profiler does.
 */
export async function connectProfiler(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
    title?: string
  }[]
  const target = targets.find((t) => !/internal|proxy/i.test(t.title ?? "")) ?? targets[0]
  if (!target) throw new Error("the Worker's inspector lists no target")
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject))
  let next = 1
  const pending = new Map<number, (result: any) => void>()
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } }
    if (message.id !== undefined)
      pending.get(message.id)?.(message.error ? Promise.reject(new Error(message.error.message)) : message.result)
  })
  const call = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const id = next++
      pending.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  await call("Profiler.enable")
  await call("Profiler.setSamplingInterval", { interval: 1000 }) // µs: finer sampling slows the isolate it measures
  return {
    start: () => call("Profiler.start"),
    stop: async () => (await call<{ profile: CpuProfile }>("Profiler.stop")).profile,
    close: () => socket.close(),
  }
}

/** Milliseconds the isolate spent running JavaScript (samples that are not idle). */
export function busyMilliseconds(profile: CpuProfile): number {
  const idle = new Set(
    profile.nodes
      .filter((node) => ["(idle)", "(program)"].includes(node.callFrame.functionName))
      .map((node) => node.id),
  )
  let micros = 0
  profile.samples.forEach((sample, i) => {
    if (!idle.has(sample)) micros += profile.timeDeltas[i + 1] ?? 0
  })
  return micros / 1000
}
