import type { Context, Env, MiddlewareHandler } from "hono"
import { resolver, uniqueSymbol } from "hono-openapi"
import { z } from "zod"
import { validateBody } from "./body"
import { validateQuery } from "./query/params"

type Target = "json" | "query" | "param"

/** What a declared input adds to a route: `c.req.valid(target)` is the schema's output. */
type Declared<T extends Target, S extends z.ZodType> = {
  in: { [K in T]: z.input<S> }
  out: { [K in T]: z.output<S> }
}

/**
 * A route's input declared once: the middleware validates it before the handler (a 400 naming
 * the field), the handler reads `c.req.valid(target)`, and /openapi.json documents the same schema.
 */
function declare<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  read: (c: Context) => unknown,
): MiddlewareHandler<Env, string, Declared<T, S>> {
  const middleware: MiddlewareHandler<Env, string, Declared<T, S>> = async (c, next) => {
    c.req.addValidatedData(target, (await read(c)) as object)
    await next()
  }
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } })
}

/** The JSON body, with Medusa's reading: an empty body is `{}`, NUL refused, over-large refused earlier. */
export const body = <S extends z.ZodType>(schema: S) => declare("json", schema, (c) => validateBody(c, schema))

/** The query string, parsed as Medusa's clients build it (`qs`), with operators and dates checked. */
export const query = <S extends z.ZodType>(schema: S) => declare("query", schema, (c) => validateQuery(c, schema))

/** A POST that reads no body: Medusa's clients post nothing or `{}`, and Medusa ignores what else comes. */
export const noBody = body(z.object({}))
