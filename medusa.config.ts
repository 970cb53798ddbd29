import { defineConfig } from "./src/config"

// Read at start-up: in the Worker, process.env holds the wrangler vars and secrets;
// in scripts, the shell's environment and .env. See the README's configuration table.
const env = process.env

export default defineConfig({
  projectConfig: {
    database_url: env.DATABASE_URL,
    database_logging: env.DATABASE_LOGGING ?? false,
    redis_url: env.REDIS_URL ?? env.UPSTASH_REDIS_REST_URL,
    redis_token: env.UPSTASH_REDIS_REST_TOKEN,
    jwt_secret: env.JWT_SECRET,
    cookie_secret: env.COOKIE_SECRET,
    store_cors: env.STORE_CORS,
    admin_cors: env.ADMIN_CORS,
    auth_cors: env.AUTH_CORS,
    auth_rate_limit: {
      per_ip: env.AUTH_RATE_LIMIT_PER_IP,
      per_email: env.AUTH_RATE_LIMIT_PER_EMAIL,
      window_seconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
  },
  plugins: [],
  modules: {
    // Setting QSTASH_TOKEN switches events from in-process delivery to QStash webhooks.
    eventBus: env.QSTASH_TOKEN
      ? {
          resolve: "qstash",
          options: {
            token: env.QSTASH_TOKEN,
            baseUrl: env.QSTASH_URL,
            currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
            nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
            publicUrl: env.PUBLIC_URL,
          },
        }
      : { resolve: "local" },
  },
})
