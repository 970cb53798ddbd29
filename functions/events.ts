import { env } from "cloudflare:workers"
import config from "../medusa.config"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"

// The same app, for deploying the subscriber webhooks (/hooks/subscribers/*) as a Worker of their
// own; by default the API Worker serves them.
export default createApp(resolveConfig(config, env), extensions)
