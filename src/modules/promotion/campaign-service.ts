import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { promotion, promotionApplicationMethod, promotionCampaign, promotionCampaignBudget } from "./schema"

export type Campaign = typeof promotionCampaign.$inferSelect
export type CampaignBudget = typeof promotionCampaignBudget.$inferSelect

export interface BudgetInput {
  type: "spend" | "usage"
  limit?: number | string | null
  currency_code?: string | null
}

export interface CreateCampaignInput {
  name: string
  campaign_identifier: string
  description?: string | null
  starts_at?: Date | null
  ends_at?: Date | null
  metadata?: Record<string, unknown> | null
  budget?: BudgetInput | null
}

export type UpdateCampaignInput = Partial<Omit<CreateCampaignInput, "budget">> & {
  budget?: { limit?: number | string | null; currency_code?: string | null; type?: "spend" | "usage" } | null
}

export interface CampaignFilters {
  id?: string[]
  campaign_identifier?: string[]
  currency_code?: string[]
  q?: string
}

const invalid = (message: string) => new MedusaError("invalid_data", message)

/** Medusa's budget rule: a spend budget counts money in one currency, a usage budget counts uses. */
export function validateBudget(budget: { type: string; currency_code?: string | null }) {
  if (budget.type === "spend" && !budget.currency_code)
    throw invalid("currency_code is required when budget type is spend")
  if (budget.type === "usage" && budget.currency_code)
    throw invalid("currency_code should not be present when budget type is usage")
}

/** Medusa's campaigns: a name, a time window, an optional budget, and the promotions they hold. */
export class CampaignService {
  constructor(private readonly db: Db) {}

  async create(input: CreateCampaignInput): Promise<Campaign> {
    const { budget, ...columns } = input
    if (budget) validateBudget(budget)
    this.checkWindow(columns.starts_at, columns.ends_at)
    await this.refuseTakenIdentifier(columns.campaign_identifier)
    const [created] = await this.db
      .insert(promotionCampaign)
      .values({ id: generateId("procamp"), ...columns })
      .returning()
    if (budget) await this.insertBudget(created!.id, budget)
    return created!
  }

