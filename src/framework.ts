/**
 * The names a project's files import, in one module. Medusa's own import names resolve here, so
 * files written for Medusa build unchanged: `@medusajs/framework` with `/types`, `/http` and
 * `/utils` (v2) and `@medusajs/medusa` (v1), through tsconfig.json's `paths` (tsc, tsx, vitest)
 * and wrangler.toml's `[alias]` (the Worker bundle).
 */
export { BaseService, BaseService as TransactionBaseService } from "./core/base-service"
export type { Cradle, Scope as MedusaContainer } from "./core/container"
export { MedusaError } from "./core/errors"
export { defineRoute } from "./core/extensions"
export type { RouteDefinition, RouteRequest as MedusaRequest, RouteResponse as MedusaResponse } from "./core/extensions"
export { job } from "./infra/events/job"
export type { ScheduledJobConfig } from "./infra/events/job"
export { subscriber } from "./infra/events/subscriber"
export type { SubscriberArgs, SubscriberConfig } from "./infra/events/subscriber"
/** Medusa's module names, for those whose services here speak Medusa's module methods (createNotifications, createFiles, …). */
export const Modules = { NOTIFICATION: "notification", FILE: "file" } as const
