/**
 * Medusa's `fields` query parameter, applied to a route's default field list:
 * `+f` (or " f", an unencoded +) adds, `-f` removes f and all under it, `*rel` / `rel.*`
 * adds a relation with all its columns, and any plain entry replaces the defaults (then `-f` is ignored).
 * The result is a tree of requested paths, still unchecked against the entity graph.
 */
export interface RequestedFields {
  /** every scalar of this level */
  all: boolean
  fields: Set<string>
  excluded: Set<string>
  relations: Map<string, RequestedFields>
}

const node = (): RequestedFields => ({ all: false, fields: new Set(), excluded: new Set(), relations: new Map() })

export function requestedFields(defaults: readonly string[], param: string | undefined): RequestedFields {
  const entries = (param ?? "").split(",").filter((entry) => entry.trim() !== "")
  const replaces = entries.some((entry) => !/^[+\- *]/.test(entry))
  const root = node()
  if (!replaces) for (const field of defaults) add(root, field)
  for (const entry of entries) {
    // Where the list replaces the defaults, Medusa takes entries as written and a `-f` removes nothing
    // (the dashboard's `…,variants.id,…,-variants` still gets variants).
    if (entry.startsWith("-")) {
      if (!replaces) remove(root, entry.slice(1).trim())
    } else add(root, entry.replace(/^[+ ]+/, "").trim())
  }
  return root
}

function add(root: RequestedFields, entry: string) {
  const star = entry.startsWith("*")
  const segments = entry.replace(/^\*/, "").split(".").filter(Boolean)
  if (segments.length === 0) {
    if (star) root.all = true
    return
  }
  let current = root
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1
    if (segment === "*") {
      current.all = true
      return
    }
    if (last && !star) {
      current.fields.add(segment)
      current.excluded.delete(segment)
      return
    }
    current = child(current, segment)
  }
  current.all = true
}

function remove(root: RequestedFields, entry: string) {
  const segments = entry.replace(/^\*/, "").split(".").filter(Boolean)
  let current: RequestedFields | undefined = root
  for (const segment of segments.slice(0, -1)) current = current?.relations.get(segment)
  const last = segments.at(-1)
  if (!current || !last) return
  current.fields.delete(last)
  current.relations.delete(last)
  current.excluded.add(last)
}

function child(parent: RequestedFields, name: string): RequestedFields {
  let found = parent.relations.get(name)
  if (!found) {
    found = node()
    parent.relations.set(name, found)
    parent.excluded.delete(name)
  }
  return found
}
