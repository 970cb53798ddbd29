import { toJsonNumber } from "../../core/money"
import type { QueryContext } from "../../core/query/context"
import { groupBy, type EntityGraph, type Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"

const payments = (ctx: QueryContext) => ctx.scope.resolve("paymentService")

/** Amounts are numeric strings in the database and JSON numbers on the wire. */
export function withJsonAmounts<T extends object>(row: T, ...fields: (keyof T & string)[]): T {
  const out = { ...row } as Record<string, unknown>
  for (const field of fields) if (out[field] != null) out[field] = toJsonNumber(out[field] as string)
  return out as T
}

const refundGraph: EntityGraph<QueryContext> = {
  fields: [
    "amount",
    "payment_id",
    "refund_reason_id",
    "note",
    "created_by",
    "metadata",
    "created_at",
    "updated_at",
    "deleted_at",
  ],
  relations: {},
}

const collectionGraph: EntityGraph<QueryContext> = {
  fields: [
    "currency_code",
    "amount",
    "authorized_amount",
    "captured_amount",
    "refunded_amount",
    "region_id",
    "status",
    "completed_at",
    "metadata",
    "created_at",
    "updated_at",
  ],
  relations: {},
}

const paymentGraph: EntityGraph<QueryContext> = {
  fields: [
    "amount",
    "currency_code",
    "provider_id",
    "payment_collection_id",
    "payment_session_id",
    "data",
    "captured_at",
    "canceled_at",
    "metadata",
    "created_at",
    "updated_at",
    "deleted_at",
  ],
  relations: {
    refunds: {
      many: true,
      target: () => refundGraph,
      load: async (rows, ctx) =>
        groupBy(
          (await payments(ctx).refunds(rows.map((row) => row.id))).map((r) => withJsonAmounts(r, "amount")) as Row[],
          "payment_id",
        ),
    },
    payment_collection: {
      many: false,
      target: () => collectionGraph,
      load: async (rows, ctx) => {
        const collections = await payments(ctx).collections([
          ...new Set(rows.map((row) => row.payment_collection_id as string)),
        ])
        const json = new Map(
          collections.map((c) => [
            c.id,
            withJsonAmounts(c, "amount", "authorized_amount", "captured_amount", "refunded_amount") as Row,
          ]),
        )
        return new Map(
          rows.map((row) => [
            row.id,
            json.has(row.payment_collection_id as string) ? [json.get(row.payment_collection_id as string)!] : [],
          ]),
        )
      },
    },
  },
}

/** Medusa's admin payment fields: the payment with its refunds. */
export const adminPaymentQuery: QueryConfig = {
  graph: paymentGraph,
  defaults: ["id", ...paymentGraph.fields, "*refunds"],
  maxDepth: 2,
}

export const adminPaymentProviderQuery: QueryConfig = {
  graph: { fields: ["is_enabled"], relations: {} },
  defaults: ["id", "is_enabled"],
  maxDepth: 1,
}
