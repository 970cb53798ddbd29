import Big from "big.js"
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import {
  type PromotionAction,
  type PromotionContext,
  type PromotionRule,
  type PromotionWithRules,
  computeActions,
  pickValues,
} from "./compute-actions"

// ---------------------------------------------------------------------------------------------------------------
// Builders

type Item = PromotionContext["items"][number]
type Method = PromotionWithRules["application_method"]

function item(id: string, quantity: number, unitPrice: string, extra: Partial<Item> = {}): Item {
  const subtotal = new Big(unitPrice).times(quantity).toFixed()
  return {
    id,
    quantity,
    unit_price: unitPrice,
    subtotal,
    original_total: subtotal,
    is_discountable: true,
    product: { id: `prod_${id}`, collection_id: null, type_id: null, categories: [], tags: [] },
    variant_id: `variant_${id}`,
    ...extra,
  }
}

function ctx(items: Item[], extra: Partial<PromotionContext> = {}): PromotionContext {
  return {
    currency_code: "eur",
    region_id: "reg_eu",
    sales_channel_id: "sc_web",
    customer: { id: "cus_1", groups: [] },
    shipping_address: { country_code: "dk" },
    items,
    shipping_methods: [],
    ...extra,
  }
}

let counter = 0
function promo(
  method: Partial<Method> & Pick<Method, "type" | "value">,
  extra: Partial<PromotionWithRules> = {},
): PromotionWithRules {
  counter += 1
  return {
    id: extra.id ?? `promo_${counter}`,
    code: `CODE${counter}`,
    type: "standard",
    status: "active",
    is_automatic: false,
    is_tax_inclusive: false,
    campaign: null,
    rules: [],
    ...extra,
    application_method: {
      target_type: "items",
      allocation: "each",
      currency_code: null,
      max_quantity: null,
      apply_to_quantity: null,
      buy_rules_min_quantity: null,
      target_rules: [],
      buy_rules: [],
      ...method,
    },
  }
}

const rule = (attribute: string, operator: PromotionRule["operator"], values: string[]): PromotionRule => ({
  attribute,
  operator,
  values,
})

