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
  return match ? `A record with ${match[1]}: ${match[2]}, already exists.` : "A record with these values already exists."
}
