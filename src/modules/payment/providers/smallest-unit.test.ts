import { describe, expect, test } from "vitest"
import { fromSmallestUnit, toSmallestUnit } from "./smallest-unit"

describe("Medusa's getSmallestUnit, in exact decimals", () => {
  test("two decimals ×100, rounded half up", () => {
    expect(toSmallestUnit("45.9", "eur")).toBe(4590)
    expect(toSmallestUnit("41.844", "EUR")).toBe(4184)
    expect(toSmallestUnit("10.005", "usd")).toBe(1001)
    expect(toSmallestUnit("0.1", "usd")).toBe(10) // 0.1 × 100 is 10.000000000000002 in floats
    expect(toSmallestUnit("1234567890.12", "usd")).toBe(123456789012)
  })

  test("zero-decimal currencies ×1; three-decimal ×1000, up to a multiple of 10", () => {
    expect(toSmallestUnit("12900", "krw")).toBe(12900)
    expect(toSmallestUnit("1000.5", "jpy")).toBe(1001)
    expect(toSmallestUnit("1.2345", "kwd")).toBe(1240)
    expect(toSmallestUnit("1.23", "bhd")).toBe(1230)
  })

  test("back to major units as a decimal string", () => {
    expect(fromSmallestUnit(1005, "eur")).toBe("10.05")
    expect(fromSmallestUnit(12900, "krw")).toBe("12900")
    expect(fromSmallestUnit(1240, "kwd")).toBe("1.24")
  })
})
