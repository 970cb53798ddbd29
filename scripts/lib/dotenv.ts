import { existsSync } from "node:fs"

/** Loads ./.env (as Medusa's loadEnv does) without overriding variables already set. */
export function loadDotEnv(file = ".env") {
  if (!existsSync(file)) return
  const before = { ...process.env }
  process.loadEnvFile(file)
  Object.assign(process.env, before)
}

/**
 * One line of a dotenv file that wrangler reads back as exactly `value`: single quotes (or
 * backticks) keep every character, so a CORS `/regex/` keeps its backslashes; only a value with a
 * newline is double-quoted, the one form in which dotenv expands `\n`.
 */
export function envLine(name: string, value: string): string {
  if (!/[\n\r]/.test(value))
    return value.includes("'") && !value.includes("`") ? `${name}=\`${value}\`` : `${name}='${value}'`
  return `${name}="${value.replace(/\r?\n/g, "\\n")}"`
}
