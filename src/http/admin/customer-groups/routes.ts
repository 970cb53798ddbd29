import { CUSTOMER_FIELDS, CUSTOMER_GROUP_FIELDS } from "../customers/fields"
import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { metadata } from "../../../core/metadata"
import type { Row } from "../../../core/query/graph"
import { dateFilters, idList, listQuery, oneOrMany, parseOrder, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createCustomerGroup,
  deleteCustomerGroup,
  linkCustomersToGroup,
  updateCustomerGroup,
} from "../../../flows/customer/customer-groups"

type Scope = AppEnv["Variables"]["scope"]
const groups = (scope: Scope) => scope.resolve("customerGroupService")

const withRelations = entityQuery(CUSTOMER_GROUP_FIELDS, {
  customers: {
    many: true,
    target: () => ({ fields: CUSTOMER_FIELDS, relations: {} }),
    load: async (rows, ctx) =>
      (await groups(ctx.scope).customersOfGroups(rows.map((row) => row.id))) as unknown as Map<string, Row[]>,
  },
})
// A group's members are shown only when `fields` asks for them (Medusa's defaults leave them out).
const adminCustomerGroupQuery = { ...withRelations, defaults: ["id", ...CUSTOMER_GROUP_FIELDS] }

const fieldsQuery = z.object(retrieveQuery)
const listGroupsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  // Medusa's filter on members: customer ids (`customers=`, `customers[id]=`) narrow the groups; other shapes are accepted and ignored.
  customers: z.unknown().optional(),
  ...dateFilters,
})
const name = z.string().trim().min(1).max(200)
const createGroupBody = z.strictObject({ name, metadata })
const updateGroupBody = z.strictObject({ name: name.optional(), metadata })
const linkBody = z.strictObject({ add: idList().optional(), remove: idList().optional() })

const customerIdsOf = (value: unknown): string[] | undefined => {
  if (typeof value === "string") return value.split(",").filter(Boolean)
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value
  // The dashboard's `customers[id]=cus_…`
  if (value && typeof value === "object" && "id" in value) return customerIdsOf((value as { id: unknown }).id)
  return undefined
}

const respondGroup = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "customer_group", adminCustomerGroupQuery, fields, () => groups(c.var.scope).retrieve(id))

/** Medusa's /admin/customer-groups: named sets of customers, and who is in them. */
export const adminCustomerGroupRoutes = new Hono<AppEnv>()
  .get("/", query(listGroupsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, customers, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], {
      field: "created_at",
      direction: "desc",
    })
    const customer_id = customerIdsOf(customers)
    return listResponse(c, "customer_groups", adminCustomerGroupQuery, { fields, limit, offset }, () =>
      groups(c.var.scope).list({ ...filters, customer_id }, ordering, { limit, offset }),
    )
  })
  .post("/", body(createGroupBody), query(fieldsQuery), async (c) => {
    const created = await createCustomerGroup(c.var.scope, {
      ...c.req.valid("json"),
      created_by: c.var.auth?.actor_id ?? null,
    })
    return respondGroup(c, created.id, c.req.valid("query").fields)
  })
  .get("/:id", query(fieldsQuery), async (c) => respondGroup(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateGroupBody), query(fieldsQuery), async (c) => {
    const updated = await updateCustomerGroup(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondGroup(c, updated.id, c.req.valid("query").fields)
  })
  .delete("/:id", async (c) => {
    await deleteCustomerGroup(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "customer_group", deleted: true })
  })
  .post("/:id/customers", body(linkBody), query(fieldsQuery), async (c) => {
    const group = await linkCustomersToGroup(c.var.scope, c.req.param("id"), c.req.valid("json"), c.var.auth?.actor_id)
    return respondGroup(c, group.id, c.req.valid("query").fields)
  })
