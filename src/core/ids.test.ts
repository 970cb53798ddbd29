import { describe, expect, test } from "vitest"
import { generateId, generateUnguessableId } from "./ids"

describe("ids", () => {
  test("Medusa's shape: prefix, underscore, 26-character ULID", () => {
    expect(generateId("prod")).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(generateUnguessableId("cart")).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  test("ids made together sort in the order they were made", () => {
    const ids = Array.from({ length: 50 }, () => generateId("optval"))
    expect([...ids].sort()).toEqual(ids)
  })

  test("unguessable ids made in the same millisecond do not follow from each other", () => {
    const ids = Array.from({ length: 50 }, () => generateUnguessableId("cart"))
    const randomPart = (id: string) => id.slice(-16)
    const sequential = ids.slice(1).filter((id, i) => randomPart(id).slice(0, 12) === randomPart(ids[i]!).slice(0, 12))
    expect(sequential).toEqual([])
  })
})
