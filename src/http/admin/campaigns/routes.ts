import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createCampaign,
  deleteCampaign,
  linkCampaignPromotions,
  updateCampaign,
} from "../../../flows/promotion/campaigns"
import { adminCampaignQuery } from "./query-config"
import { campaignPromotionsBody, createCampaignBody, listCampaignsQuery, updateCampaignBody } from "./validators"

type Scope = AppEnv["Variables"]["scope"]
const campaigns = (scope: Scope) => scope.resolve("campaignService")
const fieldsQuery = z.object(retrieveQuery)

const respondCampaign = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "campaign", adminCampaignQuery, fields, () => campaigns(c.var.scope).retrieve(id))

/** Medusa's /admin/campaigns: CRUD with the budget, and which promotions a campaign holds. */
export const adminCampaignRoutes = new Hono<AppEnv>()
  .get("/", query(listCampaignsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, budget, ...filters } = c.req.valid("query")
    const ordering = orderingFor(adminCampaignQuery, order)
    return listResponse(c, "campaigns", adminCampaignQuery, { fields, limit, offset }, () =>
      campaigns(c.var.scope).list({ ...filters, currency_code: budget?.currency_code }, ordering, { limit, offset }),
    )
  })
  .post("/", body(createCampaignBody), async (c) => {
    const { additional_data: _extra, ...input } = c.req.valid("json")
    const created = await createCampaign(c.var.scope, input)
    return respondCampaign(c, created.id)
  })
  .get("/:id", query(fieldsQuery), async (c) => respondCampaign(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateCampaignBody), async (c) => {
    const { additional_data: _extra, ...input } = c.req.valid("json")
    const updated = await updateCampaign(c.var.scope, c.req.param("id"), input)
    return respondCampaign(c, updated.id)
  })
  .delete("/:id", async (c) => {
    const deleted = await deleteCampaign(c.var.scope, c.req.param("id"))
    return c.json({ id: deleted.id, object: "campaign", deleted: true })
  })
  .post("/:id/promotions", body(campaignPromotionsBody), async (c) => {
    const campaign = await linkCampaignPromotions(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondCampaign(c, campaign.id)
  })
