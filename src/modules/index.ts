import type { Registry } from "../core/container"
import * as apiKey from "./api-key"
import * as auth from "./auth"
import * as cart from "./cart"
import * as currency from "./currency"
import * as customer from "./customer"
import * as file from "./file"
import * as fulfillment from "./fulfillment"
import * as inventory from "./inventory"
import * as notification from "./notification"
import * as order from "./order"
import * as payment from "./payment"
import * as pricing from "./pricing"
import * as product from "./product"
import * as promotion from "./promotion"
import * as region from "./region"
import * as salesChannel from "./sales-channel"
import * as stockLocation from "./stock-location"
import * as store from "./store"
import * as tax from "./tax"
import * as user from "./user"

/** Registers every commerce domain's services under Medusa's names (`productService`, …). */
export function registerModules(registry: Registry) {
  for (const module of [
    apiKey,
    auth,
    cart,
    currency,
    customer,
    file,
    user,
    fulfillment,
    inventory,
    notification,
    order,
    payment,
    pricing,
    product,
    promotion,
    region,
    salesChannel,
    stockLocation,
    store,
    tax,
  ]) {
    module.register(registry)
  }
}
