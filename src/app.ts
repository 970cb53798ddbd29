import { Hono } from "hono"
import { requestId } from "hono/request-id"
import { refuseHostileRequests } from "./http/middlewares/request-limits"
import { adminApi } from "./admin-api"
import type { ResolvedConfig } from "./config"
import { Registry } from "./core/container"
import {
  mountRoutes,
  registerServices,
  type ApiRoute,
  type ModuleFactories,
  type ServiceEntry,
} from "./core/extensions"
import { corsFor } from "./core/cors"
import { notFound, onError } from "./core/error-handler"
import { health } from "./http/health"
import { apiReference } from "./http/openapi"
import { requestScope } from "./http/middlewares/request-scope"
import type { AppEnv } from "./core/types"
import { createCache, type CacheService } from "./infra/cache"
import { CatalogCache } from "./infra/catalog-cache"
import { catalogInvalidation } from "./infra/catalog-invalidation"
import { notificationSubscribers } from "./flows/notification"
import { EventOutboxService } from "./infra/event-outbox-service"
import type { JobConfig } from "./infra/events/job"
import { EventPublisher } from "./infra/events/publisher"
import { subscriberRoutes } from "./infra/events/receiver"
import { checkSubscriberIds, subscribersOf, type Subscriber } from "./infra/events/subscriber"
import { createRateLimiter } from "./infra/rate-limit"
import { registerModules } from "./modules"
import { paymentProvidersFor } from "./modules/payment/providers"
import { authRoutes } from "./http/auth/routes"
import { paymentHookRoutes } from "./http/hooks/payment"
import { adminDashboard } from "./http/admin-dashboard"
import { cloudAuthRoutes } from "./http/admin/dashboard-settings"
import { storeApi } from "./store-api"
import { uploadBodyLimits } from "./http/static/limits"
import { staticFileRoutes } from "./http/static/routes"
import { paymentSessionRelease } from "./flows/payment/release-sessions"

/** What the project's folders and plugins provide (src/registry.generated.ts). */
export interface Extensions {
  subscribers: readonly Subscriber[]
  jobs: readonly JobConfig[]
  routes?: readonly ApiRoute[]
  services?: readonly ServiceEntry[]
  modules?: ModuleFactories
}

const NO_EXTENSIONS: Extensions = { subscribers: [], jobs: [], routes: [], services: [] }

/** The project's and plugins' subscribers, the built-in one that keeps the catalog cache exact, and the built-in mails. */
function allSubscribers(extensions: Extensions): readonly Subscriber[] {
  const all = [...extensions.subscribers, catalogInvalidation, paymentSessionRelease, ...notificationSubscribers]
  checkSubscriberIds(all)
  return all
}

/** The services every request can resolve, by Medusa's names. */
export function createRegistry(config: ResolvedConfig, extensions: Extensions = NO_EXTENSIONS): Registry {
  const registry = new Registry()
  const { cache: cacheModule, eventBus: eventBusModule } = config.modules
  const cache =
    cacheModule.resolve === "custom" ? extensions.modules?.cache?.(cacheModule.options) : createCache(config)
  if (cacheModule.resolve === "custom" && !cache)
    throw new Error(`cache module ${cacheModule.path} is not in the build: run npm run build`)
  registry.register("cacheService", () => cache)
  // One per app, so one per isolate: its memory tier is what requests of this isolate share.
  const catalogCache = new CatalogCache(cache as CacheService)
  registry.register("catalogCache", () => catalogCache)
  // One limiter per app: an Upstash client holds no connection; the memory one is the point of sharing.
  const limiter = createRateLimiter(config)
  registry.register("rateLimiterService", () => limiter)
  registry.register("manager", (scope) => scope.resolve("database").db)
  // With the built-in buses, an event no subscriber listens to needs no publishing; a custom bus may have listeners we do not know.
  const subscribers = allSubscribers(extensions)
  const subscribed =
    eventBusModule.resolve === "custom" ? undefined : (name: string) => subscribersOf(subscribers, name).length > 0
  registry.register(
    "eventOutboxService",
    (scope) => new EventOutboxService(scope.resolve("manager"), scope.resolve("emittedEvents"), subscribed),
  )
  registry.register("eventBusService", (scope) => {
    if (eventBusModule.resolve === "custom") {
      const custom = extensions.modules?.eventBus
      if (!custom) throw new Error(`event bus module ${eventBusModule.path} is not in the build: run npm run build`)
      return custom(scope, eventBusModule.options)
    }
    return new EventPublisher(scope.resolve("manager"), {
      module: eventBusModule,
      publicUrl: eventBusModule.resolve === "qstash" ? eventBusModule.options.publicUrl : undefined,
      subscribers,
      newScope: () => registry.createScope({ config, database: scope.resolve("database"), emittedEvents: [] }),
    })
  })
  registerModules(registry)
  // Payment providers with the project's and plugins' provider modules, built now: a missing one stops the start.
  const paymentProviders = paymentProvidersFor(config, extensions.modules?.paymentProviders)
  registry.register("paymentProviders", () => paymentProviders)
  // Last, so that a project's service can be resolved under its own name before any other.
  registerServices(registry, extensions.services ?? [], config)
  return registry
}

/** Builds the HTTP API from a resolved config: middleware, then each area's routes. */
export function createApp(config: ResolvedConfig, extensions: Extensions = NO_EXTENSIONS): Hono<AppEnv> {
  const { store_cors, admin_cors, auth_cors } = config.projectConfig
  const registry = createRegistry(config, extensions)
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(refuseHostileRequests(extensions.routes, uploadBodyLimits(config.modules.file)))
  app.use("/store/*", corsFor(store_cors))
  app.use("/admin/*", corsFor(admin_cors))
  app.use("/auth/*", corsFor(auth_cors))
  // Presigned upload PUTs come from the admin (the dashboard's product import).
  app.use("/static/*", corsFor(admin_cors))
  app.use(requestScope(config, registry))

  app.get("/health", health)
  app.route("/", apiReference(app))
  const routes = extensions.routes ?? []
  app.route("/store", storeApi(routes))
  app.route("/auth", authRoutes)
  app.route("/admin", adminApi(routes))
  app.route("/cloud", cloudAuthRoutes)
  app.route("/static", staticFileRoutes)
  app.route("/hooks/subscribers", subscriberRoutes(config, allSubscribers(extensions)))
  app.route("/hooks/payment", paymentHookRoutes)
  if (!config.admin.disable) app.route(config.admin.path, adminDashboard(config.admin))
  // The project's other routes (not under /store or /admin): public, no CORS unless configured.
  mountRoutes(app, routes, "")

  app.notFound(notFound)
  app.onError(onError)
  return app
}
