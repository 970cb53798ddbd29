import type { Registry } from "../../core/container"
import { CurrencyService } from "./service"

const currencies = new CurrencyService()

declare module "../../core/container" {
  interface ServiceMap {
    currencyService: CurrencyService
  }
}

export function register(registry: Registry) {
  registry.register("currencyService", () => currencies)
}