  async retrieve(id: string): Promise<Campaign> {
    const [found] = await this.db
      .select()
      .from(promotionCampaign)
      .where(and(eq(promotionCampaign.id, id), isNull(promotionCampaign.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Campaign with id: ${id} was not found`)
    return found
  }

  async byIds(ids: string[]): Promise<Campaign[]> {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(promotionCampaign)
      .where(and(inArray(promotionCampaign.id, ids), isNull(promotionCampaign.deleted_at)))
  }

  async budgetsOf(campaignIds: string[]): Promise<CampaignBudget[]> {
    if (campaignIds.length === 0) return []
    return this.db
      .select()
      .from(promotionCampaignBudget)
      .where(and(inArray(promotionCampaignBudget.campaign_id, campaignIds), isNull(promotionCampaignBudget.deleted_at)))
  }

  /** Live promotions of campaigns, for the `promotions` relation. */
  async promotionsOf(campaignIds: string[]) {
    if (campaignIds.length === 0) return []
    return this.db
      .select()
      .from(promotion)
      .where(and(inArray(promotion.campaign_id, campaignIds), isNull(promotion.deleted_at)))
      .orderBy(promotion.id)
  }

  async list(filters: CampaignFilters & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(promotionCampaign.deleted_at)]
    if (filters.id) conditions.push(inArray(promotionCampaign.id, filters.id))
    if (filters.campaign_identifier)
      conditions.push(inArray(promotionCampaign.campaign_identifier, filters.campaign_identifier))
    if (filters.currency_code)
      conditions.push(
        sql`${promotionCampaign.id} in (select ${promotionCampaignBudget.campaign_id} from ${promotionCampaignBudget} where ${inArray(promotionCampaignBudget.currency_code, filters.currency_code)} and ${promotionCampaignBudget.deleted_at} is null)`,
      )
    if (filters.q)
      conditions.push(
        searchAny(
          [promotionCampaign.name, promotionCampaign.description, promotionCampaign.campaign_identifier],
          filters.q,
        ),
      )
    return listPage(
      this.db,
      promotionCampaign,
      and(...conditions),
      orderBy(promotionCampaign, ordering, promotionCampaign.id),
      page,
      filters,
    )
  }

  async update(id: string, input: UpdateCampaignInput): Promise<Campaign> {
    const current = await this.retrieve(id)
    const { budget, ...columns } = input
    this.checkWindow(
      columns.starts_at === undefined ? current.starts_at : columns.starts_at,
      columns.ends_at === undefined ? current.ends_at : columns.ends_at,
    )
    if (columns.campaign_identifier && columns.campaign_identifier !== current.campaign_identifier)
      await this.refuseTakenIdentifier(columns.campaign_identifier)
    const [updated] = await this.db
      .update(promotionCampaign)
      .set({ ...columns, updated_at: sql`now()` })
      .where(eq(promotionCampaign.id, current.id))
      .returning()
    if (budget) {
      const [existing] = await this.budgetsOf([current.id])
      if (existing) {
        const next = { type: budget.type ?? existing.type, currency_code: existing.currency_code, ...budget }
        validateBudget(next)
        await this.db
          .update(promotionCampaignBudget)
          .set({
            type: next.type,
            currency_code: next.currency_code ?? null,
            limit: budget.limit === undefined ? undefined : budget.limit === null ? null : String(budget.limit),
            updated_at: sql`now()`,
          })
          .where(eq(promotionCampaignBudget.id, existing.id))
      } else {
        const created = { type: budget.type ?? "usage", ...budget }
        validateBudget(created)
        await this.insertBudget(current.id, created)
      }
    }
    return updated!
  }

  /** Removes a campaign; its promotions stay, without a campaign. */
  async softDelete(id: string): Promise<Campaign> {
    const found = await this.retrieve(id)
    await this.db.update(promotionCampaign).set({ deleted_at: sql`now()` }).where(eq(promotionCampaign.id, found.id))
    await this.db
      .update(promotionCampaignBudget)
      .set({ deleted_at: sql`now()` })
      .where(eq(promotionCampaignBudget.campaign_id, found.id))
    await this.db.update(promotion).set({ campaign_id: null }).where(eq(promotion.campaign_id, found.id))
    return found
  }

  /** Medusa's addPromotionsToCampaign / removePromotionsFromCampaign. */
  async linkPromotions(id: string, links: { add: string[]; remove: string[] }): Promise<Campaign> {
    const found = await this.retrieve(id)
    const wanted = [...new Set([...links.add, ...links.remove])]
    if (wanted.length > 0) {
      const existing = await this.db
        .select({ id: promotion.id, currency_code: promotionApplicationMethod.currency_code })
        .from(promotion)
        .leftJoin(promotionApplicationMethod, eq(promotionApplicationMethod.promotion_id, promotion.id))
        .where(and(inArray(promotion.id, wanted), isNull(promotion.deleted_at)))
      const missing = wanted.filter((promotionId) => !existing.some((row) => row.id === promotionId))
      if (missing.length > 0)
        throw new MedusaError("not_found", `Promotion with id(s): ${missing.join(", ")} was not found`)
      const [budget] = await this.budgetsOf([found.id])
      if (budget?.type === "spend") {
        const mismatched = existing.filter(
          (row) => links.add.includes(row.id) && row.currency_code !== budget.currency_code,
        )
        if (mismatched.length > 0) throw invalid("Currency between promotion and campaigns should match")
      }
    }
    if (links.add.length > 0)
      await this.db
        .update(promotion)
        .set({ campaign_id: found.id, updated_at: sql`now()` })
        .where(inArray(promotion.id, links.add))
    if (links.remove.length > 0)
      await this.db
        .update(promotion)
        .set({ campaign_id: null, updated_at: sql`now()` })
        .where(and(inArray(promotion.id, links.remove), eq(promotion.campaign_id, found.id)))
    return found
  }

  private checkWindow(startsAt: Date | null | undefined, endsAt: Date | null | undefined) {
    if (startsAt && endsAt && endsAt < startsAt) throw invalid("Campaign ends_at cannot be before starts_at")
  }

  private async refuseTakenIdentifier(identifier: string) {
    const [taken] = await this.db
      .select({ id: promotionCampaign.id })
      .from(promotionCampaign)
      .where(and(eq(promotionCampaign.campaign_identifier, identifier), isNull(promotionCampaign.deleted_at)))
    if (taken) throw invalid(`Campaign with campaign_identifier: ${identifier}, already exists.`)
  }

  private async insertBudget(campaignId: string, budget: BudgetInput) {
    await this.db.insert(promotionCampaignBudget).values({
      id: generateId("probudg"),
      campaign_id: campaignId,
      type: budget.type,
      currency_code: budget.currency_code ?? null,
      limit: budget.limit == null ? null : String(budget.limit),
    })
  }
}
