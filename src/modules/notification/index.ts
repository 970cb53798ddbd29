import type { Registry } from "../../core/container"
import { createProviders, type NotificationProvider } from "./providers/provider"
import { NotificationService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    notificationService: NotificationService
    /** Medusa's name (Modules.NOTIFICATION's service), as subscribers written for Medusa resolve it */
    notificationModuleService: NotificationService
    notification: NotificationService
  }
}

export function register(registry: Registry) {
  // Providers hold no connection: built once per app from the config, shared by its requests.
  let providers: NotificationProvider[] | undefined
  registry.register("notificationService", (scope) => {
    providers ??= createProviders(scope.resolve("config").modules.notification.providers)
    return new NotificationService(scope.resolve("manager"), providers)
  })
  registry.register("notificationModuleService", (scope) => scope.resolve("notificationService"))
  registry.register("notification", (scope) => scope.resolve("notificationService"))
}
