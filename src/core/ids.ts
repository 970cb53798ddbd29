import { ulid } from "ulid"

/** Medusa's ids: `<prefix>_<ULID>`, e.g. `prod_01JTR3KEVC6BPDTMXDM7F94874`. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulid()}`
}
