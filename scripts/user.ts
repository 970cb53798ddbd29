// npm run user -- -e admin@example.com -p secret: creates an admin user (Medusa's `medusa user`).
import { parseArgs } from "node:util"
import { loadDotEnv } from "./lib/dotenv"

const { values } = parseArgs({
  options: { email: { type: "string", short: "e" }, password: { type: "string", short: "p" } },
})
if (!values.email || !values.password) {
  console.error("usage: npm run user -- -e admin@example.com -p secret")
  process.exit(2)
}
loadDotEnv()
// While `npm run dev` runs, its database and proxy are the default.
if (!process.env.DATABASE_URL) loadDotEnv(".medusa/dev.env")
if (!process.env.DATABASE_URL) {
  console.error("No database: run this while `npm run dev` runs, or set DATABASE_URL")
  process.exit(2)
}
const { loadConfig } = await import("./lib/config")
const { createAdminUser } = await import("./lib/create-user")
try {
  const user = await createAdminUser(loadConfig(), { email: values.email, password: values.password })
  console.log(`admin user ${user.email} created (${user.id}); log in with POST /auth/user/emailpass`)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
