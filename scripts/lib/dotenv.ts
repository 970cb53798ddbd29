import { existsSync } from "node:fs"

/** Loads ./.env (as Medusa's loadEnv does) without overriding variables already set. */
export function loadDotEnv(file = ".env") {
  if (!existsSync(file)) return
  const before = { ...process.env }
  process.loadEnvFile(file)
  Object.assign(process.env, before)
}
