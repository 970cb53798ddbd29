import type { RequestedFields } from "./fields"

export type Row = { id: string } & Record<string, unknown>

/**
 * A relation of an entity, loaded for all parent rows at once (an `inArray` batch), so a page
 * costs a fixed number of statements whatever its size.
 */
export interface Relation<Ctx> {
  many: boolean
  target: () => EntityGraph<Ctx>
  /** parent id → its related rows */
  load(parents: Row[], ctx: Ctx): Promise<Map<string, Row[]>>
}

/** What an API may select of an entity: its columns, relations and computed fields. */
export interface EntityGraph<Ctx> {
  fields: readonly string[]
  relations: Record<string, Relation<Ctx>>
  /** fields filled after loading, for every row at once (e.g. `inventory_quantity`) */
  computed?: Record<string, (rows: Row[], ctx: Ctx) => Promise<void>>
}

export interface Selection<Ctx> {
  fields: string[]
  computed: string[]
  relations: { name: string; relation: Relation<Ctx>; selection: Selection<Ctx> }[]
}

/**
 * Checks requested fields against the graph. Names the graph does not know are dropped,
 * as Medusa 2.21's store routes do; a relation named as a plain field means all of it.
 */
export function resolveSelection<Ctx>(graph: EntityGraph<Ctx>, requested: RequestedFields): Selection<Ctx> {
  const fields = new Set(["id"])
  if (requested.all) for (const field of graph.fields) if (!requested.excluded.has(field)) fields.add(field)
  const relationNames = new Map<string, RequestedFields>(requested.relations)
  const computed: string[] = []
  for (const name of requested.fields) {
    if (graph.fields.includes(name)) fields.add(name)
    else if (graph.computed && Object.hasOwn(graph.computed, name)) computed.push(name)
    else if (Object.hasOwn(graph.relations, name) && !relationNames.has(name)) {
      relationNames.set(name, { all: true, fields: new Set(), excluded: new Set(), relations: new Map() })
    }
  }
  const relations: Selection<Ctx>["relations"] = []
  for (const [name, sub] of relationNames) {
    // Own properties only: `__proto__`, `constructor` or `toString` are names no graph has.
    const relation = Object.hasOwn(graph.relations, name) ? graph.relations[name] : undefined
    if (!relation) continue
    const selection = resolveSelection(
      relation.target(),
      sub.all || sub.fields.size || sub.relations.size ? sub : { ...sub, all: true },
    )
    relations.push({ name, relation, selection })
  }
  return { fields: [...fields], computed, relations }
}

/** Loads every selected relation and computed field onto `rows`, level by level. */
export async function loadSelection<Ctx>(
  graph: EntityGraph<Ctx>,
  rows: Row[],
  selection: Selection<Ctx>,
  ctx: Ctx,
): Promise<void> {
  if (rows.length === 0) return
  for (const name of selection.computed) await graph.computed![name]!(rows, ctx)
  // One after another: a request holds one database connection, and parallel queries would open more.
  for (const { name, relation, selection: sub } of selection.relations) {
    const related = await relation.load(rows, ctx)
    const children = new Map<string, Row>()
    for (const row of rows) {
      const found = related.get(row.id) ?? []
      for (const child of found) children.set(child.id, child)
      row[name] = relation.many ? found : (found[0] ?? null)
    }
    await loadSelection(relation.target(), [...children.values()], sub, ctx)
  }
}

/** The JSON of a loaded row: the selected fields and relations, nothing else. */
export function pick<Ctx>(row: Row, selection: Selection<Ctx>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  // A field the row does not carry at all (e.g. tax amounts without a tax address) stays out.
  for (const field of [...selection.fields, ...selection.computed]) if (field in row) out[field] = row[field] ?? null
  for (const { name, relation, selection: sub } of selection.relations) {
    const value = row[name]
    if (relation.many) out[name] = ((value as Row[] | undefined) ?? []).map((child) => pick(child, sub))
    else out[name] = value ? pick(value as Row, sub) : null
  }
  return out
}

/** Groups rows by a key column: the usual shape of a batch loader's answer. */
export function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const value = row[key] as string
    const group = groups.get(value)
    if (group) group.push(row)
    else groups.set(value, [row])
  }
  return groups
}
