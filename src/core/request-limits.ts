import { every } from "hono/combine"
import { bodyLimit } from "hono/body-limit"
import type { MiddlewareHandler } from "hono"
import type { ErrorBody } from "./errors"

/** The largest request body any route reads (Medusa's JSON body parser defaults to 100 kB; the admin sends more). */
export const BODY_LIMIT_BYTES = 1024 * 1024

/**
 * What no route should see: a body over BODY_LIMIT_BYTES (413, before it is read), and a path
 * holding an encoded NUL (`%00`), which Postgres cannot store or compare (400).
 */
export function refuseHostileRequests(): MiddlewareHandler {
  return every(
    async (c, next) => {
      if (/%00/.test(new URL(c.req.url).pathname)) {
        return c.json({ type: "invalid_data", message: "The path must not contain a NUL character (%00)" } satisfies ErrorBody, 400)
      }
      await next()
    },
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: (c) => c.json({ type: "invalid_data", message: `The request body is larger than ${BODY_LIMIT_BYTES} bytes` } satisfies ErrorBody, 413),
    }),
  )
}
