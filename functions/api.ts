import { env } from "cloudflare:workers"
import config from "../medusa.config"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"

// Resolved once per isolate, at start-up: an invalid config (say, no JWT_SECRET in
// production) stops the Worker from starting, with the list of what is wrong.
export default createApp(resolveConfig(config, env))