/** `{ line id: amount }` of the add actions (one per line expected). */
function amounts(actions: PromotionAction[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const action of actions) {
    if (action.action === "addItemAdjustment") out[action.item_id] = action.amount
    if (action.action === "addShippingMethodAdjustment") out[action.shipping_method_id] = action.amount
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic

describe("percentage", () => {
  test("10 % each over 3 × 33.33 is 9.999, not rounded", () => {
    const p = promo({ type: "percentage", value: "10", max_quantity: 3 })
    const actions = computeActions([p], ctx([item("a", 3, "33.33")]))
    expect(actions).toEqual([
      {
        action: "addItemAdjustment",
        item_id: "a",
        amount: "9.999",
        code: p.code,
        promotion_id: p.id,
        is_tax_inclusive: false,
      },
    ])
  })

  test("each with max_quantity 1 discounts one unit only", () => {
    const p = promo({ type: "percentage", value: "10", max_quantity: 1 })
    expect(amounts(computeActions([p], ctx([item("a", 3, "33.33")])))).toEqual({ a: "3.333" })
  })

  test("100 % each never discounts more than the line", () => {
    const p = promo({ type: "percentage", value: "100", max_quantity: 10 })
    expect(amounts(computeActions([p], ctx([item("a", 3, "33.33")])))).toEqual({ a: "99.99" })
  })

  test("results at or below 0.0001 are dropped", () => {
    const p = promo({ type: "percentage", value: "0.01", max_quantity: 1 })
    expect(computeActions([p], ctx([item("a", 1, "1")]))).toEqual([]) // 0.0001
    expect(amounts(computeActions([p], ctx([item("b", 1, "1.01")])))).toEqual({ b: "0.000101" })
  })
})

describe("fixed across", () => {
  test("400 over 200 / 600 is 100 / 300", () => {
    const p = promo({ type: "fixed", value: "400", allocation: "across" })
    const actions = computeActions([p], ctx([item("a", 1, "200"), item("b", 2, "300")]))
    expect(amounts(actions)).toEqual({ a: "100", b: "300" })
  })

  test("a non-terminating split keeps 20 decimals and adds up to the value exactly (last line takes the rest)", () => {
    const p = promo({ type: "fixed", value: "100", allocation: "across" })
    const actions = computeActions([p], ctx([item("a", 1, "100"), item("b", 1, "100"), item("c", 1, "100")]))
    expect(amounts(actions)).toEqual({
      a: "33.33333333333333333333",
      b: "33.33333333333333333333",
      c: "33.33333333333333333334",
    })
    const sum = Object.values(amounts(actions)).reduce((s, v) => s.plus(v), new Big(0))
    expect(sum.toFixed()).toBe("100")
  })

  test("10 over 10 / 20 gives 3.33…/6.66… summing to 10", () => {
    const p = promo({ type: "fixed", value: "10", allocation: "across" })
    const result = amounts(computeActions([p], ctx([item("a", 1, "10"), item("b", 1, "20")])))
    expect(result).toEqual({ a: "3.33333333333333333333", b: "6.66666666666666666667" })
  })

  test("value above the lines' total is capped per line", () => {
    const p = promo({ type: "fixed", value: "1000", allocation: "across" })
    expect(amounts(computeActions([p], ctx([item("a", 1, "200"), item("b", 1, "600")])))).toEqual({
      a: "200",
      b: "600",
    })
  })
})

describe("fixed each", () => {
  test("is per unit up to max_quantity: 5 × min(4, 2) = 10", () => {
    const p = promo({ type: "fixed", value: "5", max_quantity: 2 })
    expect(amounts(computeActions([p], ctx([item("a", 4, "20")])))).toEqual({ a: "10" })
  })

  test("max_quantity null means one unit", () => {
    const p = promo({ type: "fixed", value: "5", max_quantity: null })
    expect(amounts(computeActions([p], ctx([item("a", 4, "20")])))).toEqual({ a: "5" })
  })

  test("is capped at the line's remaining amount", () => {
    const p = promo({ type: "fixed", value: "30", max_quantity: 5 })
    expect(amounts(computeActions([p], ctx([item("a", 2, "20"), item("b", 1, "20")])))).toEqual({
      a: "40",
      b: "20",
    })
  })

  test("is capped at max_quantity units of the line: 30 × 1 on a 20 unit is 20", () => {
    const p = promo({ type: "fixed", value: "30", max_quantity: 1 })
    expect(amounts(computeActions([p], ctx([item("a", 3, "20")])))).toEqual({ a: "20" })
  })
})

describe("stacking", () => {
  test("promotions apply by value descending and each sees what the previous left", () => {
    const tenPercent = promo({ type: "percentage", value: "10", max_quantity: 1 })
    const fifty = promo({ type: "fixed", value: "50", allocation: "across" })
    const actions = computeActions([tenPercent, fifty], ctx([item("a", 1, "100")]))
    expect(actions.map((a) => [a.promotion_id, "amount" in a ? a.amount : null])).toEqual([
      [fifty.id, "50"],
      [tenPercent.id, "5"],
    ])
  })

  test("the second promotion is capped at the remaining amount", () => {
    const eighty = promo({ type: "fixed", value: "80", max_quantity: 1 })
    const thirty = promo({ type: "fixed", value: "30", max_quantity: 1 })
    const actions = computeActions([thirty, eighty], ctx([item("a", 1, "100")]))
    expect(actions.map((a) => [a.promotion_id, "amount" in a ? a.amount : null])).toEqual([
      [eighty.id, "80"],
      [thirty.id, "20"],
    ])
  })

  test("nothing is left: a fully discounted line gets no further adjustment", () => {
    const all = promo({ type: "percentage", value: "100", max_quantity: 1 })
    const more = promo({ type: "fixed", value: "5", max_quantity: 1 })
    const actions = computeActions([all, more], ctx([item("a", 1, "10")]))
    expect(actions.map((a) => a.promotion_id)).toEqual([all.id])
  })

  test("the same promotion passed twice is applied once", () => {
    const p = promo({ type: "fixed", value: "5", max_quantity: 1 })
    expect(computeActions([p, p], ctx([item("a", 1, "100")]))).toHaveLength(1)
  })
})

describe("tax-inclusive promotions", () => {
  const taxed = (id: string) => item(id, 1, "100", { subtotal: "100", original_total: "121" })

  test("work on the gross original_total and are flagged", () => {
    const p = promo({ type: "percentage", value: "10", max_quantity: 1 }, { is_tax_inclusive: true })
    const [action] = computeActions([p], ctx([taxed("a")]))
    expect(action).toMatchObject({ item_id: "a", amount: "12.1", is_tax_inclusive: true })
  })

  test("see a net promotion's amount converted to gross: 10 % of (121 − 50 × 1.21) = 6.05", () => {
    const net = promo({ type: "fixed", value: "50", max_quantity: 1 })
    const gross = promo({ type: "percentage", value: "10", max_quantity: 1 }, { is_tax_inclusive: true })
    expect(computeActions([net, gross], ctx([taxed("a")])).map((a) => ("amount" in a ? a.amount : null))).toEqual([
      "50",
      "6.05",
    ])
  })

  test("a net promotion sees a gross one converted to net: 60.5 gross is 50 net, 100 − 50 left", () => {
    const gross = promo({ type: "fixed", value: "60.5", max_quantity: 1 }, { is_tax_inclusive: true })
    const net = promo({ type: "fixed", value: "60", max_quantity: 1 })
    expect(computeActions([gross, net], ctx([taxed("a")])).map((a) => ("amount" in a ? a.amount : null))).toEqual([
      "60.5",
      "50",
    ])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Targets and allocations

describe("shipping methods", () => {
  const methods: PromotionContext["shipping_methods"] = [
    { id: "sm_1", subtotal: "10", original_total: "10", shipping_option_id: "so_express" },
    { id: "sm_2", subtotal: "20", original_total: "20", shipping_option_id: "so_standard" },
  ]

  test("fixed each is per method, capped at its amount; items are untouched", () => {
    const p = promo({ type: "fixed", value: "15", target_type: "shipping_methods", allocation: "each" })
    const actions = computeActions([p], ctx([item("a", 1, "100")], { shipping_methods: methods }))
    expect(actions.map((a) => a.action)).toEqual(["addShippingMethodAdjustment", "addShippingMethodAdjustment"])
    expect(amounts(actions)).toEqual({ sm_1: "10", sm_2: "15" })
  })

  test("fixed across splits over the methods: 6 over 10 / 20 is 2 / 4", () => {
    const p = promo({ type: "fixed", value: "6", target_type: "shipping_methods", allocation: "across" })
    expect(amounts(computeActions([p], ctx([], { shipping_methods: methods })))).toEqual({ sm_1: "2", sm_2: "4" })
  })

  test("target rule on shipping_methods.shipping_option.id", () => {
    const p = promo({
      type: "percentage",
      value: "50",
      target_type: "shipping_methods",
      allocation: "each",
      target_rules: [rule("shipping_methods.shipping_option.id", "in", ["so_standard"])],
    })
    expect(amounts(computeActions([p], ctx([], { shipping_methods: methods })))).toEqual({ sm_2: "10" })
  })

  test("once takes the cheapest method first, one per quota", () => {
    const p = promo({
      type: "fixed",
      value: "100",
      target_type: "shipping_methods",
      allocation: "once",
      max_quantity: 1,
    })
    expect(amounts(computeActions([p], ctx([], { shipping_methods: [methods[1]!, methods[0]!] })))).toEqual({
      sm_1: "10",
    })
  })
})

describe("order target", () => {
  test("splits across items only, proportionally, never shipping", () => {
    const p = promo({ type: "fixed", value: "30", target_type: "order", allocation: null })
    const context = ctx([item("a", 1, "100"), item("b", 2, "100")], {
      shipping_methods: [{ id: "sm_1", subtotal: "10", original_total: "10", shipping_option_id: null }],
    })
    const actions = computeActions([p], context)
    expect(actions.every((a) => a.action === "addItemAdjustment")).toBe(true)
    expect(amounts(actions)).toEqual({ a: "10", b: "20" })
  })

  test("percentage order promotion is value % of each item", () => {
    const p = promo({ type: "percentage", value: "15", target_type: "order", allocation: "across" })
    expect(amounts(computeActions([p], ctx([item("a", 1, "99.99"), item("b", 3, "1.1")])))).toEqual({
      a: "14.9985",
      b: "0.495",
    })
  })
})

describe("once allocation", () => {
  test("spends one max_quantity quota over lines, cheapest unit price first", () => {
    const p = promo({ type: "fixed", value: "10", allocation: "once", max_quantity: 3 })
    const actions = computeActions([p], ctx([item("expensive", 2, "50"), item("cheap", 2, "20")]))
    expect(actions.map((a) => ("item_id" in a ? [a.item_id, a.amount] : null))).toEqual([
      ["cheap", "20"],
      ["expensive", "10"],
    ])
  })

  test("percentage once over 5 units with quota 2 discounts the two cheapest units", () => {
    const p = promo({ type: "percentage", value: "50", allocation: "once", max_quantity: 2 })
    const actions = computeActions([p], ctx([item("b", 3, "40"), item("a", 1, "10")]))
    expect(amounts(actions)).toEqual({ a: "5", b: "20" })
  })
})

describe("buy-get", () => {
  const sameProduct = (id: string, price: string) =>
    item(id, 1, price, {
      product: { id: "prod_shirt", collection_id: null, type_id: null, categories: [], tags: [] },
    })
  const buyGet = (extra: Partial<Method> = {}) =>
    promo(
      {
        type: "percentage",
        value: "100",
        allocation: "each",
        buy_rules_min_quantity: 2,
        apply_to_quantity: 1,
        buy_rules: [rule("items.product.id", "in", ["prod_shirt"])],
        target_rules: [rule("items.product.id", "in", ["prod_shirt"])],
        ...extra,
      },
      { type: "buyget" },
    )

  test("buy 2 get 1: the two most expensive units are bought, the next one is free", () => {
    const actions = computeActions(
      [buyGet()],
      ctx([sameProduct("mid", "30"), sameProduct("cheap", "20"), sameProduct("top", "50")]),
    )
    expect(amounts(actions)).toEqual({ cheap: "20" })
  })

  test("buy A get B: target line gets the discount, fixed value per unit", () => {
    const p = buyGet({
      type: "fixed",
      value: "5",
      buy_rules_min_quantity: 2,
      buy_rules: [rule("items.product.id", "eq", ["prod_a"])],
      target_rules: [rule("items.product.id", "eq", ["prod_b"])],
    })
    expect(amounts(computeActions([p], ctx([item("a", 2, "10"), item("b", 1, "30")])))).toEqual({ b: "5" })
    expect(computeActions([p], ctx([item("a", 1, "10"), item("b", 1, "30")]))).toEqual([])
  })

  test("repeats up to max_quantity applications on one line: 6 units, buy 2 get 1 twice", () => {
    const line = item("a", 6, "10", {
      product: { id: "prod_shirt", collection_id: null, type_id: null, categories: [], tags: [] },
    })
    expect(amounts(computeActions([buyGet({ max_quantity: 2 })], ctx([line])))).toEqual({ a: "20" })
    expect(amounts(computeActions([buyGet({ max_quantity: 5 })], ctx([line])))).toEqual({ a: "20" })
    expect(amounts(computeActions([buyGet()], ctx([line])))).toEqual({ a: "10" })
  })

  test("goes before standard promotions, whatever their value", () => {
    const standard = promo({ type: "fixed", value: "1000", allocation: "across" })
    const bg = buyGet()
    const actions = computeActions(
      [standard, bg],
      ctx([sameProduct("x", "30"), sameProduct("y", "30"), sameProduct("z", "30")]),
    )
    expect(actions[0]!.promotion_id).toBe(bg.id)
    // the standard promotion then takes what is left: 90 − 30
    const rest = actions.filter((a) => a.promotion_id === standard.id)
    expect(rest.reduce((s, a) => s.plus("amount" in a ? a.amount : 0), new Big(0)).toFixed()).toBe("60")
  })

  test("a non-discountable target gets nothing but still counts as bought", () => {
    const actions = computeActions(
      [buyGet()],
      ctx([
        sameProduct("top", "50"),
        sameProduct("mid", "30"),
        { ...sameProduct("cheap", "20"), is_discountable: false },
      ]),
    )
    expect(actions).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Rules

describe("rules", () => {
  const fixed5 = (rules: PromotionRule[], target_rules: PromotionRule[] = []) =>
    promo({ type: "percentage", value: "10", max_quantity: 1, target_rules }, { rules })
  const applies = (p: PromotionWithRules, context: PromotionContext) => computeActions([p], context).length > 0
  const vip = ctx([item("a", 1, "100")], { customer: { id: "cus_1", groups: [{ id: "cg_1" }, { id: "cg_vip" }] } })
  const guest = ctx([item("a", 1, "100")], { customer: { id: null, groups: [] } })

  test("in: some context value is in the set", () => {
    expect(applies(fixed5([rule("customer.groups.id", "in", ["cg_vip"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("customer.groups.id", "in", ["cg_other"])]), vip)).toBe(false)
    expect(applies(fixed5([rule("customer.groups.id", "in", ["cg_vip"])]), guest)).toBe(false)
  })

  test("eq: every context value is in the set", () => {
    expect(applies(fixed5([rule("customer.groups.id", "eq", ["cg_vip"])]), vip)).toBe(false)
    expect(applies(fixed5([rule("customer.groups.id", "eq", ["cg_1", "cg_vip"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("currency_code", "eq", ["eur"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("currency_code", "eq", ["usd"])]), vip)).toBe(false)
  })

  test("ne: no context value is in the set; an empty context list passes", () => {
    expect(applies(fixed5([rule("customer.groups.id", "ne", ["cg_banned"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("customer.groups.id", "ne", ["cg_vip"])]), vip)).toBe(false)
    expect(applies(fixed5([rule("customer.groups.id", "ne", ["cg_vip"])]), guest)).toBe(true)
    expect(applies(fixed5([rule("customer.id", "ne", ["cus_1"])]), guest)).toBe(true)
    expect(applies(fixed5([rule("customer.id", "eq", ["cus_1"])]), guest)).toBe(false)
  })

  test("gt / gte / lt / lte are numeric, context on the left", () => {
    const qty = (operator: PromotionRule["operator"], value: string) =>
      fixed5([], [rule("items.quantity", operator, [value])])
    const context = ctx([item("a", 10, "1")])
    expect(applies(qty("gt", "9"), context)).toBe(true) // 10 > 9 (a string compare would say "10" < "9")
    expect(applies(qty("gt", "10"), context)).toBe(false)
    expect(applies(qty("gte", "10"), context)).toBe(true)
    expect(applies(qty("lt", "11"), context)).toBe(true)
    expect(applies(qty("lt", "10"), context)).toBe(false)
    expect(applies(qty("lte", "10"), context)).toBe(true)
    expect(applies(qty("gt", "not-a-number"), context)).toBe(false)
  })

  test("cart attributes: region.id, sales_channel_id, shipping_address.country_code, customer.id", () => {
    expect(applies(fixed5([rule("region.id", "in", ["reg_eu"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("region.id", "in", ["reg_us"])]), vip)).toBe(false)
    expect(applies(fixed5([rule("sales_channel_id", "eq", ["sc_web"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("shipping_address.country_code", "in", ["dk", "se"])]), vip)).toBe(true)
    expect(applies(fixed5([rule("shipping_address.country_code", "in", ["de"])]), vip)).toBe(false)
    expect(applies(fixed5([rule("customer.id", "eq", ["cus_1"])]), vip)).toBe(true)
    const noAddress = ctx([item("a", 1, "100")], { shipping_address: null })
    expect(applies(fixed5([rule("shipping_address.country_code", "in", ["dk"])]), noAddress)).toBe(false)
  })

  test("all rules must pass; a rule with no values fails", () => {
    expect(
      applies(fixed5([rule("region.id", "in", ["reg_eu"]), rule("customer.groups.id", "in", ["cg_x"])]), vip),
    ).toBe(false)
    expect(applies(fixed5([rule("region.id", "in", [])]), vip)).toBe(false)
  })

  test("target rules on product categories, tags, collection, type and variant pick the lines", () => {
    const shoe = item("shoe", 1, "100", {
      product: {
        id: "prod_shoe",
        collection_id: "pcol_summer",
        type_id: "ptyp_footwear",
        categories: [{ id: "pcat_shoes" }, { id: "pcat_sale" }],
        tags: [{ id: "ptag_new" }],
      },
    })
    const shirt = item("shirt", 1, "50")
    const context = ctx([shoe, shirt])
    const targeted = (target: PromotionRule) => Object.keys(amounts(computeActions([fixed5([], [target])], context)))
    expect(targeted(rule("items.product.categories.id", "in", ["pcat_sale"]))).toEqual(["shoe"])
    expect(targeted(rule("items.product.categories.id", "ne", ["pcat_sale"]))).toEqual(["shirt"])
    expect(targeted(rule("items.product.tags.id", "eq", ["ptag_new"]))).toEqual(["shoe"])
    expect(targeted(rule("items.product.collection_id", "in", ["pcol_summer"]))).toEqual(["shoe"])
    expect(targeted(rule("items.product.type_id", "eq", ["ptyp_footwear"]))).toEqual(["shoe"])
    expect(targeted(rule("items.variant_id", "in", ["variant_shirt"]))).toEqual(["shirt"])
    expect(targeted(rule("items.product.id", "in", ["prod_shoe", "prod_shirt"]))).toEqual(["shoe", "shirt"])
  })

  test("unknown attributes fail, whatever the operator, and never throw", () => {
    for (const operator of ["eq", "ne", "in", "gt"] as const) {
      expect(applies(fixed5([rule("customer.nickname", operator, ["x"])]), vip)).toBe(false)
      expect(applies(fixed5([rule("nope", operator, ["x"])]), vip)).toBe(false)
      expect(applies(fixed5([rule("currency_code.length", operator, ["3"])]), vip)).toBe(false)
      expect(applies(fixed5([rule("customer", operator, ["x"])]), vip)).toBe(false)
    }
  })

  test("prototype paths yield nothing and pollute nothing", () => {
    const paths = [
      "__proto__",
      "__proto__.polluted",
      "constructor",
      "constructor.name",
      "constructor.prototype",
      "customer.__proto__.toString",
      "customer.groups.constructor",
      "items.product.__proto__",
      "toString",
      "hasOwnProperty",
      "items..id",
      "",
    ]
    for (const attribute of paths) {
      for (const operator of ["eq", "ne", "in"] as const) {
        expect(applies(fixed5([rule(attribute, operator, ["Object", "x", "[object Object]"])]), vip)).toBe(false)
        expect(applies(fixed5([], [rule(attribute, operator, ["Object", "x"])]), vip)).toBe(false)
      }
      expect(pickValues(attribute, { customer: { groups: [{ id: "a" }] } })).toBeUndefined()
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test("pickValues flattens arrays", () => {
    const context = { a: [{ b: [{ c: "1" }, { c: "2" }] }, { b: [] }, { b: [{ c: 3 }] }] }
    expect(pickValues("a.b.c", context)).toEqual(["1", "2", "3"])
    expect(pickValues("a.b.d", context)).toBeUndefined()
    expect(pickValues("a", { a: null })).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Which promotions count

describe("eligibility", () => {
  const now = new Date("2025-06-15T12:00:00Z")
  const p = (extra: Partial<PromotionWithRules>, method: Partial<Method> = {}) =>
    promo({ type: "fixed", value: "5", max_quantity: 1, ...method }, extra)
  const campaign = (starts_at: Date | string | null, ends_at: Date | string | null) => ({
    id: "procamp_1",
    starts_at,
    ends_at,
    budget: null,
  })
  const context = ctx([item("a", 1, "100")])
  const applies = (promotion: PromotionWithRules) => computeActions([promotion], context, now).length > 0

  test("only active promotions apply", () => {
    expect(applies(p({ status: "active" }))).toBe(true)
    expect(applies(p({ status: "draft" }))).toBe(false)
    expect(applies(p({ status: "inactive" }))).toBe(false)
  })

  test("campaign must have started and not ended (Date or ISO string)", () => {
    expect(applies(p({ campaign: campaign(null, null) }))).toBe(true)
    expect(applies(p({ campaign: campaign("2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z") }))).toBe(true)
    expect(applies(p({ campaign: campaign(new Date("2025-01-01"), new Date("2025-06-15T11:59:59Z")) }))).toBe(false)
    expect(applies(p({ campaign: campaign("2025-06-15T12:00:00Z", null) }))).toBe(true)
    expect(applies(p({ campaign: campaign(null, "2025-06-15T12:00:00Z") }))).toBe(false)
    expect(applies(p({ campaign: campaign("2025-07-01T00:00:00Z", null) }))).toBe(false)
    expect(applies(p({ campaign: campaign("not a date", null) }))).toBe(false)
  })

  test("currency must match when the application method has one", () => {
    expect(applies(p({}, { currency_code: "usd" }))).toBe(false)
    expect(applies(p({}, { currency_code: "eur" }))).toBe(true)
    expect(applies(p({}, { currency_code: "EUR" }))).toBe(true)
    expect(applies(p({}, { currency_code: null }))).toBe(true)
  })

  test("non-discountable items get nothing", () => {
    const promotion = promo({ type: "fixed", value: "100", allocation: "across" })
    const actions = computeActions(
      [promotion],
      ctx([item("a", 1, "100"), item("gift_card", 1, "100", { is_discountable: false })]),
    )
    expect(amounts(actions)).toEqual({ a: "100" })
  })

  test("a null code comes out as an empty string", () => {
    const [action] = computeActions([p({ code: null, is_automatic: true })], context, now)
    expect(action).toMatchObject({ code: "", action: "addItemAdjustment" })
  })
})

describe("campaign budget", () => {
  const withBudget = (type: "spend" | "usage", limit: string | null, used: string) =>
    promo(
      { type: "fixed", value: "20", max_quantity: 1 },
      {
        campaign: {
          id: "procamp_1",
          starts_at: null,
          ends_at: null,
          budget: { id: "b", type, limit, used, currency_code: null },
        },
      },
    )
  const context = ctx([item("a", 1, "100")])

  test("usage: used + 1 > limit gives campaignBudgetExceeded and no adjustment", () => {
    const p = withBudget("usage", "5", "5")
    expect(computeActions([p], context)).toEqual([
      { action: "campaignBudgetExceeded", code: p.code, promotion_id: p.id },
    ])
    expect(amounts(computeActions([withBudget("usage", "5", "4")], context))).toEqual({ a: "20" })
  })

  test("spend: used + amount > limit", () => {
    expect(computeActions([withBudget("spend", "100", "90")], context).map((a) => a.action)).toEqual([
      "campaignBudgetExceeded",
    ])
    expect(amounts(computeActions([withBudget("spend", "100", "80")], context))).toEqual({ a: "20" })
  })

  test("no limit means no check; limit 0 allows nothing", () => {
    expect(amounts(computeActions([withBudget("usage", null, "1000")], context))).toEqual({ a: "20" })
    expect(computeActions([withBudget("usage", "0", "0")], context).map((a) => a.action)).toEqual([
      "campaignBudgetExceeded",
    ])
  })

  test("an exceeded promotion leaves the line to the next one", () => {
    const exceeded = withBudget("usage", "1", "1")
    const other = promo({ type: "fixed", value: "10", max_quantity: 1 })
    const actions = computeActions([exceeded, other], context)
    expect(actions.map((a) => a.action)).toEqual(["campaignBudgetExceeded", "addItemAdjustment"])
    expect(amounts(actions)).toEqual({ a: "10" })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Properties

const money = fc.integer({ min: 1, max: 50_000 }).map((cents) => new Big(cents).div(100).toFixed())
const taxRate = fc.constantFrom("0", "7.5", "10", "21", "25")

const arbItem = fc.record({
  quantity: fc.integer({ min: 1, max: 6 }),
  unit: money,
  rate: taxRate,
  discountable: fc.boolean(),
  category: fc.constantFrom("pcat_a", "pcat_b"),
})

const arbShipping = fc.record({ amount: money, rate: taxRate })

const arbPromotion = (taxInclusive: fc.Arbitrary<boolean>) =>
  fc
    .record({
      kind: fc.constantFrom("standard", "standard", "standard", "buyget"),
      type: fc.constantFrom("fixed", "percentage"),
      fixedValue: money,
      percent: fc.integer({ min: 1, max: 10_000 }).map((v) => new Big(v).div(100).toFixed()),
      target: fc.constantFrom("items", "shipping_methods", "order"),
      allocation: fc.constantFrom("each", "across", "once"),
      maxQuantity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      category: fc.option(fc.constantFrom("pcat_a", "pcat_b"), { nil: null }),
      taxInclusive,
      buyMin: fc.integer({ min: 1, max: 3 }),
      applyQty: fc.integer({ min: 1, max: 2 }),
    })
    .map((r) => {
      const categoryRules = r.category ? [rule("items.product.categories.id", "in", [r.category])] : []
      return promo(
        {
          type: r.type,
          value: r.type === "fixed" ? r.fixedValue : r.percent,
          target_type: r.kind === "buyget" ? "items" : r.target,
          allocation: r.allocation,
          max_quantity: r.allocation === "across" ? null : r.maxQuantity,
          buy_rules_min_quantity: r.kind === "buyget" ? r.buyMin : null,
          apply_to_quantity: r.kind === "buyget" ? r.applyQty : null,
          buy_rules: r.kind === "buyget" ? [rule("items.product.categories.id", "in", ["pcat_a", "pcat_b"])] : [],
          target_rules: r.target === "items" || r.kind === "buyget" ? categoryRules : [],
        },
        { type: r.kind as "standard" | "buyget", is_tax_inclusive: r.taxInclusive },
      )
    })

type GenItem = { quantity: number; unit: string; rate: string; discountable: boolean; category: string }
function toContext(items: GenItem[], methods: { amount: string; rate: string }[]): PromotionContext {
  return ctx(
    items.map((g, i) => {
      const subtotal = new Big(g.unit).times(g.quantity)
      return item(`i${i}`, g.quantity, g.unit, {
        subtotal: subtotal.toFixed(),
        original_total: subtotal.times(new Big(g.rate).div(100).plus(1)).toFixed(),
        is_discountable: g.discountable,
        product: { id: "prod", collection_id: null, type_id: null, categories: [{ id: g.category }], tags: [] },
      })
    }),
    {
      shipping_methods: methods.map((m, i) => ({
        id: `s${i}`,
        subtotal: m.amount,
        original_total: new Big(m.amount).times(new Big(m.rate).div(100).plus(1)).toFixed(),
        shipping_option_id: `so_${i % 2}`,
      })),
    },
  )
}

interface LineTotals {
  subtotal: Big
  original: Big
  discountable: boolean
}

function lineTotals(context: PromotionContext): Map<string, LineTotals> {
  const lines = new Map<string, LineTotals>()
  for (const i of context.items)
    lines.set(i.id, {
      subtotal: new Big(i.subtotal),
      original: new Big(i.original_total),
      discountable: i.is_discountable,
    })
  for (const s of context.shipping_methods)
    lines.set(s.id, { subtotal: new Big(s.subtotal), original: new Big(s.original_total), discountable: true })
  return lines
}

const lineId = (a: PromotionAction) =>
  a.action === "addItemAdjustment"
    ? a.item_id
    : a.action === "addShippingMethodAdjustment"
      ? a.shipping_method_id
      : null

/** Rounding slack of the net/gross conversions (20 decimal places per step). */
const CONVERSION_SLACK = new Big("1e-15")

describe("properties", () => {
  const scenario = (taxInclusive: fc.Arbitrary<boolean>) =>
    fc.record({
      items: fc.array(arbItem, { minLength: 0, maxLength: 5 }),
      methods: fc.array(arbShipping, { minLength: 0, maxLength: 2 }),
      promotions: fc.array(arbPromotion(taxInclusive), { minLength: 1, maxLength: 4 }),
    })

  test("adjustments are positive and never exceed the line's remaining amount", () => {
    fc.assert(
      fc.property(scenario(fc.boolean()), ({ items, methods, promotions }) => {
        const context = toContext(items, methods)
        const lines = lineTotals(context)
        const appliedNet = new Map<string, Big>()
        for (const action of computeActions(promotions, context)) {
          const id = lineId(action)
          if (!id || action.action === "campaignBudgetExceeded") continue
          const line = lines.get(id)!
          expect(line.discountable).toBe(true)
          const amount = new Big(action.amount)
          expect(amount.gt("0.0001")).toBe(true)
          const net = appliedNet.get(id) ?? new Big(0)
          const remaining = action.is_tax_inclusive
            ? line.original.minus(net.times(line.original).div(line.subtotal))
            : line.subtotal.minus(net)
          expect(amount.lte(remaining.plus(CONVERSION_SLACK))).toBe(true)
          appliedNet.set(
            id,
            net.plus(action.is_tax_inclusive ? amount.times(line.subtotal).div(line.original) : amount),
          )
        }
        for (const [id, net] of appliedNet) expect(net.lte(lines.get(id)!.subtotal.plus(CONVERSION_SLACK))).toBe(true)
      }),
      { seed: 20250615, numRuns: 200 },
    )
  })

  test("a line's adjustments sum to at most its subtotal (net promotions, exactly) or original_total (tax-inclusive)", () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((taxInclusive) => scenario(fc.constant(taxInclusive)).map((s) => ({ ...s, taxInclusive }))),
        ({ items, methods, promotions, taxInclusive }) => {
          const context = toContext(items, methods)
          const lines = lineTotals(context)
          const sums = new Map<string, Big>()
          for (const action of computeActions(promotions, context)) {
            const id = lineId(action)
            if (!id || !("amount" in action)) continue
            sums.set(id, (sums.get(id) ?? new Big(0)).plus(action.amount))
          }
          for (const [id, sum] of sums) {
            const line = lines.get(id)!
            if (taxInclusive) expect(sum.lte(line.original.plus(CONVERSION_SLACK))).toBe(true)
            else expect(sum.lte(line.subtotal)).toBe(true)
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    )
  })

  test("a percentage ≤ 100 never discounts more than value % of the base", () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("each", "across", "once"),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        fc.boolean(),
        (items, basisPoints, allocation, maxQuantity, taxInclusive) => {
          const value = new Big(basisPoints).div(100)
          const p = promo(
            {
              type: "percentage",
              value: value.toFixed(),
              allocation,
              max_quantity: allocation === "across" ? null : maxQuantity,
            },
            { is_tax_inclusive: taxInclusive },
          )
          const context = toContext(items, [])
          const lines = lineTotals(context)
          for (const action of computeActions([p], context)) {
            if (action.action !== "addItemAdjustment") continue
            const line = lines.get(action.item_id)!
            const lineBase = taxInclusive ? line.original : line.subtotal
            expect(new Big(action.amount).lte(lineBase)).toBe(true)
            expect(new Big(action.amount).lte(lineBase.times(value).div(100))).toBe(true)
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    )
  })
})
