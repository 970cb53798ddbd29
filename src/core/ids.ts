import { monotonicFactory, ulid } from "ulid"

// Monotonic: ids made in the same millisecond still sort in the order they were made,
// so rows created together (a product's options, say) list in creation order.
const monotonicUlid = monotonicFactory()

/** Medusa's ids: `<prefix>_<ULID>`, e.g. `prod_01JTR3KEVC6BPDTMXDM7F94874`. */
export function generateId(prefix: string): string {
  return `${prefix}_${monotonicUlid()}`
}

/**
 * For ids that are someone's key to their data (carts, orders, payment collections): 80 random
 * bits, never one more than the id made just before, as monotonic ids in the same millisecond are.
 */
export function generateUnguessableId(prefix: string): string {
  return `${prefix}_${ulid()}`
}
