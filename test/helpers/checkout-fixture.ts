import type { ApiKeyService } from "../../src/modules/api-key/service"
import type { FulfillmentService } from "../../src/modules/fulfillment/service"
import type { ShippingOptionService } from "../../src/modules/fulfillment/shipping-option-service"
import type { InventoryItemService } from "../../src/modules/inventory/item-service"
import type { InventoryService } from "../../src/modules/inventory/service"
import type { PricingService, PriceInput } from "../../src/modules/pricing/service"
import type { ProductService } from "../../src/modules/product/service"
import type { RegionService } from "../../src/modules/region/service"
import type { SalesChannelService } from "../../src/modules/sales-channel/service"
import type { StockLocationService } from "../../src/modules/stock-location/service"
import type { TaxService } from "../../src/modules/tax/service"
import { withServices } from "./services"

/** A shop of its own for the checkout tests: its channel, key, regions, shipping and stock. */
export interface FixtureCountries {
  /** EUR region: the first taxed at 20 %, the second at 25.5 % */
  euro: [string, string]
  /** KRW region, taxed at 10 % */
  won: string
  /** EUR region without payment providers */
  noPayment: string
}

/** Countries belong to one region each, so test files running side by side use their own. */
export async function createCheckoutFixture(options: { limitedStock: number; countries?: FixtureCountries }) {
  const countries = options.countries ?? { euro: ["at", "fi"], won: "kr", noPayment: "pt" }
  const run = Date.now().toString(36)
  return withServices(async (scope) => {
    const get = <T>(name: string) => scope.resolve<T>(name)
    const channel = await get<SalesChannelService>("salesChannelService").create({ name: `Checkout ${run}` })
    const otherChannel = await get<SalesChannelService>("salesChannelService").create({ name: `Checkout other ${run}` })
    const key = await get<ApiKeyService>("apiKeyService").createPublishable({
      title: "checkout",
      sales_channel_ids: [channel.id],
    })

    const regions = get<RegionService>("regionService")
    const taxes = get<TaxService>("taxService")
    const payments = ["pp_system_default"]
    const euro = await regions.create({
      name: `Euro ${run}`,
      currency_code: "eur",
      countries: countries.euro,
      payment_providers: payments,
    })
    const won = await regions.create({
      name: `Won ${run}`,
      currency_code: "krw",
      countries: [countries.won],
      payment_providers: payments,
    })
    const noPayment = await regions.create({
      name: `No payment ${run}`,
      currency_code: "eur",
      countries: [countries.noPayment],
    })
    await taxes.createCountryRate({ country_code: countries.euro[0], rate: "20", code: "STD", name: "Standard" })
    await taxes.createCountryRate({ country_code: countries.euro[1], rate: "25.5", code: "STD", name: "Standard" })
    await taxes.createCountryRate({ country_code: countries.won, rate: "10", code: "STD", name: "Standard" })

    const locations = get<StockLocationService>("stockLocationService")
    const warehouse = await locations.create({
      name: `Checkout warehouse ${run}`,
      address: { address_1: "Ring 1", city: "Vienna", country_code: "at" },
    })
    await locations.linkSalesChannels(warehouse.id, [channel.id])
    const fulfillment = get<FulfillmentService>("fulfillmentService")
    const shippingOptions = get<ShippingOptionService>("shippingOptionService")
    await fulfillment.enableProviderAt("manual_manual", warehouse.id)
    const profile = await fulfillment.createShippingProfile({ name: `Checkout profile ${run}` })
    const pricing = get<PricingService>("pricingService")
    const rules = [
      { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
      { attribute: "is_return", operator: "eq" as const, value: "false" },
    ]
    const option = async (name: string, countries: string[], prices: PriceInput[]) => {
      const { service_zone } = await fulfillment.createShippingZone({
        stock_location_id: warehouse.id,
        set_name: name,
        zone_name: name,
        country_codes: countries,
      })
      const created = await shippingOptions.create({
        name,
        service_zone_id: service_zone.id,
        shipping_profile_id: profile.id,
        provider_id: "manual_manual",
        type: { label: name, code: name.toLowerCase() },
        rules,
      })
      await pricing.createShippingOptionPrices(created.id, prices)
      return created.id
    }
    const standard = await option(
      "Standard",
      [...countries.euro, countries.won],
      [
        { currency_code: "eur", amount: "4.90" },
        { currency_code: "krw", amount: "3000" },
      ],
    )
    const portugalOnly = await option("Elsewhere only", [countries.noPayment], [{ currency_code: "eur", amount: "7" }])

    const products = get<ProductService>("productService")
    const inventory = get<InventoryService>("inventoryService")
    const product = async (
      handle: string,
      prices: PriceInput[],
      stock: number | null,
      variant: { manage_inventory?: boolean; allow_backorder?: boolean } = {},
      channels = [channel.id],
    ) => {
      const { variants } = await products.create({
        title: handle,
        handle: `${handle}-${run}`,
        status: "published",
        sales_channel_ids: channels,
        shipping_profile_id: profile.id,
        options: [{ title: "Size", values: ["One"] }],
        variants: [{ title: "One", sku: `${handle}-${run}`, options: { Size: "One" }, ...variant }],
      })
      const id = variants[0]!.id
      await pricing.createVariantPrices(id, prices)
      if (stock !== null) {
        const item = await inventory.createItemForVariant(id, { sku: `${handle}-${run}` })
        await get<InventoryItemService>("inventoryItemService").setLevel(item.id, warehouse.id, {
          stocked_quantity: stock,
        })
      }
      return id
    }
    return {
      key: key.token,
      channel: channel.id,
      location: warehouse.id,
      profile: profile.id,
      regions: { euro: euro.id, won: won.id, noPayment: noPayment.id },
      options: { standard, portugalOnly },
      variants: {
        tee: await product(
          "tee",
          [
            { currency_code: "eur", amount: "9.99" },
            { currency_code: "krw", amount: "12900" },
          ],
          1000,
        ),
        limited: await product("limited", [{ currency_code: "eur", amount: "100" }], options.limitedStock),
        backorder: await product("backorder", [{ currency_code: "eur", amount: "5" }], 0, { allow_backorder: true }),
        unmanaged: await product("unmanaged", [{ currency_code: "eur", amount: "3" }], null, {
          manage_inventory: false,
        }),
        dollarsOnly: await product("dollars", [{ currency_code: "usd", amount: "10" }], 10),
        elsewhere: await product("elsewhere", [{ currency_code: "eur", amount: "10" }], 10, {}, [otherChannel.id]),
      },
    }
  })
}

export type CheckoutFixture = Awaited<ReturnType<typeof createCheckoutFixture>>
