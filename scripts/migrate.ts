// npm run migrate: applies drizzle/*.sql to DATABASE_URL (Neon or any Postgres).
import { loadDotEnv } from "./lib/dotenv"
import { runMigrations } from "./lib/migrate"

loadDotEnv()
const { loadConfig } = await import("./lib/config")
const { projectConfig, plugins } = loadConfig()
await runMigrations(
  projectConfig.database_url,
  projectConfig.database_schema,
  console.log,
  plugins.map((plugin) => plugin.resolve),
)
