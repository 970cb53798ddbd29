import { describe, expect, test } from "vitest"
import { documentTotals, lineTotals } from "./totals"

const line = (unit_price: string, quantity: number, tax_rate: string, is_tax_inclusive = false) => ({
  unit_price,
  quantity,
  tax_rate,
  is_tax_inclusive,
})

describe("line totals with promotions' adjustments (Medusa's formulas: discount before tax)", () => {
  test("without adjustments nothing is discounted and totals are as before", () => {
    expect(lineTotals(line("10", 2, "25"))).toMatchObject({
      subtotal: "20",
      tax_total: "5",
      total: "25",
      original_total: "25",
      discount_total: "0",
      discount_subtotal: "0",
      discount_tax_total: "0",
    })
  })

  test("10 % off 3 × 33.33 at 25 % tax: neither the discount nor the tax on what is left is rounded", () => {
    const totals = lineTotals(line("33.33", 3, "25"), [{ amount: "9.999", is_tax_inclusive: false }])
    expect(totals).toMatchObject({
      subtotal: "99.99",
      discount_subtotal: "9.999",
      tax_total: "22.49775", // (99.99 − 9.999) × 0.25
      original_tax_total: "24.9975", // 99.99 × 0.25
      discount_tax_total: "2.49975",
      discount_total: "12.49875", // 9.999 + 2.49975
      total: "112.48875", // 89.991 + 22.49775
      original_total: "124.9875",
    })
  })

  test("9.99 at 20 % tax: tax 1.998, as Medusa answers, not rounded to a cent", () => {
    expect(lineTotals(line("9.99", 1, "20"))).toMatchObject({
      subtotal: "9.99",
      tax_total: "1.998",
      original_tax_total: "1.998",
      total: "11.988",
      original_total: "11.988",
    })
  })

  test("a tax-inclusive 19.98 at 25.5 %: subtotal divided to 20 places, tax the rest, total the price", () => {
    expect(lineTotals(line("19.98", 1, "25.5", true))).toMatchObject({
      subtotal: "15.92031872509960159363", // 19.98 / 1.255 = 15.920318725099601593625…, half-up at 20 places
      original_subtotal: "15.92031872509960159363",
      tax_total: "4.05968127490039840637", // 19.98 − subtotal
      original_tax_total: "4.05968127490039840637",
      total: "19.98",
      original_total: "19.98",
    })
  })

  test("a tax-inclusive price and a tax-inclusive adjustment: its tax share comes off the tax", () => {
    const totals = lineTotals(line("125", 1, "25", true), [{ amount: "25", is_tax_inclusive: true }])
    expect(totals).toMatchObject({
      subtotal: "100",
      discount_subtotal: "20",
      tax_total: "20",
      discount_tax_total: "5",
      discount_total: "25",
      total: "100",
      original_total: "125",
    })
  })

  test("a discount larger than the line takes it to zero, never below", () => {
    const totals = lineTotals(line("10", 1, "0"), [{ amount: "15", is_tax_inclusive: false }])
    expect(totals).toMatchObject({ subtotal: "10", discount_subtotal: "10", total: "0", tax_total: "0" })
  })

  test("a cart's totals sum its lines and shipping; total = subtotal − discount_subtotal + tax", () => {
    const item = lineTotals(line("33.33", 3, "25"), [{ amount: "9.999", is_tax_inclusive: false }])
    const shipping = lineTotals(line("8", 1, "25"), [{ amount: "8", is_tax_inclusive: false }])
    const totals = documentTotals([item], [shipping])
    expect(totals).toMatchObject({
      item_discount_total: "12.49875",
      shipping_discount_total: "10",
      discount_subtotal: "17.999",
      discount_total: "22.49875", // 12.49875 + 8 + 2 (shipping's tax share)
      subtotal: "107.99",
      tax_total: "22.49775",
      total: "112.48875",
      original_total: "134.9875", // 124.9875 + 10
      shipping_total: "0",
    })
  })
})
