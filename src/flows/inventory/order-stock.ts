import type { Scope } from "../../core/container"
import { cachedLocationIds } from "../../modules/stock-location/catalog-reads"
import { cachedVariantSnapshots } from "../catalog/product-reads"

/**
 * Stock held for an order's lines, as a checkout holds it: only variants that manage inventory,
 * at the locations of the order's sales channel, backorder as the variant allows (or as the
 * merchant allowed for this change). Not enough stock fails the command with Medusa's error.
 */
export async function reserveOrderLines(
  tx: Scope,
  salesChannelId: string | null,
  lines: { id: string; variant_id: string | null; quantity: number }[],
  options: { allowBackorder?: boolean } = {},
) {
  const variants = await cachedVariantSnapshots(
    tx,
    lines.flatMap((line) => (line.variant_id ? [line.variant_id] : [])),
  )
  const managed = lines.filter((line) => line.variant_id && variants.get(line.variant_id)?.variant.manage_inventory)
  if (managed.length === 0) return
  const locations = await cachedLocationIds(tx, [salesChannelId ?? ""])
  await tx.resolve("inventoryService").reserve(
    managed.map((line) => ({
      line_item_id: line.id,
      variant_id: line.variant_id!,
      quantity: line.quantity,
      allow_backorder: options.allowBackorder || variants.get(line.variant_id!)!.variant.allow_backorder,
    })),
    locations,
  )
}
