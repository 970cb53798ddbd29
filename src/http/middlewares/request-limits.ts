import bytes from "bytes"
import { every } from "hono/combine"
import { bodyLimit } from "hono/body-limit"
import type { MiddlewareHandler } from "hono"
import { HTTPException } from "hono/http-exception"
import { MedusaError } from "../../core/errors"
import { METHODS, type ApiRoute } from "../../core/extensions"

/** The largest request body a route reads unless it declares its own `bodyLimit` (Medusa's JSON body parser defaults to 100 kB; the admin sends more). */
export const BODY_LIMIT_BYTES = 1024 * 1024

interface RaisedLimit {
  method: string
  path: RegExp
  limit: MiddlewareHandler
}

const limitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    // The error handler answers it as { type: "invalid_data", message } with this 413.
    onError: () => {
      throw new HTTPException(413, { message: `The request body is larger than ${maxSize} bytes` })
    },
  })

/** `/admin/things/:id` → a pattern of the request paths it serves. */
const pathPattern = (path: string) =>
  new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}/?$`)

/** The custom routes (src/api, plugins) that declare a `bodyLimit` of their own. */
function raisedLimits(routes: readonly ApiRoute[]): RaisedLimit[] {
  const raised: RaisedLimit[] = []
  for (const route of routes) {
    for (const method of METHODS) {
      const handler = route.module[method]
      if (!handler || typeof handler === "function" || handler.bodyLimit === undefined) continue
      const maxSize = typeof handler.bodyLimit === "number" ? handler.bodyLimit : bytes.parse(handler.bodyLimit)
      if (maxSize === null || !Number.isFinite(maxSize) || maxSize <= 0)
        throw new Error(`${method} ${route.path}: bodyLimit ${handler.bodyLimit} is not a size`)
      raised.push({ method, path: pathPattern(route.path), limit: limitOf(maxSize) })
    }
  }
  return raised
}

/**
 * What no route should see: a body over its limit (413, before it is read), and a path
 * holding an encoded NUL (`%00`), which Postgres cannot store or compare (400).
 */
export function refuseHostileRequests(
  routes: readonly ApiRoute[] = [],
  /** built-in routes with a limit of their own (file uploads, sized by the file module's config) */
  builtIn: readonly { method: string; path: string; maxSize: number }[] = [],
): MiddlewareHandler {
  const standard = limitOf(BODY_LIMIT_BYTES)
  const raised = [
    ...builtIn.map((route) => ({ method: route.method, path: pathPattern(route.path), limit: limitOf(route.maxSize) })),
    ...raisedLimits(routes),
  ]
  return every(
    async (c, next) => {
      if (/%00/.test(new URL(c.req.url).pathname)) {
        throw new MedusaError("invalid_data", "The path must not contain a NUL character (%00)")
      }
      await next()
    },
    (c, next) =>
      (raised.find((route) => route.method === c.req.method && route.path.test(c.req.path))?.limit ?? standard)(
        c,
        next,
      ),
  )
}
