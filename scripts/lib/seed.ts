import type { ResolvedConfig } from "../../src/config"
import type { Scope } from "../../src/core/container"
import type { ApiKeyService } from "../../src/modules/api-key/service"
import type { FulfillmentService } from "../../src/modules/fulfillment/service"
import type { ShippingOptionService } from "../../src/modules/fulfillment/shipping-option-service"
import type { InventoryItemService } from "../../src/modules/inventory/item-service"
import type { InventoryService } from "../../src/modules/inventory/service"
import type { PricingService } from "../../src/modules/pricing/service"
import type { ProductCategoryService } from "../../src/modules/product/category-service"
import type { ProductCollectionService } from "../../src/modules/product/collection-service"
import type { ProductService } from "../../src/modules/product/service"
import type { ProductValueService } from "../../src/modules/product/value-service"
import type { RegionService } from "../../src/modules/region/service"
import type { SalesChannelService } from "../../src/modules/sales-channel/service"
import type { StockLocationService } from "../../src/modules/stock-location/service"
import type { StoreService } from "../../src/modules/store/service"
import type { TaxService } from "../../src/modules/tax/service"
import { DEMO_PRODUCTS, EUROPE, SHIPPING_OPTIONS, UNITED_STATES } from "./demo-store"
import { inTransaction } from "./node-scope"

type Log = (line: string) => void

/**
 * Seeds the demo store into an empty database through the API's own services, in one
 * transaction: a failure leaves the database empty, and a database with a store is left alone.
 * Returns the publishable key a storefront sends.
 */
export async function seedIfEmpty(
  config: ResolvedConfig,
  log: Log = console.log,
): Promise<{ created: boolean; publishableKey?: string }> {
  const started = Date.now()
  const result = await inTransaction(config, async (scope) => {
    // Taken inside the transaction, with a lock, so that two seeds at once cannot both see "empty".
    await scope.resolve<StoreService>("storeService").lockForSeeding()
    const existing = await scope.resolve<StoreService>("storeService").retrieveDefault()
    if (existing) {
      const [key] = await scope.resolve<ApiKeyService>("apiKeyService").listPublishable()
      log(`seed: store ${existing.id} exists, nothing to seed`)
      return { created: false, publishableKey: key?.token }
    }
    return { created: true, publishableKey: await seedDemoStore(scope, log) }
  })
  if (result.created) log(`seed: demo store ready in ${Date.now() - started} ms`)
  return result
}

