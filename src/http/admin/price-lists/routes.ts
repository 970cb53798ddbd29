import { Hono, type Context } from "hono"
import { body, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import type { AppEnv } from "../../../core/types"
import {
  batchPriceListPrices,
  createPriceList,
  deletePriceList,
  removeProductsFromPriceList,
  updatePriceList,
} from "../../../flows/pricing/price-lists"
import type { PriceList } from "../../../modules/pricing/price-list-service"
import {
  createPriceListBody,
  fieldsQuery,
  listPriceListsQuery,
  priceBatchBody,
  removeProductsBody,
  updatePriceListBody,
} from "./validators"

type Scope = AppEnv["Variables"]["scope"]
const lists = (scope: Scope) => scope.resolve("priceListService")

/**
 * Lists as Medusa's admin answers them after its transformPriceList: `rules` as attribute →
 * values, `prices` with their variant and rules. Whatever `fields` asks, the whole list is
 * shown (the dashboard asks for the relations this shape already flattens).
 */
async function priceListsJson(scope: Scope, rows: PriceList[]) {
  const ids = rows.map((row) => row.id)
  const [rules, prices] = await Promise.all([lists(scope).rulesOf(ids), lists(scope).pricesOf(ids)])
  return rows.map(({ metadata: _metadata, ...row }) => ({
    ...row,
    rules: rules.get(row.id),
    prices: prices.get(row.id),
  }))
}

const respondList = async (c: Context<AppEnv>, id: string) => {
  const [priceList] = await priceListsJson(c.var.scope, [await lists(c.var.scope).retrieve(id)])
  return c.json({ price_list: priceList })
}

const pricesById = async (scope: Scope, listId: string, ids: string[]) =>
  ids.length === 0 ? [] : ((await lists(scope).pricesOf([listId], ids)).get(listId) ?? [])

/** Medusa's /admin/price-lists: sale and override prices for a time and for whom their rules name. */
export const adminPriceListRoutes = new Hono<AppEnv>()
  .get("/", query(listPriceListsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields: _fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(
      order,
      ["id", "title", "status", "type", "starts_at", "ends_at", "created_at", "updated_at"],
      {
        field: "created_at",
        direction: "desc",
      },
    )
    const { rows, count } = await lists(c.var.scope).list(filters, ordering, { limit, offset })
    return c.json({ price_lists: await priceListsJson(c.var.scope, rows), count, offset, limit })
  })
  .post("/", body(createPriceListBody), query(fieldsQuery), async (c) => {
    const created = await createPriceList(c.var.scope, c.req.valid("json"))
    return respondList(c, created.id)
  })
  .get("/:id", query(fieldsQuery), (c) => respondList(c, c.req.param("id")))
  .post("/:id", body(updatePriceListBody), query(fieldsQuery), async (c) => {
    const updated = await updatePriceList(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondList(c, updated.id)
  })
  .delete("/:id", async (c) => {
    await deletePriceList(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "price_list", deleted: true })
  })
  .get("/:id/prices", query(listPriceListsQuery.pick({ limit: true, offset: true, fields: true })), async (c) => {
    const { limit = 50, offset = 0 } = c.req.valid("query")
    const id = (await lists(c.var.scope).retrieve(c.req.param("id"))).id
    const { rows, count } = await lists(c.var.scope).pricePage(id, { limit, offset })
    return c.json({ prices: rows, count, offset, limit })
  })
  .post("/:id/prices/batch", body(priceBatchBody), async (c) => {
    const id = c.req.param("id")
    const batch = c.req.valid("json")
    const result = await batchPriceListPrices(c.var.scope, id, batch)
    const [created, updated] = await Promise.all([
      pricesById(c.var.scope, id, result.created),
      pricesById(c.var.scope, id, result.updated),
    ])
    return c.json({ created, updated, deleted: { ids: batch.delete ?? [], object: "price", deleted: true } })
  })
  .post("/:id/products", body(removeProductsBody), query(fieldsQuery), async (c) => {
    const list = await removeProductsFromPriceList(c.var.scope, c.req.param("id"), c.req.valid("json").remove ?? [])
    return respondList(c, list.id)
  })
