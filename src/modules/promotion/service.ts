import { RULE_ATTRIBUTE_PATHS, type PromotionRule, type PromotionWithRules as EnginePromotion } from "./compute-actions"
import { and, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { decimal } from "../../core/money"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import {
  applicationMethodBuyRules,
  applicationMethodTargetRules,
  promotion,
  promotionApplicationMethod,
  promotionCampaign,
  promotionCampaignBudget,
  promotionPromotionRule,
  promotionRule,
  promotionRuleValue,
} from "./schema"

export type Promotion = typeof promotion.$inferSelect
export type ApplicationMethod = typeof promotionApplicationMethod.$inferSelect
export type PromotionRuleRow = typeof promotionRule.$inferSelect
export type RuleOperator = PromotionRuleRow["operator"]
export const RULE_OPERATORS = ["gte", "lte", "gt", "lt", "eq", "ne", "in"] as const satisfies readonly RuleOperator[]
/** Which of a promotion's rule lists: its cart rules, or its application method's target or buy rules. */
export type RuleType = "rules" | "target-rules" | "buy-rules"
export const RULE_TYPES = ["rules", "target-rules", "buy-rules"] as const satisfies readonly RuleType[]

/** A rule as the promotion engine reads it. */
export type Rule = PromotionRule & { operator: RuleOperator }

/** A promotion with everything computing its discount needs (the cart side reads these), and its own use limit. */
export interface PromotionWithRules extends EnginePromotion {
  code: string
  limit: number | null
  used: number
}

export interface RuleInput {
  attribute: string
  operator: RuleOperator
  description?: string | null
  values: string[]
}

export interface RuleUpdate {
  id: string
  attribute?: string
  operator?: RuleOperator
  description?: string | null
  values?: string[]
}

export interface ApplicationMethodInput {
  type: "fixed" | "percentage"
  target_type: "order" | "shipping_methods" | "items"
  allocation?: "each" | "across" | "once" | null
  value: number | string
  currency_code?: string | null
  max_quantity?: number | null
  apply_to_quantity?: number | null
  buy_rules_min_quantity?: number | null
  description?: string | null
  target_rules?: RuleInput[]
  buy_rules?: RuleInput[]
}

export interface CreatePromotionInput {
  code: string
  type: "standard" | "buyget"
  status?: "draft" | "active" | "inactive"
  is_automatic?: boolean
  is_tax_inclusive?: boolean
  limit?: number | null
  campaign_id?: string | null
  metadata?: Record<string, unknown> | null
  application_method: ApplicationMethodInput
  rules?: RuleInput[]
}

export type UpdatePromotionInput = Partial<Omit<CreatePromotionInput, "application_method" | "rules">> & {
  application_method?: Partial<Omit<ApplicationMethodInput, "target_rules" | "buy_rules">>
}

export interface PromotionFilters {
  id?: string[]
  code?: string[]
  campaign_id?: string[]
  status?: ("draft" | "active" | "inactive")[]
  is_automatic?: boolean
  currency_code?: string[]
  q?: string
}

const invalid = (message: string) => new MedusaError("invalid_data", message)
const pivotOf = (type: RuleType) =>
  type === "rules"
    ? { table: promotionPromotionRule, owner: promotionPromotionRule.promotion_id }
    : type === "target-rules"
      ? { table: applicationMethodTargetRules, owner: applicationMethodTargetRules.application_method_id }
      : { table: applicationMethodBuyRules, owner: applicationMethodBuyRules.application_method_id }

/** A rule on an attribute the promotion context does not hold is refused: it could never apply. */
function assertKnownAttributes(type: RuleType, rules: { attribute?: string }[]) {
  const known = RULE_ATTRIBUTE_PATHS[type]
  const unknown = rules.find((rule) => rule.attribute !== undefined && !known.includes(rule.attribute))
  if (unknown)
    throw new MedusaError(
      "invalid_data",
      `Rule attribute ${unknown.attribute} is not supported in ${type}; use one of: ${known.join(", ")}`,
    )
}

/**
 * Medusa's application method checks (utils/validations/application-method.ts and the module
 * service), with the counts of target and buy rules the promotion will have.
 */
export function validateApplicationMethod(
  promotionType: "standard" | "buyget",
  method: Omit<ApplicationMethodInput, "target_rules" | "buy_rules">,
  targetRules: number,
  buyRules: number,
) {
  const allocation = method.allocation ?? undefined
  if (method.type === "percentage") {
    const value = decimal(method.value)
    if (value.lte(0) || value.gt(100))
      throw invalid("Application Method value should be a percentage number between 0 and 100")
  } else if (decimal(method.value).lt(0)) {
    throw invalid("Application Method value should be a positive number")
  }
  if (promotionType === "buyget") {
    if (method.apply_to_quantity == null)
      throw invalid("apply_to_quantity is a required field for Promotion type of buyget")
    if (method.buy_rules_min_quantity == null)
      throw invalid("buy_rules_min_quantity is a required field for Promotion type of buyget")
  }
  if (allocation === "across" && method.max_quantity != null)
    throw invalid("application_method.max_quantity is not allowed to be set for allocation (across)")
  if (["items", "shipping_methods"].includes(method.target_type) && !allocation)
    throw invalid(
      "application_method.allocation should be either 'across OR each' when application_method.target_type is either 'shipping_methods OR items'",
    )
  if ((allocation === "each" || allocation === "once") && method.max_quantity == null)
    throw invalid(`application_method.max_quantity is required when application_method.allocation is '${allocation}'`)
  if (method.target_type === "order" && targetRules > 0)
    throw invalid("Target rules for application method with target type (order) is not allowed")
  if (promotionType === "buyget") {
    if (buyRules === 0) throw invalid("Buy rules are required for buyget promotion type")
    if (targetRules === 0) throw invalid("Target rules are required for buyget promotion type")
  }
}

/** Medusa's promotion module service: promotions, their application method and their rules. */
export class PromotionService {
  constructor(private readonly db: Db) {}

  async create(input: CreatePromotionInput): Promise<Promotion> {
    const { application_method: method, rules = [], ...columns } = input
    const { target_rules = [], buy_rules = [], ...methodColumns } = method
    // An order discount has one way to spread: across the order.
    if (methodColumns.target_type === "order") methodColumns.allocation ??= "across"
    validateApplicationMethod(input.type, methodColumns, target_rules.length, buy_rules.length)
    await this.refuseTakenCode(input.code)
    if (input.campaign_id) await this.checkCampaign(input.campaign_id, methodColumns.currency_code ?? null)
    const [created] = await this.db
      .insert(promotion)
      .values({ id: generateId("promo"), ...columns })
      .returning()
    const [applied] = await this.db
      .insert(promotionApplicationMethod)
      .values({ id: generateId("proappmet"), promotion_id: created!.id, ...methodColumns, value: String(method.value) })
      .returning()
    await this.insertRules("rules", created!.id, rules)
    await this.insertRules("target-rules", applied!.id, target_rules)
    await this.insertRules("buy-rules", applied!.id, buy_rules)
    return created!
  }

  /** By id or by code (any case), as Medusa's `{ $or: [{ id }, { code }] }`. */
  async retrieve(idOrCode: string): Promise<Promotion> {
    const found = await this.find(idOrCode)
    if (!found) throw new MedusaError("not_found", `Promotion with id or code: ${idOrCode} was not found`)
    return found
  }

  /** A live promotion by id or code, or undefined. */
  async find(idOrCode: string): Promise<Promotion | undefined> {
    const [found] = await this.db
      .select()
      .from(promotion)
      .where(
        and(
          or(eq(promotion.id, idOrCode), sql`lower(${promotion.code}) = lower(${idOrCode})`),
          isNull(promotion.deleted_at),
        ),
      )
      .limit(1)
    return found
  }

  /** Live promotions by id, whatever their status, with their application method and rules (carts show what they applied). */
  async byIds(ids: string[]): Promise<PromotionWithRules[]> {
    if (ids.length === 0) return []
    return this.withRules(and(inArray(promotion.id, ids), isNull(promotion.deleted_at)))
  }

  async list(filters: PromotionFilters & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(promotion.deleted_at)]
    if (filters.id) conditions.push(inArray(promotion.id, filters.id))
    if (filters.code)
      conditions.push(
        inArray(
          sql`lower(${promotion.code})`,
          filters.code.map((code) => code.toLowerCase()),
        ),
      )
    if (filters.campaign_id) conditions.push(inArray(promotion.campaign_id, filters.campaign_id))
    if (filters.status) conditions.push(inArray(promotion.status, filters.status))
    if (filters.is_automatic !== undefined) conditions.push(eq(promotion.is_automatic, filters.is_automatic))
    if (filters.currency_code)
      conditions.push(
        sql`${promotion.id} in (select ${promotionApplicationMethod.promotion_id} from ${promotionApplicationMethod} where ${inArray(promotionApplicationMethod.currency_code, filters.currency_code)})`,
      )
    if (filters.q) conditions.push(searchAny([promotion.code], filters.q))
    return listPage(this.db, promotion, and(...conditions), orderBy(promotion, ordering, promotion.id), page, filters)
  }

  async update(id: string, input: UpdatePromotionInput): Promise<Promotion> {
    const current = await this.retrieve(id)
    const { application_method: methodPatch, ...columns } = input
    if (columns.code !== undefined && columns.code.toLowerCase() !== current.code.toLowerCase())
      await this.refuseTakenCode(columns.code)
    const [method] = await this.applicationMethodsOf([current.id])
    const merged = { ...method!, ...methodPatch, value: String(methodPatch?.value ?? method!.value) }
    const counts = await this.ruleCounts(method!.id)
    validateApplicationMethod(columns.type ?? current.type, merged, counts.target, counts.buy)
    const campaignId = columns.campaign_id === undefined ? current.campaign_id : columns.campaign_id
    if (campaignId && (columns.campaign_id || methodPatch?.currency_code !== undefined))
      await this.checkCampaign(campaignId, merged.currency_code)
    const [updated] = await this.db
      .update(promotion)
      .set({ ...columns, updated_at: sql`now()` })
      .where(eq(promotion.id, current.id))
      .returning()
    if (methodPatch && Object.keys(methodPatch).length > 0) {
      await this.db
        .update(promotionApplicationMethod)
        .set({
          ...methodPatch,
          value: methodPatch.value === undefined ? undefined : String(methodPatch.value),
          updated_at: sql`now()`,
        })
        .where(eq(promotionApplicationMethod.id, method!.id))
    }
    return updated!
  }

  async softDelete(id: string): Promise<Promotion> {
    const found = await this.retrieve(id)
    await this.db.update(promotion).set({ deleted_at: sql`now()` }).where(eq(promotion.id, found.id))
    await this.db
      .update(promotionApplicationMethod)
      .set({ deleted_at: sql`now()` })
      .where(eq(promotionApplicationMethod.promotion_id, found.id))
    return found
  }

  /** Live application methods of promotions (one each). */
  async applicationMethodsOf(promotionIds: string[]): Promise<ApplicationMethod[]> {
    if (promotionIds.length === 0) return []
    return this.db
      .select()
      .from(promotionApplicationMethod)
      .where(
        and(
          inArray(promotionApplicationMethod.promotion_id, promotionIds),
          isNull(promotionApplicationMethod.deleted_at),
        ),
      )
  }

  /**
   * The rules of one list for its owners (promotions for `rules`, application methods for the
   * others), each carrying `owner_id`, in creation order.
   */
  async rulesOf(type: RuleType, ownerIds: string[]): Promise<(PromotionRuleRow & { owner_id: string })[]> {
    if (ownerIds.length === 0) return []
    const pivot = pivotOf(type)
    return this.db
      .select({ ...getTableColumns(promotionRule), owner_id: pivot.owner })
      .from(pivot.table)
      .innerJoin(promotionRule, eq(promotionRule.id, pivot.table.promotion_rule_id))
      .where(and(inArray(pivot.owner, ownerIds), isNull(promotionRule.deleted_at)))
      .orderBy(promotionRule.id)
  }

  async valuesOf(ruleIds: string[]) {
    if (ruleIds.length === 0) return []
    return this.db
      .select()
      .from(promotionRuleValue)
      .where(and(inArray(promotionRuleValue.promotion_rule_id, ruleIds), isNull(promotionRuleValue.deleted_at)))
      .orderBy(promotionRuleValue.id)
  }

  /** Live rules by id, for batch answers (the query config loads their values). */
  async rulesByIds(ids: string[]): Promise<PromotionRuleRow[]> {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(promotionRule)
      .where(and(inArray(promotionRule.id, ids), isNull(promotionRule.deleted_at)))
      .orderBy(promotionRule.id)
  }

  /** Adds rules to one of a promotion's lists; answers their ids. */
  async addRules(promotionId: string, type: RuleType, rules: RuleInput[]): Promise<string[]> {
    const found = await this.retrieve(promotionId)
    const owner = await this.ownerOf(found, type)
    if (type === "target-rules" && rules.length > 0 && owner.method?.target_type === "order")
      throw invalid("Target rules for application method with target type (order) is not allowed")
    return this.insertRules(type, owner.id, rules)
  }

  /** Changes rules of one of a promotion's lists; `values` replaces the rule's values. */
  async updateRules(promotionId: string, type: RuleType, updates: RuleUpdate[]): Promise<string[]> {
    if (updates.length === 0) return []
    const found = await this.retrieve(promotionId)
    const owner = await this.ownerOf(found, type)
    const ids = updates.map((rule) => rule.id)
    const owned = new Set((await this.rulesOf(type, [owner.id])).map((rule) => rule.id))
    const missing = ids.filter((id) => !owned.has(id))
    if (missing.length > 0)
      throw new MedusaError("not_found", `Promotion rules with id - ${missing.join(", ")} not found`)
    assertKnownAttributes(type, updates)
    for (const { id, values, ...columns } of updates) {
      await this.db
        .update(promotionRule)
        .set({ ...columns, updated_at: sql`now()` })
        .where(eq(promotionRule.id, id))
      if (values) {
        await this.db.delete(promotionRuleValue).where(eq(promotionRuleValue.promotion_rule_id, id))
        await this.insertValues([{ id, values }])
      }
    }
    return ids
  }

  /** Removes rules from one of a promotion's lists (ids it does not hold are ignored, as Medusa does). */
  async removeRules(promotionId: string, type: RuleType, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return []
    const found = await this.retrieve(promotionId)
    const owner = await this.ownerOf(found, type)
    const pivot = pivotOf(type)
    const removed = await this.db
      .delete(pivot.table)
      .where(and(eq(pivot.owner, owner.id), inArray(pivot.table.promotion_rule_id, ids)))
      .returning({ id: pivot.table.promotion_rule_id })
    if (removed.length > 0)
      await this.db
        .update(promotionRule)
        .set({ deleted_at: sql`now()` })
        .where(
          inArray(
            promotionRule.id,
            removed.map((row) => row.id),
          ),
        )
    return ids
  }

  /** Live promotions with these codes (any case) that apply now: active, in a running campaign or none. */
  async activeByCodes(codes: string[]): Promise<PromotionWithRules[]> {
    if (codes.length === 0) return []
    return this.withRules(
      and(
        inArray(
          sql`lower(${promotion.code})`,
          codes.map((code) => code.toLowerCase()),
        ),
        this.appliesNow(),
      ),
    )
  }

  /** The automatic promotions that apply now. */
  async automatic(): Promise<PromotionWithRules[]> {
    return this.withRules(and(eq(promotion.is_automatic, true), this.appliesNow()))
  }

  /**
   * Counts one checkout against a campaign budget, in the caller's transaction: a usage budget
   * +1, a spend budget +`amount`, only while `used + x <= limit`. One conditional UPDATE, so
   * concurrent checkouts can never pass the limit; false, with nothing counted, when it would.
   */
  async registerUsage(budgetId: string, amount: string | number): Promise<boolean> {
    const spent = decimal(amount).toString()
    const step = sql`(case when ${promotionCampaignBudget.type} = 'usage' then 1 else ${spent}::numeric end)`
    const [counted] = await this.db
      .update(promotionCampaignBudget)
      .set({ used: sql`${promotionCampaignBudget.used} + ${step}`, updated_at: sql`now()` })
      .where(
        and(
          eq(promotionCampaignBudget.id, budgetId),
          isNull(promotionCampaignBudget.deleted_at),
          or(
            isNull(promotionCampaignBudget.limit),
            sql`${promotionCampaignBudget.used} + ${step} <= ${promotionCampaignBudget.limit}`,
          ),
        ),
      )
      .returning({ id: promotionCampaignBudget.id })
    return counted !== undefined
  }

  /** Counts one use of a promotion against its own `limit` (Medusa 2.12), as registerUsage does for budgets. */
  async registerPromotionUse(promotionId: string): Promise<boolean> {
    const [counted] = await this.db
      .update(promotion)
      .set({ used: sql`${promotion.used} + 1`, updated_at: sql`now()` })
      .where(
        and(
          eq(promotion.id, promotionId),
          or(isNull(promotion.limit), sql`${promotion.used} + 1 <= ${promotion.limit}`),
        ),
      )
      .returning({ id: promotion.id })
    return counted !== undefined
  }

  private appliesNow(): SQL {
    return and(
      isNull(promotion.deleted_at),
      eq(promotion.status, "active"),
      sql`(${promotion.campaign_id} is null or exists (select 1 from ${promotionCampaign} where ${promotionCampaign.id} = ${promotion.campaign_id} and ${promotionCampaign.deleted_at} is null and (${promotionCampaign.starts_at} is null or ${promotionCampaign.starts_at} <= now()) and (${promotionCampaign.ends_at} is null or ${promotionCampaign.ends_at} > now())))`,
    )!
  }

  private async withRules(where: SQL | undefined): Promise<PromotionWithRules[]> {
    const found = await this.db.select().from(promotion).where(where).orderBy(promotion.id)
    if (found.length === 0) return []
    const methods = await this.applicationMethodsOf(found.map((row) => row.id))
    const methodIds = methods.map((method) => method.id)
    const cartRules = await this.rulesOf(
      "rules",
      found.map((row) => row.id),
    )
    const targetRules = await this.rulesOf("target-rules", methodIds)
    const buyRules = await this.rulesOf("buy-rules", methodIds)
    const values = await this.valuesOf([...cartRules, ...targetRules, ...buyRules].map((rule) => rule.id))
    const campaignIds = [...new Set(found.flatMap((row) => (row.campaign_id ? [row.campaign_id] : [])))]
    const campaigns =
      campaignIds.length === 0
        ? []
        : await this.db
            .select({ campaign: promotionCampaign, budget: promotionCampaignBudget })
            .from(promotionCampaign)
            .leftJoin(
              promotionCampaignBudget,
              and(
                eq(promotionCampaignBudget.campaign_id, promotionCampaign.id),
                isNull(promotionCampaignBudget.deleted_at),
              ),
            )
            .where(inArray(promotionCampaign.id, campaignIds))
    const rule = (row: PromotionRuleRow): Rule => ({
      attribute: row.attribute,
      operator: row.operator,
      values: values.filter((value) => value.promotion_rule_id === row.id).map((value) => value.value),
    })
    const rulesFor = (rows: (PromotionRuleRow & { owner_id: string })[], owner: string) =>
      rows.filter((row) => row.owner_id === owner).map(rule)
    return found.flatMap((row) => {
      const method = methods.find((candidate) => candidate.promotion_id === row.id)
      if (!method) return []
      const linked = campaigns.find((candidate) => candidate.campaign.id === row.campaign_id)
      return [
        {
          id: row.id,
          code: row.code,
          type: row.type,
          status: row.status,
          is_automatic: row.is_automatic,
          is_tax_inclusive: row.is_tax_inclusive,
          limit: row.limit,
          used: row.used,
          campaign: linked
            ? {
                id: linked.campaign.id,
                starts_at: linked.campaign.starts_at,
                ends_at: linked.campaign.ends_at,
                budget: linked.budget
                  ? {
                      id: linked.budget.id,
                      type: linked.budget.type,
                      limit: linked.budget.limit,
                      used: linked.budget.used,
                      currency_code: linked.budget.currency_code,
                    }
                  : null,
              }
            : null,
          application_method: {
            type: method.type,
            target_type: method.target_type,
            allocation: method.allocation,
            value: method.value,
            currency_code: method.currency_code,
            max_quantity: method.max_quantity,
            apply_to_quantity: method.apply_to_quantity,
            buy_rules_min_quantity: method.buy_rules_min_quantity,
            target_rules: rulesFor(targetRules, method.id),
            buy_rules: rulesFor(buyRules, method.id),
          },
          rules: rulesFor(cartRules, row.id),
        },
      ]
    })
  }

  private async refuseTakenCode(code: string) {
    const [taken] = await this.db
      .select({ id: promotion.id })
      .from(promotion)
      .where(and(sql`lower(${promotion.code}) = lower(${code})`, isNull(promotion.deleted_at)))
    if (taken) throw invalid(`Promotion with code: ${code}, already exists.`)
  }

  /** The campaign exists, and a spend budget counts in the promotion's currency. */
  private async checkCampaign(campaignId: string, currencyCode: string | null) {
    const [found] = await this.db
      .select({ id: promotionCampaign.id, budget: promotionCampaignBudget })
      .from(promotionCampaign)
      .leftJoin(
        promotionCampaignBudget,
        and(eq(promotionCampaignBudget.campaign_id, promotionCampaign.id), isNull(promotionCampaignBudget.deleted_at)),
      )
      .where(and(eq(promotionCampaign.id, campaignId), isNull(promotionCampaign.deleted_at)))
    if (!found) throw invalid(`Could not find campaign with id - ${campaignId}`)
    if (found.budget?.type === "spend" && found.budget.currency_code !== currencyCode)
      throw invalid("Currency between promotion and campaigns should match")
  }

  private async ownerOf(found: Promotion, type: RuleType) {
    if (type === "rules") return { id: found.id, method: undefined }
    const [method] = await this.applicationMethodsOf([found.id])
    if (!method) throw new MedusaError("not_found", `Promotion with id or code: ${found.id} was not found`)
    return { id: method.id, method }
  }

  private async ruleCounts(methodId: string) {
    const target = await this.rulesOf("target-rules", [methodId])
    const buy = await this.rulesOf("buy-rules", [methodId])
    return { target: target.length, buy: buy.length }
  }

  private async insertRules(type: RuleType, ownerId: string, rules: RuleInput[]): Promise<string[]> {
    if (rules.length === 0) return []
    assertKnownAttributes(type, rules)
    const made = rules.map(({ values, ...rule }) => ({ id: generateId("prorul"), ...rule, values }))
    await this.db.insert(promotionRule).values(made.map(({ values, ...rule }) => rule))
    const pivot = pivotOf(type)
    const links = made.map((rule) =>
      type === "rules"
        ? { promotion_id: ownerId, promotion_rule_id: rule.id }
        : { application_method_id: ownerId, promotion_rule_id: rule.id },
    )
    await this.db.insert(pivot.table).values(links as never)
    await this.insertValues(made)
    return made.map((rule) => rule.id)
  }

  private async insertValues(rules: { id: string; values: string[] }[]) {
    const rows = rules.flatMap((rule) =>
      rule.values.map((value) => ({ id: generateId("prorulval"), promotion_rule_id: rule.id, value })),
    )
    if (rows.length > 0) await this.db.insert(promotionRuleValue).values(rows)
  }
}
