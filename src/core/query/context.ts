import type { Scope } from "../container"

/** Where prices are computed for: Medusa's pricing context plus the tax address. */
export interface PricingContext {
  currency_code: string
  region_id?: string
  country_code?: string
  province?: string
  /** the customer's groups, for price lists whose rules name them */
  customer_group_ids?: string[]
}

/** What relation loaders know about the request they load for. */
export interface QueryContext {
  scope: Scope
  /** the publishable key's sales channels (store routes) */
  salesChannelIds?: string[]
  /** a Store API request: shoppers see only what is public (e.g. active, public categories) */
  storefront?: boolean
  pricing?: PricingContext
}
