import type { Context, ErrorHandler, NotFoundHandler } from "hono"
import { HTTPException } from "hono/http-exception"
import { ZodError } from "zod"
import { describeMedusaError, MedusaError, TooManyRequestsError, UNKNOWN_ERROR, type ErrorBody } from "./errors"
import { fromPostgresError, isDatabaseUnavailable } from "./postgres-errors"
import { formatZodError } from "./validation"

const HTTP_STATUS_TYPES: Record<number, ErrorBody["type"]> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
}

/** Every failure leaves as `{ type, message }` with Medusa's status for that type. */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof MedusaError) return describeMedusaError(error)
  if (error instanceof TooManyRequestsError)
    return { status: 429, body: { type: "too_many_requests", message: error.message } }
  if (error instanceof ZodError) return { status: 400, body: { type: "invalid_data", message: formatZodError(error) } }
  if (error instanceof HTTPException) {
    const type = HTTP_STATUS_TYPES[error.status] ?? (error.status < 500 ? "invalid_data" : "unknown_error")
    return { status: error.status, body: { type, message: error.message || "Invalid request" } }
  }
  if (isDatabaseUnavailable(error)) return { status: 503, body: DATABASE_UNAVAILABLE }
  const fromDatabase = fromPostgresError(error)
  if (fromDatabase) return describeMedusaError(fromDatabase)
  return { status: 500, body: UNKNOWN_ERROR }
}

const DATABASE_UNAVAILABLE: ErrorBody = {
  type: "unexpected_state",
  message: "The database is unavailable right now. Try again in a few seconds.",
}
/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5

export const onError: ErrorHandler = (error, c) => {
  const { status, body } = describeError(error)
  if (status >= 500) console.error(`[${requestIdOf(c)}] ${c.req.method} ${c.req.path} failed:`, error)
  if (status === 503) c.header("Retry-After", String(RETRY_AFTER_SECONDS))
  if (error instanceof TooManyRequestsError) c.header("Retry-After", String(error.retryAfterSeconds))
  return c.json(body, status as 500)
}

export const notFound: NotFoundHandler = (c) =>
  c.json({ type: "not_found", message: `Cannot ${c.req.method} ${c.req.path}` } satisfies ErrorBody, 404)

function requestIdOf(c: Context): string {
  return (c.get("requestId" as never) as string | undefined) ?? "-"
}
