/** Medusa's error types; the error handler turns each into its HTTP status and JSON body. */
export const ErrorType = {
  INVALID_DATA: "invalid_data",
  NOT_ALLOWED: "not_allowed",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  DUPLICATE_ERROR: "duplicate_error",
  PAYMENT_AUTHORIZATION_ERROR: "payment_authorization_error",
  CONFLICT: "conflict",
  DB_ERROR: "database_error",
  UNEXPECTED_STATE: "unexpected_state",
  INVALID_ARGUMENT: "invalid_argument",
} as const

export type ErrorTypeName = (typeof ErrorType)[keyof typeof ErrorType]

export class MedusaError extends Error {
  static readonly Types = ErrorType

  constructor(
    readonly type: ErrorTypeName,
    message: string,
    /** Medusa's optional machine-readable code, e.g. "insufficient_inventory" */
    readonly code?: string,
  ) {
    super(message)
    this.name = "MedusaError"
  }
}

/** Over a rate limit: Medusa's error types have no 429, so this one is answered on its own, with Retry-After. */
export class TooManyRequestsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts, try again in ${retryAfterSeconds} seconds`)
    this.name = "TooManyRequestsError"
  }
}

export interface ErrorBody {
  type: string
  message: string
  code?: string
}

const CONFLICT_MESSAGE =
  "The request conflicted with another request. You may retry the request with the provided Idempotency-Key."

/** Status and body for a MedusaError, as Medusa's own error handler answers them. */
export function describeMedusaError(error: MedusaError): { status: number; body: ErrorBody } {
  const body: ErrorBody = { type: error.type, message: error.message }
  if (error.code) body.code = error.code
  switch (error.type) {
    case ErrorType.INVALID_DATA:
    case ErrorType.NOT_ALLOWED:
      return { status: 400, body }
    case ErrorType.UNAUTHORIZED:
      return { status: 401, body }
    case ErrorType.FORBIDDEN:
      return { status: 403, body }
    case ErrorType.NOT_FOUND:
      return { status: 404, body }
    case ErrorType.CONFLICT:
      return { status: 409, body: { type: error.type, message: CONFLICT_MESSAGE, code: "invalid_state_error" } }
    case ErrorType.DUPLICATE_ERROR:
      return { status: 422, body: { ...body, code: "invalid_request_error" } }
    case ErrorType.PAYMENT_AUTHORIZATION_ERROR:
      return { status: 422, body }
    case ErrorType.DB_ERROR:
      return { status: 500, body: { ...body, code: "api_error" } }
    case ErrorType.UNEXPECTED_STATE:
    case ErrorType.INVALID_ARGUMENT:
      return { status: 500, body }
  }
  return { status: 500, body: UNKNOWN_ERROR }
}

export const UNKNOWN_ERROR: ErrorBody = {
  code: "unknown_error",
  type: "unknown_error",
  message: "An unknown error occurred.",
}
