import { env } from "cloudflare:workers"
import config from "../medusa.config"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { scheduled } from "./jobs"

// Resolved once per isolate, at start-up: an invalid config (say, no JWT_SECRET in
// production) stops the Worker from starting, with the list of what is wrong.
const app = createApp(resolveConfig(config, env), extensions)

export default { fetch: app.fetch, scheduled }
