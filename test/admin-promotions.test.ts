import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { testConfig, withServices } from "./helpers/services"
import { sqlStatements, startWorker, type TestWorker } from "./helpers/worker"

// @medusajs/types is not installed, so the SDK's answers are untyped here.
type Json = Record<string, any>

// Medusa's promotions and campaigns through `sdk.admin.promotion` / `sdk.admin.campaign`, over real HTTP.
const run = Date.now().toString(36).toUpperCase()
let worker: TestWorker
let db: pg.Client
let sdk: Medusa
let token: string

beforeAll(async () => {
  worker = await startWorker({}, { listen: true })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  const email = `promotions-${run.toLowerCase()}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  sdk = new Medusa({ baseUrl: worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  token = (await sdk.auth.login("user", "emailpass", { email, password: "admin-pw" })) as string
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

/** A raw admin request, for answers the SDK turns into exceptions. */
async function call(method: string, path: string, body?: unknown) {
  const res = await worker.fetch(path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}
const count = async (table: string) => (await db.query(`select count(*)::int as n from "${table}"`)).rows[0].n as number

const standard = (code: string, extra: Json = {}) => ({
  code,
  type: "standard",
  status: "active",
  application_method: {
    type: "percentage",
    target_type: "items",
    allocation: "each",
    value: 10,
    max_quantity: 5,
    target_rules: [{ attribute: "items.product.id", operator: "in", values: ["prod_a", "prod_b"] }],
  },
  rules: [{ attribute: "currency_code", operator: "eq", values: "eur" }],
  ...extra,
})

describe("promotions", () => {
  let promotion: Json

  test("a standard promotion is created with its application method and rules, numbers as numbers", async () => {
    ;({ promotion } = await sdk.admin.promotion.create(standard(`SUMMER-${run}`)))
    expect(promotion).toMatchObject({
      id: expect.stringMatching(/^promo_/),
      code: `SUMMER-${run}`,
      type: "standard",
      status: "active",
      is_automatic: false,
      is_tax_inclusive: false,
      campaign: null,
      application_method: {
        id: expect.stringMatching(/^proappmet_/),
        type: "percentage",
        target_type: "items",
        allocation: "each",
        value: 10,
        max_quantity: 5,
        buy_rules: [],
        target_rules: [
          {
            id: expect.stringMatching(/^prorul_/),
            attribute: "items.product.id",
            operator: "in",
            values: [
              { id: expect.any(String), value: "prod_a" },
              { id: expect.any(String), value: "prod_b" },
            ],
          },
        ],
      },
      rules: [{ attribute: "currency_code", operator: "eq", values: [{ value: "eur" }] }],
    })
  })

  test("retrieved by id and by code in any case; a miss is Medusa's 404", async () => {
    const byId = (await sdk.admin.promotion.retrieve(promotion.id)).promotion
    const byCode = (await sdk.admin.promotion.retrieve(`summer-${run}`.toLowerCase())).promotion
    expect(byCode).toEqual(byId)
    expect(byId.code).toBe(`SUMMER-${run}`)
    const fields = (await sdk.admin.promotion.retrieve(promotion.id, { fields: "id,code" })).promotion
    expect(fields).toEqual({ id: promotion.id, code: `SUMMER-${run}` })
    expect(await call("GET", "/admin/promotions/nope")).toEqual({
      status: 404,
      body: { type: "not_found", message: "Promotion with id or code: nope was not found" },
    })
  })

  test("a buyget promotion needs buy and target rules and both quantities", async () => {
    const { promotion: buyget } = await sdk.admin.promotion.create({
      code: `BUY2GET1-${run}`,
      type: "buyget",
      is_automatic: true,
      application_method: {
        type: "percentage",
        target_type: "items",
        allocation: "each",
        value: 100,
        max_quantity: 1,
        apply_to_quantity: 1,
        buy_rules_min_quantity: 2,
        buy_rules: [{ attribute: "items.product.id", operator: "eq", values: ["prod_buy"] }],
        target_rules: [{ attribute: "items.product.id", operator: "eq", values: ["prod_get"] }],
      },
    })
    expect(buyget).toMatchObject({
      type: "buyget",
      status: "draft",
      is_automatic: true,
      application_method: {
        apply_to_quantity: 1,
        buy_rules_min_quantity: 2,
        buy_rules: [{ attribute: "items.product.id", operator: "eq", values: [{ value: "prod_buy" }] }],
        target_rules: [{ attribute: "items.product.id", operator: "eq", values: [{ value: "prod_get" }] }],
      },
    })
  })

  test("bad input is Medusa's 400 and stores nothing", async () => {
    const before = { promotions: await count("promotion"), rules: await count("promotion_rule") }
    const cases: [Json, string][] = [
      [
        standard(`BAD1-${run}`, {
          application_method: { type: "percentage", target_type: "order", value: 150 },
        }),
        "Application Method value should be a percentage number between 0 and 100",
      ],
      [
        standard(`BAD2-${run}`, { rules: [{ attribute: "region.id", operator: "like", values: ["reg_1"] }] }),
        "rules.0.operator: operator (like) is invalid. It should be one of gte, lte, gt, lt, eq, ne, in",
      ],
      [standard(`summer-${run}`.toLowerCase()), `Promotion with code: summer-${run.toLowerCase()}, already exists.`],
      [
        {
          code: `BAD3-${run}`,
          type: "buyget",
          application_method: {
            type: "percentage",
            target_type: "items",
            allocation: "each",
            value: 100,
            max_quantity: 1,
            apply_to_quantity: 1,
            buy_rules_min_quantity: 1,
            target_rules: [{ attribute: "items.product.id", operator: "eq", values: ["p"] }],
          },
        },
        "Buyget promotions require at least one buy rule and quantities to be defined",
      ],
      [
        standard(`BAD4-${run}`, {
          application_method: { type: "fixed", target_type: "items", allocation: "across", value: 5, max_quantity: 2 },
        }),
        "application_method.max_quantity is not allowed to be set for allocation (across)",
      ],
      [
        standard(`BAD5-${run}`, {
          application_method: { type: "fixed", target_type: "items", allocation: "each", value: 5 },
        }),
        "application_method.max_quantity is required when application_method.allocation is 'each'",
      ],
      [
        standard(`BAD6-${run}`, {
          application_method: {
            type: "fixed",
            target_type: "order",
            value: 5,
            target_rules: [{ attribute: "items.product.id", operator: "eq", values: ["p"] }],
          },
        }),
        "Target rules for application method with target type (order) is not allowed",
      ],
    ]
    for (const [body, message] of cases) {
      const res = await call("POST", "/admin/promotions", body)
      expect([res.status, res.body]).toEqual([400, { type: "invalid_data", message }])
    }
    // A rule on what no cart line holds could never match: refused, whichever list it is in.
    const colour = await call(
      "POST",
      "/admin/promotions",
      standard(`BAD7-${run}`, {
        application_method: {
          type: "percentage",
          target_type: "items",
          allocation: "across",
          value: 5,
          target_rules: [{ attribute: "items.product.colour", operator: "eq", values: ["red"] }],
        },
      }),
    )
    expect(colour.status).toBe(400)
    expect(colour.body.message).toMatch(
      /^Rule attribute items\.product\.colour is not supported in target-rules; use one of: items\.id, /,
    )
    expect({ promotions: await count("promotion"), rules: await count("promotion_rule") }).toEqual(before)
  })

  test("lists filter by code, id, status and q; dates and order are honoured", async () => {
    const byCode = await sdk.admin.promotion.list({ code: `summer-${run}`.toLowerCase() } as Json)
    expect(byCode).toMatchObject({ count: 1, offset: 0, limit: 50, promotions: [{ id: promotion.id }] })
    const byQ = await sdk.admin.promotion.list({ q: run, order: "code" } as Json)
    expect(byQ.promotions.map((p: Json) => p.code)).toEqual([`BUY2GET1-${run}`, `SUMMER-${run}`])
    const drafts = await sdk.admin.promotion.list({ q: run, status: ["draft"] } as Json)
    expect(drafts.promotions.map((p: Json) => p.code)).toEqual([`BUY2GET1-${run}`])
    const future = await call("GET", `/admin/promotions?q=${run}&created_at[$gte]=2999-01-01`)
    expect(future.body).toMatchObject({ promotions: [], count: 0 })
    const fields = await call("GET", `/admin/promotions?id=${promotion.id}&fields=code,*application_method`)
    expect(Object.keys(fields.body.promotions[0]).sort()).toEqual(["application_method", "code", "id"])
  })

  test("a page of promotions costs a fixed number of statements, whatever its size", async () => {
    const statements = async (limit: number) => {
      const res = await worker.fetch(`/admin/promotions?q=${run}&limit=${limit}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(200)
      return sqlStatements(res)
    }
    // The user, the page, application methods, buy rules and their values, target rules and
    // theirs, cart rules and theirs (no campaign here: none read). A relation with no rows on a
    // page reads nothing below it, so one row may cost less, never more.
    const all = await statements(50)
    expect(all).toBe(9)
    expect(await statements(1)).toBeLessThanOrEqual(all)
  })

  test("update changes the promotion and its application method, and checks them again", async () => {
    const { promotion: updated } = await sdk.admin.promotion.update(promotion.id, {
      is_tax_inclusive: true,
      status: "inactive",
      application_method: { value: 25 },
    } as Json)
    expect(updated).toMatchObject({ is_tax_inclusive: true, status: "inactive", application_method: { value: 25 } })
    const bad = await call("POST", `/admin/promotions/${promotion.id}`, { application_method: { value: 101 } })
    expect(bad.body.message).toBe("Application Method value should be a percentage number between 0 and 100")
    expect((await sdk.admin.promotion.retrieve(promotion.id)).promotion.application_method.value).toBe(25)
  })

  test("rule batches create, update and delete rules of each list", async () => {
    const added = await sdk.admin.promotion.addRules(promotion.id, "rules", {
      rules: [{ attribute: "region.id", operator: "in", values: ["reg_1", "reg_2"] }],
    })
    expect(added).toMatchObject({
      created: [{ attribute: "region.id", operator: "in", values: [{ value: "reg_1" }, { value: "reg_2" }] }],
      updated: [],
      deleted: { ids: [], object: "promotion-rule", deleted: true },
    })
    const ruleId = added.created[0].id
    const updated = await sdk.admin.promotion.updateRules(promotion.id, "rules", {
      rules: [{ id: ruleId, operator: "ne", values: ["reg_3"] } as Json],
    })
    expect(updated.updated).toMatchObject([{ id: ruleId, operator: "ne", values: [{ value: "reg_3" }] }])
    const removed = await sdk.admin.promotion.removeRules(promotion.id, "rules", { rule_ids: [ruleId] })
    expect(removed.deleted).toEqual({ ids: [ruleId], object: "promotion-rule", deleted: true })
    const target = await sdk.admin.promotion.addRules(promotion.id, "target-rules", {
      rules: [{ attribute: "items.product.tags.id", operator: "in", values: ["ptag_1"] }],
    })
    expect(target.created).toHaveLength(1)
    const after = (await sdk.admin.promotion.retrieve(promotion.id)).promotion
    expect(after.rules.map((rule: Json) => rule.attribute)).toEqual(["currency_code"])
    expect(after.application_method.target_rules.map((rule: Json) => rule.attribute)).toEqual([
      "items.product.id",
      "items.product.tags.id",
    ])
    const unknownOperator = await call("POST", `/admin/promotions/${promotion.id}/buy-rules/batch`, {
      create: [{ attribute: "items.product.id", operator: "contains", values: ["x"] }],
    })
    expect(unknownOperator).toMatchObject({ status: 400, body: { type: "invalid_data" } })
  })

  test("a promotion's rules of one list carry the attribute's labels", async () => {
    const { rules } = await sdk.admin.promotion.listRules(promotion.id, "target-rules")
    expect(rules[0]).toMatchObject({
      id: expect.any(String),
      attribute: "items.product.id",
      attribute_label: "Product",
      operator: "in",
      operator_label: "In",
      field_type: "multiselect",
      values: [
        { value: "prod_a", label: "prod_a" },
        { value: "prod_b", label: "prod_b" },
      ],
    })
    expect((await call("GET", `/admin/promotions/${promotion.id}/nope`)).body).toEqual({
      type: "invalid_data",
      message: "Invalid param rule_type (nope)",
    })
  })

  test("rule-attribute-options and rule-value-options answer Medusa's shapes", async () => {
    const { attributes } = await sdk.admin.promotion.listRuleAttributes("rules")
    expect(attributes.map((a: Json) => a.id)).toEqual([
      "customer_group",
      "region",
      "country",
      "sales_channel",
      "currency_code",
    ])
    expect(attributes[0]).toEqual({
      id: "customer_group",
      value: "customer.groups.id",
      label: "Customer Group",
      required: false,
      field_type: "multiselect",
      operators: [
        { id: "in", value: "in", label: "In" },
        { id: "eq", value: "eq", label: "Equals" },
        { id: "ne", value: "ne", label: "Not In" },
      ],
    })
    const buy = await sdk.admin.promotion.listRuleAttributes("buy-rules", "buyget")
    expect(buy.attributes[0]).toMatchObject({ id: "buy_rules_min_quantity", field_type: "number", disguised: true })
    const regions = await sdk.admin.promotion.listRuleValues("rules", "region")
    expect(regions.values.length).toBeGreaterThan(0)
    for (const value of regions.values) expect(value).toEqual({ label: expect.any(String), value: expect.any(String) })
    const countries = await sdk.admin.promotion.listRuleValues("rules", "country", { value: ["dk"] } as Json)
    expect(countries.values).toEqual([{ label: "Denmark", value: "dk" }])
    const currencies = await sdk.admin.promotion.listRuleValues("rules", "currency_code", { q: "euro" } as Json)
    expect(currencies.values).toContainEqual({ label: "Euro", value: "eur" })
    const group = await call("POST", "/admin/customer-groups", { name: `VIP ${run}` })
    expect(group.status).toBe(200)
    const groupId = group.body.customer_group.id as string
    const groupValues = await sdk.admin.promotion.listRuleValues("rules", "customer_group", {
      value: [groupId],
    } as Json)
    expect(groupValues.values).toEqual([{ label: `VIP ${run}`, value: groupId }])
    for (const attribute of ["product", "product_category", "product_collection", "product_type", "product_tag"]) {
      const { values } = await sdk.admin.promotion.listRuleValues("target-rules", attribute, { limit: 2 } as Json)
      expect(values.length, attribute).toBeLessThanOrEqual(2)
    }
    expect((await call("GET", "/admin/promotions/rule-value-options/rules/product")).body).toEqual({
      type: "invalid_data",
      message: "Invalid rule attribute - product",
    })
    expect((await call("GET", "/admin/promotions/rule-attribute-options/nope")).body.message).toBe(
      "Invalid param rule_type (nope)",
    )
  })

  test("delete removes the promotion; its code can be used again", async () => {
    const { promotion: doomed } = await sdk.admin.promotion.create(standard(`GONE-${run}`))
    expect(await sdk.admin.promotion.delete(doomed.id)).toEqual({ id: doomed.id, object: "promotion", deleted: true })
    expect((await call("GET", `/admin/promotions/${doomed.id}`)).status).toBe(404)
    const again = await sdk.admin.promotion.create(standard(`gone-${run}`.toLowerCase()))
    expect(again.promotion.id).not.toBe(doomed.id)
  })
})

