import type { Context, Hono, MiddlewareHandler } from "hono"
import type { z } from "zod"
import type { ResolvedConfig } from "../config"
import type { AuthContext } from "./auth/jwt"
import { BaseService } from "./base-service"
import type { Cradle, Registry, Scope } from "./container"
import { body, query } from "./input"
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

export type RouteHandler<Body = unknown, Query = unknown> = (
  req: RouteRequest<Body, Query>,
  res: RouteResponse,
) => unknown

/** A handler with zod schemas for its body and query: bad input is a 400 naming the field, before the handler runs. */
export interface RouteDefinition<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  body?: B
  query?: Q
  /** The largest body this route takes, raised (or lowered) from BODY_LIMIT_BYTES, as Medusa's `bodyParser.sizeLimit`: bytes or "5mb". */
  bodyLimit?: number | string
  handler: RouteHandler<z.output<B>, z.output<Q>>
}

export function defineRoute<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(
  definition: RouteDefinition<B, Q>,
) {
  return definition
}

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

/** A `route.ts` file: handlers per method, or a default Hono router. */
export type RouteModule = Partial<Record<(typeof METHODS)[number], RouteHandler | RouteDefinition>> & {
  // biome-ignore lint/suspicious/noExplicitAny: a project's router may declare any environment of its own
  default?: Hono<any>
}

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
  /** payment provider modules by their `resolve` (the payment module checks their shape) */
  paymentProviders?: Record<string, unknown>
}

/** Mounts the routes under `prefix` (with it removed) on `app`: store and admin ones after their guards. */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly ApiRoute[], prefix: string) {
  for (const route of routes) {
    if (
      prefix
        ? route.path !== prefix && !route.path.startsWith(`${prefix}/`)
        : route.path.startsWith("/store") || route.path.startsWith("/admin")
    )
      continue
    const path = route.path.slice(prefix.length) || "/"
    if (route.module.default) {
      app.route(path, route.module.default)
      continue
    }
    for (const method of METHODS) {
      const handler = route.module[method]
      if (!handler) continue
      // Declared like the built-in routes, so a project's schemas are validated first and in /openapi.json.
      for (const input of typeof handler === "function" ? [] : declaredInputs(handler)) app.on(method, path, input)
      app.on(method, path, (c) => run(c, handler))
    }
  }
}

function declaredInputs(definition: RouteDefinition): MiddlewareHandler[] {
  return [...(definition.body ? [body(definition.body)] : []), ...(definition.query ? [query(definition.query)] : [])]
}

async function run(c: Context<AppEnv>, handler: RouteHandler | RouteDefinition) {
  const definition = typeof handler === "function" ? { handler } : handler
  // Validated by the declared inputs before this runs (see declaredInputs).
  const request = c.req as unknown as { valid(target: "json" | "query"): unknown }
  const validatedQuery = definition.query ? request.valid("query") : undefined
  const validatedBody = definition.body ? request.valid("json") : undefined
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

/** True for a class (as written, not a function called with `new`): built with `new`, not called. */
export function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value))
}

/**
 * A file's exports. One loaded as CommonJS (under tsx, a plugin folder whose package.json does not say
 * "type": "module") comes as `{ default: { default, config, … }, … }`: its exports are one level down.
 */
export function exportsOf<T extends { default?: unknown }>(module: T): T {
  const inner = module.default
  const wrapped = inner !== null && typeof inner === "object" && "default" in inner
  return wrapped ? (inner as T) : module
}

/** The options medusa.config.ts gives a plugin; none for the project's own files. */
export function pluginOptions(config: ResolvedConfig, plugin: string | undefined): Record<string, unknown> {
  return plugin ? (config.plugins.find((candidate) => candidate.resolve === plugin)?.options ?? {}) : {}
}

/**
 * Registers the project's and plugins' services under their names, built once per request scope
 * with their plugin's options: a class extending BaseService (Medusa v1's TransactionBaseService)
 * with the scope's cradle, any other class with the scope, a function called with the scope.
 */
export function registerServices(registry: Registry, services: readonly ServiceEntry[], config: ResolvedConfig) {
  for (const service of services) {
    const options = pluginOptions(config, service.plugin)
    const make = exportsOf({ default: service.factory }).default
    if (isClass(make)) {
      const Service = make as unknown as new (container: Scope | Cradle, options: Record<string, unknown>) => unknown
      const v1 = make.prototype instanceof BaseService
      registry.register(service.name, (scope) => new Service(v1 ? scope.cradle : scope, options))
    } else if (typeof make === "function") {
      registry.register(service.name, (scope) =>
        (make as (scope: Scope, options: Record<string, unknown>) => unknown)(scope, options),
      )
    } else {
      throw new Error(`service ${service.name}: its file must default-export a class or a function`)
    }
  }
}
