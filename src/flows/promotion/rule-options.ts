import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import type { Page } from "../../core/query/page"
import { RULE_TYPES, type RuleType } from "../../modules/promotion/service"

// What the admin's promotion form offers (Medusa's admin/promotions/utils: rule-attributes-map,
// operators-map, rule-query-configuration), and the labels of stored rule values.

const OPERATORS = {
  in: { id: "in", value: "in", label: "In" },
  eq: { id: "eq", value: "eq", label: "Equals" },
  ne: { id: "ne", value: "ne", label: "Not In" },
} as const
const ALL_OPERATORS = [OPERATORS.in, OPERATORS.eq, OPERATORS.ne]
const OPERATOR_LABELS: Record<string, string> = {
  in: "In",
  eq: "Equals",
  ne: "Not In",
  gt: "Greater than",
  gte: "Greater than or equal",
  lt: "Less than",
  lte: "Less than or equal",
}

export interface RuleAttribute {
  id: string
  value: string
  label: string
  required: boolean
  field_type: "multiselect" | "select" | "number"
  operators: { id: string; value: string; label: string }[]
  disguised?: boolean
  hydrate?: boolean
}

const select = (id: string, value: string, label: string): RuleAttribute => ({
  id,
  value,
  label,
  required: false,
  field_type: "multiselect",
  operators: ALL_OPERATORS,
})

const CART_ATTRIBUTES = [
  select("customer_group", "customer.groups.id", "Customer Group"),
  select("region", "region.id", "Region"),
  select("country", "shipping_address.country_code", "Country"),
  select("sales_channel", "sales_channel_id", "Sales Channel"),
]
const ITEM_ATTRIBUTES = [
  select("product", "items.product.id", "Product"),
  select("product_category", "items.product.categories.id", "Product Category"),
  select("product_collection", "items.product.collection_id", "Product Collection"),
  select("product_type", "items.product.type_id", "Product Type"),
  select("product_tag", "items.product.tags.id", "Product Tag"),
]
const CURRENCY: RuleAttribute = {
  id: "currency_code",
  value: "currency_code",
  label: "Currency Code",
  required: true,
  field_type: "select",
  operators: [OPERATORS.eq],
  disguised: true,
  hydrate: true,
}
const quantity = (id: string, label: string): RuleAttribute => ({
  id,
  value: id,
  label,
  required: true,
  field_type: "number",
  operators: [OPERATORS.eq],
  disguised: true,
})
const BUY_MIN = quantity("buy_rules_min_quantity", "Minimum quantity of items")
const APPLY_TO = quantity("apply_to_quantity", "Quantity of items promotion will apply to")

export function checkRuleType(ruleType: string): RuleType {
  if (!(RULE_TYPES as readonly string[]).includes(ruleType))
    throw new MedusaError("invalid_data", `Invalid param rule_type (${ruleType})`)
  return ruleType as RuleType
}

/** Medusa's ruleAttributesMap: what a rule of this type may test, for this kind of promotion. */
export function ruleAttributes(
  ruleType: string,
  options: { promotion_type?: string; application_method_type?: string } = {},
): RuleAttribute[] {
  const type = checkRuleType(ruleType)
  const buyget = options.promotion_type === "buyget"
  // Always offered (the dashboard's attribute list does not say the method's type), required for a fixed amount.
  if (type === "rules")
    return [...CART_ATTRIBUTES, { ...CURRENCY, required: options.application_method_type === "fixed" }]
  if (type === "buy-rules") return buyget ? [BUY_MIN, ...ITEM_ATTRIBUTES] : ITEM_ATTRIBUTES
  return buyget ? [APPLY_TO, ...ITEM_ATTRIBUTES] : ITEM_ATTRIBUTES
}

export interface ValueQuery {
  q?: string
  value?: string[]
}

type Option = { label: string; value: string }
const byLabel = (field: string) => ({ field, direction: "asc" as const })
const options = (rows: object[], label: string, value: string): Option[] =>
  (rows as Record<string, unknown>[]).map((row) => ({ label: String(row[label] ?? ""), value: String(row[value]) }))

