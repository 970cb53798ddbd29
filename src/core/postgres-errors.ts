import { MedusaError } from "./errors"

/**
 * Postgres errors that a client can act on, mapped to Medusa's types. Drizzle wraps the
 * driver's error, so the SQLSTATE is looked for along the `cause` chain.
 */
export function fromPostgresError(error: unknown): MedusaError | undefined {
  const pg = findPgError(error)
  if (!pg) return undefined
  switch (pg.code) {
    case "23505":
      return new MedusaError("duplicate_error", duplicateMessage(pg.detail))
    case "40001": // serialization failure
    case "40P01": // deadlock
    case "55P03": // lock not available
      return new MedusaError("conflict", "The request conflicted with another request.")
    case "22P02": // invalid text representation
    case "22003": // numeric value out of range
    case "23502": // not null violation
    case "23514": // check violation
      return new MedusaError("invalid_data", pg.message)
    default:
      return new MedusaError("database_error", "The database could not complete the request.")
  }
}

interface PgError {
  code: string
  message: string
  detail?: string
}

function findPgError(error: unknown): PgError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as Partial<PgError> & { cause?: unknown }
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgError
    current = candidate.cause
  }
  return undefined
}

// "Key (handle)=(shirt) already exists." → "Product with handle: shirt, already exists." is Medusa's wording;
// without the entity name here, say which key clashed.
function duplicateMessage(detail: string | undefined): string {
  const match = detail && /Key \((.+)\)=\((.*)\) already exists/.exec(detail)
  return match
    ? `A record with ${match[1]}: ${match[2]}, already exists.`
    : "A record with these values already exists."
}

// SQLSTATEs of a database that cannot serve now: connection exceptions, shutdowns, too many clients.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/
// The drivers' words for a connection that failed or dropped (no SQLSTATE comes with them).
// "is not queryable": a transaction's connection dropped, Drizzle's rollback on it fails and that error replaces the first.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|is not queryable|Error connecting to database|Server error \(HTTP status 5\d\d\)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|WebSocket|socket hang up|fetch failed|Network connection lost/i

/** Whether `error` says the database is unreachable or dropped the connection: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown }
    if (
      typeof candidate.code === "string" &&
      (UNAVAILABLE_STATES.test(candidate.code) || UNAVAILABLE_MESSAGES.test(candidate.code))
    )
      return true
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.test(candidate.message)) return true
    current = candidate.cause
  }
  return false
}
