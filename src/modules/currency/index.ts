import type { Registry } from "../../core/container"
import { CurrencyService } from "./service"

const currencies = new CurrencyService()

export function register(registry: Registry) {
  registry.register("currencyService", () => currencies)
}