/** The entity behind each attribute, and its label and value fields (Medusa's ruleQueryConfigurations). */
const SOURCES: Record<string, (scope: Scope, query: ValueQuery, page: Page) => Promise<Option[]>> = {
  region: async (scope, { q, value }, page) =>
    options((await scope.resolve("regionService").list({ q, id: value }, byLabel("name"), page)).rows, "name", "id"),
  currency_code: async (scope, { q, value }, page) =>
    options(
      scope.resolve("currencyService").list({ q, code: value }, { field: "name", direction: "asc" }, page).rows,
      "name",
      "code",
    ),
  customer_group: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("customerGroupService").list({ q, id: value }, byLabel("name"), page)).rows,
      "name",
      "id",
    ),
  sales_channel: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("salesChannelService").list({ q, id: value }, byLabel("name"), page)).rows,
      "name",
      "id",
    ),
  country: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("regionService").listCountries({ q, iso_2: value }, page)).rows,
      "display_name",
      "iso_2",
    ),
  product: async (scope, { q, value }, page) =>
    options((await scope.resolve("productService").list({ q, id: value }, byLabel("title"), page)).rows, "title", "id"),
  product_category: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("adminProductCategoryService").list({ q, id: value }, byLabel("name"), page)).rows,
      "name",
      "id",
    ),
  product_collection: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("productCollectionService").list({ q, id: value }, byLabel("title"), page)).rows,
      "title",
      "id",
    ),
  product_type: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("productTypeService").list({ q, id: value }, byLabel("value"), page)).rows,
      "value",
      "id",
    ),
  product_tag: async (scope, { q, value }, page) =>
    options(
      (await scope.resolve("productTagService").list({ q, id: value }, byLabel("value"), page)).rows,
      "value",
      "id",
    ),
}

/** Medusa's rule-value-options: `{ label, value }` pairs an attribute may take. */
export async function ruleValueOptions(
  scope: Scope,
  ruleType: string,
  attributeId: string,
  query: ValueQuery,
  page: Page,
): Promise<Option[]> {
  const attribute = ruleAttributes(ruleType, { promotion_type: "buyget", application_method_type: "fixed" }).find(
    (candidate) => candidate.id === attributeId,
  )
  const source = attribute && Object.hasOwn(SOURCES, attributeId) ? SOURCES[attributeId] : undefined
  if (!source) throw new MedusaError("invalid_data", `Invalid rule attribute - ${attributeId}`)
  return source(scope, query, page)
}

/**
 * Medusa's GET /admin/promotions/:id/:rule_type: the promotion's rules of that list with the
 * attribute's definition and labels, plus the "disguised" rules kept on its application method.
 */
export async function promotionRulesView(
  scope: Scope,
  idOrCode: string,
  ruleType: string,
  options: { promotion_type?: string; application_method_type?: string } = {},
) {
  const type = checkRuleType(ruleType)
  const service = scope.resolve("promotionService")
  // The create form asks with the id "null" (no promotion yet): the rules a new promotion of the queried kind starts with.
  const promotion = await service.find(idOrCode)
  const [method] = promotion ? await service.applicationMethodsOf([promotion.id]) : []
  const attributes = ruleAttributes(type, {
    promotion_type: promotion?.type ?? options.promotion_type,
    application_method_type: method?.type ?? options.application_method_type,
  })
  const owner = type === "rules" ? promotion?.id : method?.id
  const rules = owner ? await service.rulesOf(type, [owner]) : []
  const values = await service.valuesOf(rules.map((rule) => rule.id))
  const shown: Record<string, unknown>[] = []
  for (const attribute of attributes.filter((candidate) => candidate.disguised)) {
    const stored = method?.[attribute.id as "currency_code" | "apply_to_quantity" | "buy_rules_min_quantity"]
    const unset = stored === undefined || stored === null
    // A required one is shown unset too, so that the form asks for it (a fixed amount's currency).
    if (unset && !attribute.required) continue
    const label =
      !unset && attribute.id === "currency_code" ? await labelsOf(scope, type, attribute.id, [String(stored)]) : null
    const listed = unset ? [] : [{ value: stored, label: label?.get(String(stored)) ?? stored }]
    shown.push({
      ...attribute,
      id: undefined,
      attribute: attribute.id,
      operator: "eq",
      attribute_label: attribute.label,
      operator_label: OPERATOR_LABELS.eq,
      field_type: attribute.field_type,
      values: attribute.field_type === "number" ? (stored ?? undefined) : listed,
    })
  }
  for (const rule of rules) {
    const definition = attributes.find((candidate) => candidate.value === rule.attribute)
    const ruleValues = values.filter((value) => value.promotion_rule_id === rule.id).map((value) => value.value)
    const labels = definition ? await labelsOf(scope, type, definition.id, ruleValues) : new Map<string, string>()
    const { owner_id: _owner, ...columns } = rule
    shown.push({
      ...definition,
      ...columns,
      attribute_label: definition?.label ?? rule.attribute,
      operator_label: OPERATOR_LABELS[rule.operator] ?? rule.operator,
      values: ruleValues.map((value) => ({ value, label: labels.get(value) ?? value })),
    })
  }
  return shown
}

async function labelsOf(scope: Scope, type: RuleType, attributeId: string, values: string[]) {
  if (values.length === 0 || !Object.hasOwn(SOURCES, attributeId)) return new Map<string, string>()
  const found = await ruleValueOptions(
    scope,
    type,
    attributeId,
    { value: values },
    {
      limit: values.length,
      offset: 0,
    },
  )
  return new Map(found.map((option) => [option.value, option.label]))
}