describe("campaigns", () => {
  test("created with a budget, linked to promotions, listed, updated and deleted", async () => {
    const { campaign } = await sdk.admin.campaign.create({
      name: `Black Friday ${run}`,
      campaign_identifier: `bf-${run}`,
      starts_at: new Date("2026-01-01T00:00:00Z"),
      budget: { type: "spend", limit: 1000, currency_code: "eur" },
    } as Json)
    expect(campaign).toMatchObject({
      id: expect.stringMatching(/^procamp_/),
      name: `Black Friday ${run}`,
      campaign_identifier: `bf-${run}`,
      starts_at: "2026-01-01T00:00:00.000Z",
      ends_at: null,
      budget: { id: expect.stringMatching(/^probudg_/), type: "spend", currency_code: "eur", limit: 1000, used: 0 },
    })
    const { promotion: euro } = await sdk.admin.promotion.create({
      code: `BF10-${run}`,
      type: "standard",
      campaign_id: campaign.id,
      application_method: { type: "fixed", target_type: "order", value: 10, currency_code: "eur" },
    })
    expect(euro.campaign).toMatchObject({ id: campaign.id, budget: { type: "spend", limit: 1000 } })
    const mismatch = await call("POST", "/admin/promotions", {
      code: `BFUSD-${run}`,
      type: "standard",
      campaign_id: campaign.id,
      application_method: { type: "fixed", target_type: "order", value: 10, currency_code: "usd" },
    })
    expect(mismatch.body).toEqual({
      type: "invalid_data",
      message: "Currency between promotion and campaigns should match",
    })

    const { promotion: loose } = await sdk.admin.promotion.create({
      code: `LOOSE-${run}`,
      type: "standard",
      application_method: { type: "fixed", target_type: "order", value: 5, currency_code: "eur" },
    })
    await sdk.admin.campaign.batchPromotions(campaign.id, { add: [loose.id], remove: [euro.id] })
    expect((await sdk.admin.promotion.retrieve(loose.id)).promotion.campaign.id).toBe(campaign.id)
    expect((await sdk.admin.promotion.retrieve(euro.id)).promotion.campaign).toBeNull()
    const withPromotions = await sdk.admin.campaign.retrieve(campaign.id, { fields: "+promotions.code" } as Json)
    expect(withPromotions.campaign.promotions).toEqual([{ id: loose.id, code: `LOOSE-${run}` }])

    const listed = await sdk.admin.campaign.list({ q: run } as Json)
    expect(listed).toMatchObject({ count: 1, campaigns: [{ id: campaign.id }] })
    const byCurrency = await call("GET", `/admin/campaigns?q=${run}&budget[currency_code]=usd`)
    expect(byCurrency.body.count).toBe(0)

    const { campaign: updated } = await sdk.admin.campaign.update(campaign.id, {
      name: `Cyber Monday ${run}`,
      budget: { limit: 2000 },
    } as Json)
    expect(updated).toMatchObject({ name: `Cyber Monday ${run}`, budget: { limit: 2000, type: "spend" } })

    expect(await sdk.admin.campaign.delete(campaign.id)).toEqual({ id: campaign.id, object: "campaign", deleted: true })
    expect(await call("GET", `/admin/campaigns/${campaign.id}`)).toEqual({
      status: 404,
      body: { type: "not_found", message: `Campaign with id: ${campaign.id} was not found` },
    })
    expect((await sdk.admin.promotion.retrieve(loose.id)).promotion.campaign).toBeNull()
  })

  test("budget currency rules and inline campaigns", async () => {
    const before = await count("promotion_campaign")
    for (const [budget, message] of [
      [{ type: "spend", limit: 10 }, "budget: currency_code is required when budget type is spend"],
      [
        { type: "usage", limit: 10, currency_code: "eur" },
        "budget: currency_code should not be present when budget type is usage",
      ],
    ] as const) {
      const res = await call("POST", "/admin/campaigns", { name: "x", campaign_identifier: `x-${run}`, budget })
      expect([res.status, res.body]).toEqual([400, { type: "invalid_data", message }])
    }
    expect(await count("promotion_campaign")).toBe(before)
    const { promotion } = await sdk.admin.promotion.create({
      code: `INLINE-${run}`,
      type: "standard",
      campaign: { name: `Inline ${run}`, campaign_identifier: `inline-${run}`, budget: { type: "usage", limit: 5 } },
      application_method: { type: "percentage", target_type: "order", value: 5 },
    } as Json)
    expect(promotion.campaign).toMatchObject({ name: `Inline ${run}`, budget: { type: "usage", limit: 5, used: 0 } })
    const both = await call("POST", "/admin/promotions", {
      code: `BOTH-${run}`,
      type: "standard",
      campaign_id: promotion.campaign.id,
      campaign: { name: "y", campaign_identifier: `y-${run}` },
      application_method: { type: "percentage", target_type: "order", value: 5 },
    })
    expect(both.body.message).toBe(
      "Provide either the 'campaign' or 'campaign_id' parameter; both cannot be used simultaneously.",
    )
  })
})

