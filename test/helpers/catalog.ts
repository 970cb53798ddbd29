import type { Scope } from "../../src/core/container"
import type { ApiKeyService } from "../../src/modules/api-key/service"
import type { InventoryItemService } from "../../src/modules/inventory/item-service"
import type { InventoryService } from "../../src/modules/inventory/service"
import type { PricingService } from "../../src/modules/pricing/service"
import type { ProductCategoryService } from "../../src/modules/product/category-service"
import type { ProductCollectionService } from "../../src/modules/product/collection-service"
import type { CreateProductInput, ProductService } from "../../src/modules/product/service"
import type { ProductValueService } from "../../src/modules/product/value-service"
import type { RegionService } from "../../src/modules/region/service"
import type { SalesChannelService } from "../../src/modules/sales-channel/service"
import type { StockLocationService } from "../../src/modules/stock-location/service"
import type { TaxService } from "../../src/modules/tax/service"
import { withServices } from "./services"

/**
 * A catalog of its own for the store tests, in a sales channel of its own, so that what a
 * test sees through `keys.main` is exactly what is made here.
 */
export async function createCatalogFixture() {
  const run = Date.now().toString(36)
  return withServices(async (scope: Scope) => {
    const get = <T>(name: string) => scope.resolve<T>(name)
    const channels = get<SalesChannelService>("salesChannelService")
    const keys = get<ApiKeyService>("apiKeyService")
    const main = await channels.create({ name: `Fixture main ${run}` })
    const other = await channels.create({ name: `Fixture other ${run}` })
    const mainKey = await keys.createPublishable({ title: "main", sales_channel_ids: [main.id] })
    const bothKey = await keys.createPublishable({ title: "both", sales_channel_ids: [main.id, other.id] })
    const otherKey = await keys.createPublishable({ title: "other", sales_channel_ids: [other.id] })
    const noChannelKey = await keys.createPublishable({ title: "none", sales_channel_ids: [] })
    const revokedKey = await keys.createPublishable({ title: "revoked", sales_channel_ids: [main.id] })
    await keys.revoke(revokedKey.id)

    const regions = get<RegionService>("regionService")
    const taxes = get<TaxService>("taxService")
    const pricing = get<PricingService>("pricingService")
    const euro = await regions.create({ name: "Benelux", currency_code: "eur", countries: ["nl", "be"] })
    const yen = await regions.create({ name: "Japan", currency_code: "jpy", countries: ["jp"] })
    const franc = await regions.create({ name: "Switzerland", currency_code: "chf", countries: ["ch"] })
    const untaxed = await regions.create({
      name: "Norway",
      currency_code: "nok",
      countries: ["no"],
      automatic_taxes: false,
    })
    await taxes.createCountryRate({ country_code: "nl", rate: "21", code: "NL", name: "BTW" })
    await taxes.createCountryRate({ country_code: "jp", rate: "10", code: "JP", name: "Consumption tax" })
    await taxes.createCountryRate({ country_code: "ch", rate: "8.1", code: "CH", name: "MWST" })
    await taxes.createCountryRate({ country_code: "no", rate: "25", code: "NO", name: "MVA" })
    // Swiss prices are shown with tax included.
    await pricing.setPreference("region_id", franc.id, true)

    const categories = get<ProductCategoryService>("productCategoryService")
    const apparel = await categories.create({ name: "Apparel", handle: `apparel-${run}`, is_active: true, rank: 0 })
    const hats = await categories.create({
      name: "Hats",
      handle: `hats-${run}`,
      parent_category_id: apparel.id,
      is_active: true,
      rank: 1,
    })
    const caps = await categories.create({
      name: "Caps",
      handle: `caps-${run}`,
      parent_category_id: hats.id,
      is_active: true,
      rank: 0,
    })
    const scarves = await categories.create({
      name: "Scarves",
      handle: `scarves-${run}`,
      parent_category_id: apparel.id,
      is_active: true,
      rank: 0,
    })
    const hidden = await categories.create({
      name: "Staff only",
      handle: `staff-${run}`,
      parent_category_id: apparel.id,
      is_active: true,
      is_internal: true,
    })
    const inactive = await categories.create({
      name: "Coming soon",
      handle: `soon-${run}`,
      parent_category_id: apparel.id,
      is_active: false,
    })
    const collection = await get<ProductCollectionService>("productCollectionService").create({
      title: "Winter",
      handle: `winter-${run}`,
    })

    const products = get<ProductService>("productService")
    const tag = await get<ProductValueService>("productTagService").upsert(`wool-${run}`)
    const make = (input: Partial<CreateProductInput> & { title: string; handle: string }) =>
      products.create({ status: "published", sales_channel_ids: [main.id], options: [], variants: [], ...input })

    const hoodie = await make({
      title: "Hoodie",
      handle: `hoodie-${run}`,
      description: "A warm hoodie",
      collection_id: collection.id,
      tag_ids: [tag.id],
      category_ids: [scarves.id],
      options: [{ title: "Size", values: ["S", "M"] }],
      variants: [
        { title: "S", sku: `HOODIE-S-${run}`, options: { Size: "S" } },
        { title: "M", sku: `HOODIE-M-${run}`, options: { Size: "M" } },
      ],
    })
    const cap = await make({
      title: "Cap",
      handle: `cap-${run}`,
      category_ids: [caps.id],
      options: [{ title: "Size", values: ["One size"] }],
      variants: [{ title: "One size", sku: `CAP-${run}`, manage_inventory: false, options: { Size: "One size" } }],
    })
    const draft = await make({ title: "Draft", handle: `draft-${run}`, status: "draft" })
    const elsewhere = await make({ title: "Elsewhere", handle: `elsewhere-${run}`, sales_channel_ids: [other.id] })
    const hiddenOnly = await make({ title: "Staff cap", handle: `staff-cap-${run}`, category_ids: [hidden.id] })
    const socks: string[] = []
    for (let i = 1; i <= 12; i++) {
      const sock = await make({ title: `Sock ${String(i).padStart(2, "0")}`, handle: `sock-${i}-${run}` })
      socks.push(sock.product.id)
    }

    const [small, medium] = hoodie.variants
    for (const variant of hoodie.variants) {
      await pricing.createVariantPrices(variant.id, [
        { currency_code: "eur", amount: "49.99" },
        { currency_code: "eur", amount: "44.99", rules: { region_id: euro.id } },
        { currency_code: "jpy", amount: "7480" },
        { currency_code: "chf", amount: "59.90" },
        { currency_code: "nok", amount: "599" },
      ])
    }
    await pricing.createVariantPrices(cap.variants[0]!.id, [{ currency_code: "eur", amount: "15" }])

    const locations = get<StockLocationService>("stockLocationService")
    const inventory = get<InventoryService>("inventoryService")
    const stock = get<InventoryItemService>("inventoryItemService")
    const shelf = await locations.create({
      name: `Shelf ${run}`,
      address: { address_1: "Main st 1", country_code: "nl" },
    })
    const otherShelf = await locations.create({
      name: `Other shelf ${run}`,
      address: { address_1: "Side st 2", country_code: "nl" },
    })
    await locations.linkSalesChannels(shelf.id, [main.id])
    await locations.linkSalesChannels(otherShelf.id, [other.id])
    const smallItem = await inventory.createItemForVariant(small!.id, { sku: small!.sku })
    const mediumItem = await inventory.createItemForVariant(medium!.id, { sku: medium!.sku })
    await stock.setLevel(smallItem.id, shelf.id, { stocked_quantity: 7 })
    await stock.setLevel(smallItem.id, otherShelf.id, { stocked_quantity: 50 }) // not the main channel's
    await stock.setLevel(mediumItem.id, shelf.id, { stocked_quantity: 3 })

    return {
      run,
      keys: {
        main: mainKey.token,
        both: bothKey.token,
        other: otherKey.token,
        noChannel: noChannelKey.token,
        revoked: revokedKey.token,
      },
      regions: { euro: euro.id, yen: yen.id, franc: franc.id, untaxed: untaxed.id },
      categories: {
        apparel: apparel.id,
        hats: hats.id,
        caps: caps.id,
        scarves: scarves.id,
        hidden: hidden.id,
        inactive: inactive.id,
      },
      collection: collection.id,
      tag: tag.id,
      products: {
        hoodie: hoodie.product.id,
        cap: cap.product.id,
        draft: draft.product.id,
        elsewhere: elsewhere.product.id,
        hiddenOnly: hiddenOnly.product.id,
        socks,
      },
      variants: { small: small!.id, medium: medium!.id, cap: cap.variants[0]!.id },
    }
  })
}

export type CatalogFixture = Awaited<ReturnType<typeof createCatalogFixture>>
