import type { Scope } from "../../core/container"
import { emitEvent } from "../../infra/event-outbox-service"
import { ProductEvents } from "../../modules/product/events"
import type { CreateProductBody } from "./inputs"
import { announced } from "../command"

export type ValueKind = "tag" | "type"

const valueService = (tx: Scope, kind: ValueKind) =>
  tx.resolve(kind === "tag" ? "productTagService" : "productTypeService")

const EVENTS = {
  tag: { created: ProductEvents.TAG_CREATED, updated: ProductEvents.TAG_UPDATED, deleted: ProductEvents.TAG_DELETED },
  type: {
    created: ProductEvents.TYPE_CREATED,
    updated: ProductEvents.TYPE_UPDATED,
    deleted: ProductEvents.TYPE_DELETED,
  },
} as const

type ValueInput = { value: string; metadata?: Record<string, unknown> | null }

/** POST /admin/product-tags (or -types): a new one, refused when the value exists. */
export const createProductTagOrType = (scope: Scope, kind: ValueKind, input: ValueInput) =>
  announced(scope, EVENTS[kind].created, (tx) => valueService(tx, kind).create(input.value, input.metadata))

export const updateProductTagOrType = (scope: Scope, kind: ValueKind, id: string, input: Partial<ValueInput>) =>
  announced(scope, EVENTS[kind].updated, async (tx) => {
    await valueService(tx, kind).update(id, input)
    return id
  })

export const deleteProductTagOrType = (scope: Scope, kind: ValueKind, id: string) =>
  announced(scope, EVENTS[kind].deleted, async (tx) => {
    await valueService(tx, kind).softDelete(id)
    return id
  })

/** Step: the tag (or type) with this value, created, with its event, when missing: a product's `tags: [{ value }]`. */
async function upsertTagOrType(tx: Scope, kind: ValueKind, value: string): Promise<string> {
  const { id, created } = await valueService(tx, kind).upsert(value)
  if (created) await emitEvent(tx, EVENTS[kind].created, { id })
  return id
}

/** Step: a product's tags, given as `{ id }` (must exist) or `{ value }` (reused by value, or made). */
export async function tagIdsOf(tx: Scope, tags: NonNullable<CreateProductBody["tags"]>): Promise<string[]> {
  const tagIds: string[] = []
  for (const tag of tags)
    tagIds.push(
      "id" in tag ? (await valueService(tx, "tag").retrieve(tag.id)).id : await upsertTagOrType(tx, "tag", tag.value),
    )
  return [...new Set(tagIds)]
}
