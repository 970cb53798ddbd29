import { monotonicFactory } from "ulid"

// Monotonic: ids made in the same millisecond still sort in the order they were made,
// so rows created together (a product's options, say) list in creation order.
const ulid = monotonicFactory()

/** Medusa's ids: `<prefix>_<ULID>`, e.g. `prod_01JTR3KEVC6BPDTMXDM7F94874`. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulid()}`
}
