import { groupBy, type EntityGraph, type Relation, type Row } from "./graph"

/** A to-many relation whose rows carry the parent's id in `key`: one statement for all parents. */
export function childrenBy<Ctx>(
  key: string,
  target: () => EntityGraph<Ctx>,
  load: (parentIds: string[], ctx: Ctx) => Promise<object[]>,
): Relation<Ctx> {
  return {
    many: true,
    target,
    load: async (parents, ctx) =>
      groupBy(
        (await load(
          parents.map((parent) => parent.id),
          ctx,
        )) as Row[],
        key,
      ),
  }
}

/**
 * A relation through a link table, often owned by another module: the links are read first, then
 * the linked rows from their own module's service (two statements whatever the page size).
 * Removed rows (`deleted_at`) are left out.
 */
export function throughLinks<Ctx, L>(
  target: () => EntityGraph<Ctx>,
  links: (parentIds: string[], ctx: Ctx) => Promise<L[]>,
  ends: (link: L) => { from: string; to: string },
  rows: (ids: string[], ctx: Ctx) => Promise<object[]>,
  many = true,
): Relation<Ctx> {
  return {
    many,
    target,
    async load(parents, ctx) {
      const found = (
        await links(
          parents.map((parent) => parent.id),
          ctx,
        )
      ).map(ends)
      const byId = new Map(
        ((await rows([...new Set(found.map((link) => link.to))], ctx)) as Row[]).map((row) => [row.id, row]),
      )
      const result = new Map<string, Row[]>()
      for (const link of found) {
        const row = byId.get(link.to)
        if (row && !row.deleted_at) result.set(link.from, [...(result.get(link.from) ?? []), row])
      }
      return result
    },
  }
}
