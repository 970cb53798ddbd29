// npm run build: bundles the Worker as `wrangler deploy` would, into dist/, and reports its size.
import { buildAdmin } from "./lib/admin"
import { buildWorker } from "./lib/build"

const admin = await buildAdmin((await import("../medusa.config")).default)
if (admin.path) console.log(`admin dashboard: .medusa/assets${admin.path} (${admin.built ? "built" : "reused"})`)
const { bundle, bytes, gzipBytes } = await buildWorker()
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log(
  `\nWorker bundle ${bundle}: ${kib(bytes)}, gzip ${kib(gzipBytes)} (Cloudflare's free plan allows 3 MiB gzip)`,
)
