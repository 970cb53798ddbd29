import type { Registry, Scope } from "../../core/container"
import { FileService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    fileModuleService: FileService
    /** Modules.FILE's key in Medusa's container */
    file: FileService
  }
}

export function register(registry: Registry) {
  const build = (scope: Scope) => {
    const config = scope.resolve("config")
    return new FileService(scope.resolve("manager"), config.modules.file, config.projectConfig.jwt_secret)
  }
  registry.register("fileModuleService", build)
  registry.register("file", (scope) => scope.resolve("fileModuleService"))
}
