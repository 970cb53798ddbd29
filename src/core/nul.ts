import { MedusaError } from "./errors"

/**
 * Postgres cannot store U+0000 in text, so a string holding one is refused here, with the field
 * that holds it, before it reaches a query (where it would be a 500).
 */
export function refuseNul(value: unknown, where: string): void {
  const path = nulPath(value, "")
  if (path !== undefined)
    throw new MedusaError(
      "invalid_data",
      `${where}${path ? ` ${path}` : ""} must not contain a NUL character (\\u0000)`,
    )
}

function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}[${i}]`)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key
      if (key.includes("\u0000")) return at
      const found = nulPath(item, at)
      if (found !== undefined) return found
    }
  }
  return undefined
}