describe("registerUsage", () => {
  test("50 concurrent checkouts against a usage limit of 10: exactly 10 count", async () => {
    const { campaign } = await sdk.admin.campaign.create({
      name: `Limited ${run}`,
      campaign_identifier: `limited-${run}`,
      budget: { type: "usage", limit: 10 },
    } as Json)
    const budgetId = campaign.budget.id
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        withServices((scope) => scope.resolve("promotionService").registerUsage(budgetId, "1")),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(10)
    const { rows } = await db.query("select used::text from promotion_campaign_budget where id = $1", [budgetId])
    expect(rows[0].used).toBe("10")
  }, 60_000)

  test("a spend budget counts amounts and refuses what would pass its limit", async () => {
    const { campaign } = await sdk.admin.campaign.create({
      name: `Spend ${run}`,
      campaign_identifier: `spend-${run}`,
      budget: { type: "spend", limit: 100, currency_code: "eur" },
    } as Json)
    const register = (amount: string) =>
      withServices((scope) => scope.resolve("promotionService").registerUsage(campaign.budget.id, amount))
    expect(await register("60.5")).toBe(true)
    expect(await register("40")).toBe(false)
    expect(await register("39.5")).toBe(true)
    expect((await sdk.admin.campaign.retrieve(campaign.id)).campaign.budget.used).toBe(100)
  })
})
