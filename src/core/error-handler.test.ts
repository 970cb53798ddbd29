import { HTTPException } from "hono/http-exception"
import { describe, expect, test } from "vitest"
import { z } from "zod"
import { describeError } from "./error-handler"
import { MedusaError } from "./errors"

describe("describeError", () => {
  test.each([
    ["invalid_data", 400],
    ["not_allowed", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["payment_authorization_error", 422],
    ["unexpected_state", 500],
    ["invalid_argument", 500],
  ] as const)("%s → %i with its message", (type, status) => {
    expect(describeError(new MedusaError(type, "Something specific"))).toEqual({
      status,
      body: { type, message: "Something specific" },
    })
  })

  test("codes of Medusa's handler: duplicate, conflict, database, custom", () => {
    expect(describeError(new MedusaError("duplicate_error", "dup"))).toEqual({
      status: 422,
      body: { type: "duplicate_error", message: "dup", code: "invalid_request_error" },
    })
    const conflict = describeError(new MedusaError("conflict", "x"))
    expect(conflict.status).toBe(409)
    expect(conflict.body).toMatchObject({ type: "conflict", code: "invalid_state_error" })
    expect(conflict.body.message).toMatch(/You may retry the request/)
    expect(describeError(new MedusaError("database_error", "db")).body.code).toBe("api_error")
    expect(describeError(new MedusaError("not_allowed", "out", "insufficient_inventory")).body.code).toBe(
      "insufficient_inventory",
    )
  })

  test("zod errors are invalid_data, one line per field", () => {
    const parsed = z
      .strictObject({ email: z.email(), quantity: z.number().int().positive() })
      .safeParse({ email: "x", quantity: 0, extra: 1 })
    const { status, body } = describeError(parsed.error)
    expect(status).toBe(400)
    expect(body.type).toBe("invalid_data")
    expect(body.message.split("\n")).toEqual([
      expect.stringMatching(/^email: /),
      expect.stringMatching(/^quantity: /),
      "Unrecognized fields: 'extra'",
    ])
  })

  test("Postgres errors found through Drizzle's cause", () => {
    const wrapped = (code: string, detail?: string) =>
      Object.assign(new Error("Failed query"), { cause: { code, message: "pg says", detail } })
    expect(describeError(wrapped("23505", "Key (handle)=(shirt) already exists."))).toEqual({
      status: 422,
      body: {
        type: "duplicate_error",
        message: "A record with handle: shirt, already exists.",
        code: "invalid_request_error",
      },
    })
    expect(describeError(wrapped("40001")).status).toBe(409)
    expect(describeError(wrapped("22P02")).body).toEqual({ type: "invalid_data", message: "pg says" })
    expect(describeError(wrapped("42883")).body).toMatchObject({ type: "database_error", code: "api_error" })
  })

  test("a database that is unreachable or drops the connection is a 503, whatever the driver calls it", () => {
    const unavailable = [
      Object.assign(new Error("Failed query"), { cause: { code: "08006", message: "connection failure" } }),
      Object.assign(new Error("Failed query"), {
        cause: { code: "57P01", message: "terminating connection due to administrator command" },
      }),
      Object.assign(new Error("Failed query"), { cause: new Error("Connection terminated unexpectedly") }),
      new Error("Error connecting to database: TypeError: fetch failed"),
      new Error("Server error (HTTP status 503): Postgres is unreachable"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      // Drizzle's rollback on the dropped connection fails, and its error replaces the first.
      Object.assign(new Error("Failed query: rollback"), {
        cause: new Error("Client has encountered a connection error and is not queryable"),
      }),
    ]
    for (const error of unavailable)
      expect(describeError(error)).toEqual({
        status: 503,
        body: {
          type: "unexpected_state",
          message: "The database is unavailable right now. Try again in a few seconds.",
        },
      })
    expect(describeError(new Error("something else")).status).toBe(500)
  })

  test("Hono's HTTP exceptions keep their status", () => {
    expect(describeError(new HTTPException(413, { message: "Payload Too Large" }))).toEqual({
      status: 413,
      body: { type: "invalid_data", message: "Payload Too Large" },
    })
    expect(describeError(new HTTPException(401, { message: "Unauthorized" })).body.type).toBe("unauthorized")
  })

  test("anything else is Medusa's unknown error, without internals", () => {
    expect(describeError(new TypeError("x is undefined"))).toEqual({
      status: 500,
      body: { code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." },
    })
  })
})
