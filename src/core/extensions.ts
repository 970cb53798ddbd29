import type { Context, Hono } from "hono"
import type { z } from "zod"
import type { ResolvedConfig } from "../config"
import type { AuthContext } from "./auth/jwt"
import { validateBody } from "./body"
import type { Registry, Scope } from "./container"
import { validateQuery } from "./query/params"
import type { AppEnv } from "./types"

/** What a custom route handler gets, in the manner of Medusa's MedusaRequest. */
export interface RouteRequest<Body = unknown, Query = unknown> {
  scope: Scope
  params: Record<string, string>
  validatedBody: Body
  validatedQuery: Query
  auth_context?: AuthContext
  publishable_key_context?: { key: string; sales_channel_ids: string[] }
  header(name: string): string | undefined
}

/** What it answers through, in the manner of Medusa's MedusaResponse. */
export interface RouteResponse {
  status(code: number): RouteResponse
  json(body: unknown): void
  send(text: string): void
}

export type RouteHandler<Body = unknown, Query = unknown> = (req: RouteRequest<Body, Query>, res: RouteResponse) => unknown

/** A handler with zod schemas for its body and query: bad input is a 400 naming the field, before the handler runs. */
export interface RouteDefinition<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  body?: B
  query?: Q
  /** The largest body this route takes, raised (or lowered) from BODY_LIMIT_BYTES, as Medusa's `bodyParser.sizeLimit`: bytes or "5mb". */
  bodyLimit?: number | string
  handler: RouteHandler<z.output<B>, z.output<Q>>
}

export function defineRoute<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(definition: RouteDefinition<B, Q>) {
  return definition
}

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

/** A `route.ts` file: handlers per method, or a default Hono router. */
// biome-ignore lint/suspicious/noExplicitAny: a project's router may declare any environment of its own
export type RouteModule = Partial<Record<(typeof METHODS)[number], RouteHandler | RouteDefinition>> & { default?: Hono<any> }

export interface ApiRoute {
  path: string
  module: RouteModule
  plugin?: string
}

/** A service file: a class or factory receiving the container and its plugin's options. */
export interface ServiceEntry {
  name: string
  factory: unknown
  plugin?: string
}

/** Custom modules built in from medusa.config.ts: a cache from its options, an event bus per request scope. */
export interface ModuleFactories {
  cache?: (options: Record<string, unknown>) => unknown
  eventBus?: (container: Scope, options: Record<string, unknown>) => unknown
}

/** Mounts the routes under `prefix` (with it removed) on `app`: store and admin ones after their guards. */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly ApiRoute[], prefix: string) {
  for (const route of routes) {
    if (prefix ? route.path !== prefix && !route.path.startsWith(`${prefix}/`) : route.path.startsWith("/store") || route.path.startsWith("/admin")) continue
    const path = route.path.slice(prefix.length) || "/"
    if (route.module.default) {
      app.route(path, route.module.default)
      continue
    }
    for (const method of METHODS) {
      const handler = route.module[method]
      if (handler) app.on(method, path, (c) => run(c, handler))
    }
  }
}

async function run(c: Context<AppEnv>, handler: RouteHandler | RouteDefinition) {
  const definition = typeof handler === "function" ? { handler } : handler
  const validatedQuery = definition.query ? validateQuery(c, definition.query) : undefined
  const validatedBody = definition.body ? await validateBody(c, definition.body) : undefined
  let status = 200
  let answer: Response | undefined
  const res: RouteResponse = {
    status(code) {
      status = code
      return res
    },
    json(body) {
      answer = c.json(body as object, status as 200)
    },
    send(text) {
      answer = c.text(text, status as 200)
    },
  }
  const key = c.var.publishableKey
  await definition.handler(
    {
      scope: c.var.scope,
      params: c.req.param() as Record<string, string>,
      validatedBody,
      validatedQuery,
      auth_context: c.var.auth,
      publishable_key_context: key ? { key: key.id, sales_channel_ids: key.sales_channel_ids } : undefined,
      header: (name) => c.req.header(name),
    },
    res,
  )
  return answer ?? c.body(null, status === 200 ? 204 : (status as 204))
}

/**
 * Registers the project's and plugins' services under their names: a class is constructed
 * with (container, options), a function called with them, once per request scope.
 */
export function registerServices(registry: Registry, services: readonly ServiceEntry[], config: ResolvedConfig) {
  for (const service of services) {
    const options = service.plugin ? (config.plugins.find((plugin) => plugin.resolve === service.plugin)?.options ?? {}) : {}
    const make = service.factory as ((scope: Scope, options: Record<string, unknown>) => unknown) & { prototype?: object }
    const isClass = typeof make === "function" && /^class\s/.test(Function.prototype.toString.call(make))
    registry.register(service.name, (scope) =>
      isClass ? new (make as unknown as new (scope: Scope, options: Record<string, unknown>) => unknown)(scope, options) : make(scope, options),
    )
  }
}
