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
    expect(lineTotals(line("10", 2, "25"), 2)).toMatchObject({
      subtotal: "20",
      tax_total: "5",
      total: "25",
      original_total: "25",
      discount_total: "0",
      discount_subtotal: "0",
      discount_tax_total: "0",
    })
  })

  test("10 % off 3 × 33.33 at 25 % tax: the discount is not rounded, the tax on what is left is", () => {
    const totals = lineTotals(line("33.33", 3, "25"), 2, [{ amount: "9.999", is_tax_inclusive: false }])
    expect(totals).toMatchObject({
      subtotal: "99.99",
      discount_subtotal: "9.999",
      tax_total: "22.5", // (99.99 − 9.999) × 0.25 = 22.49775
      original_tax_total: "25", // 24.9975
      discount_tax_total: "2.5",
      discount_total: "12.499",
      total: "112.491",
      original_total: "124.99",
    })
  })

  test("a tax-inclusive price and a tax-inclusive adjustment: its tax share comes off the tax", () => {
    const totals = lineTotals(line("125", 1, "25", true), 2, [{ amount: "25", is_tax_inclusive: true }])
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
    const totals = lineTotals(line("10", 1, "0"), 2, [{ amount: "15", is_tax_inclusive: false }])
    expect(totals).toMatchObject({ subtotal: "10", discount_subtotal: "10", total: "0", tax_total: "0" })
  })

  test("a cart's totals sum its lines and shipping; total = subtotal − discount_subtotal + tax", () => {
    const item = lineTotals(line("33.33", 3, "25"), 2, [{ amount: "9.999", is_tax_inclusive: false }])
    const shipping = lineTotals(line("8", 1, "25"), 2, [{ amount: "8", is_tax_inclusive: false }])
    const totals = documentTotals([item], [shipping])
    expect(totals).toMatchObject({
      item_discount_total: "12.499",
      shipping_discount_total: "10",
      discount_subtotal: "17.999",
      discount_total: "22.499",
      subtotal: "107.99",
      tax_total: "22.5",
      total: "112.491",
      original_total: "134.99",
      shipping_total: "0",
    })
  })
})