async function seedDemoStore(scope: Scope, log: Log): Promise<string> {
  const resolve = <T>(name: string) => scope.resolve<T>(name)
  const stores = resolve<StoreService>("storeService")
  const { store } = await stores.ensureDefault({ name: "Medusa Store" })
  await stores.setCurrencies(store.id, ["eur", "usd"])

  const channel = await resolve<SalesChannelService>("salesChannelService").create({
    name: "Default Sales Channel",
    description: "Created by the demo seed",
  })
  const key = await resolve<ApiKeyService>("apiKeyService").createPublishable({
    title: "Webshop",
    sales_channel_ids: [channel.id],
  })
  log(`seed: sales channel "${channel.name}" with publishable key ${key.token}`)

  const regions = resolve<RegionService>("regionService")
  const taxes = resolve<TaxService>("taxService")
  const created: Record<string, string> = {}
  for (const region of [EUROPE, UNITED_STATES]) {
    const row = await regions.create({
      name: region.name,
      currency_code: region.currency_code,
      countries: region.countries.map((country) => country.code),
      payment_providers: ["pp_system_default"],
    })
    created[region.name] = row.id
    for (const country of region.countries) {
      await taxes.createCountryRate({
        country_code: country.code,
        rate: country.vat,
        code: `${country.code.toUpperCase()}-STD`,
        name: "Standard rate",
      })
    }
    log(
      `seed: region ${region.name} (${region.currency_code.toUpperCase()}; ${region.countries.map((c) => c.code).join(", ")})`,
    )
  }

  const locations = resolve<StockLocationService>("stockLocationService")
  const warehouse = await locations.create({
    name: "European Warehouse",
    address: { address_1: "Nørrebrogade 1", city: "Copenhagen", country_code: "dk", postal_code: "2200" },
  })
  await locations.linkSalesChannels(warehouse.id, [channel.id])
  await stores.updateDefaults(store.id, {
    default_region_id: created[EUROPE.name],
    default_sales_channel_id: channel.id,
    default_location_id: warehouse.id,
  })

  const fulfillment = resolve<FulfillmentService>("fulfillmentService")
  const shippingOptions = resolve<ShippingOptionService>("shippingOptionService")
  await fulfillment.enableProviderAt("manual_manual", warehouse.id)
  const profile = await fulfillment.createShippingProfile({ name: "Default Shipping Profile" })
  const pricing = resolve<PricingService>("pricingService")
  for (const region of [EUROPE, UNITED_STATES]) {
    const { service_zone } = await fulfillment.createShippingZone({
      stock_location_id: warehouse.id,
      set_name: `${warehouse.name} delivery to ${region.name}`,
      zone_name: region.name,
      country_codes: region.countries.map((country) => country.code),
    })
    for (const option of SHIPPING_OPTIONS) {
      const created = await shippingOptions.create({
        name: option.name,
        service_zone_id: service_zone.id,
        shipping_profile_id: profile.id,
        provider_id: "manual_manual",
        type: option.type,
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      })
      await pricing.createShippingOptionPrices(created.id, [
        { currency_code: region.currency_code, amount: option.amount[region.currency_code]! },
      ])
    }
  }
  log(`seed: warehouse ${warehouse.name} ships ${SHIPPING_OPTIONS.map((o) => o.name).join(" and ")} to both regions`)

  const products = resolve<ProductService>("productService")
  const categories = resolve<ProductCategoryService>("productCategoryService")
  const collection = await resolve<ProductCollectionService>("productCollectionService").create({
    title: "Latest Drops",
    handle: "latest-drops",
  })
  const apparel = await resolve<ProductValueService>("productTypeService").upsert("Apparel")
  const inventory = resolve<InventoryService>("inventoryService")
  const stock = resolve<InventoryItemService>("inventoryItemService")
  const categoryIds = new Map<string, string>()
  for (const product of DEMO_PRODUCTS) {
    if (!categoryIds.has(product.category)) {
      const category = await categories.create({
        name: product.category,
        handle: product.category.toLowerCase(),
        is_active: true,
        rank: categoryIds.size,
      })
      categoryIds.set(product.category, category.id)
    }
    const tags = await Promise.all(
      product.tags.map((value) => resolve<ProductValueService>("productTagService").upsert(value)),
    )
    const { variants } = await products.create({
      title: product.title,
      handle: product.handle,
      description: product.description,
      status: "published",
      images: product.images,
      collection_id: collection.id,
      type_id: apparel.id,
      tag_ids: tags.map((tag) => tag.id),
      category_ids: [categoryIds.get(product.category)!],
      sales_channel_ids: [channel.id],
      shipping_profile_id: profile.id,
      options: product.options,
      variants: product.variants.map((variant) => ({
        title: variant.title,
        sku: variant.sku,
        options: variant.options,
      })),
    })
    for (const variant of variants) {
      await pricing.createVariantPrices(variant.id, [
        { currency_code: "eur", amount: product.price.eur },
        { currency_code: "usd", amount: product.price.usd },
      ])
      const item = await inventory.createItemForVariant(variant.id, { sku: variant.sku, title: variant.title })
      await stock.setLevel(item.id, warehouse.id, { stocked_quantity: product.stock })
    }
    log(
      `seed: product ${product.title} (${variants.length} variants, EUR ${product.price.eur} / USD ${product.price.usd}, ${product.stock} in stock each)`,
    )
  }
  return key.token
}
