import { requestedFields, type RequestedFields } from "./fields"

type Json = Record<string, unknown>

/**
 * `fields` applied to a document built whole (a cart, an order): a plain list picks just those
 * paths (plus id), `*relation` keeps a relation whole, and `-field` removes. Additions are
 * already there, since the document carries every default relation.
 */
export function selectJson(value: Json, fieldsParam: string | undefined): Json {
  if (!fieldsParam?.trim()) return value
  const replaces = fieldsParam.split(",").some((entry) => entry.trim() !== "" && !/^[+\- *]/.test(entry))
  const requested = requestedFields([], fieldsParam)
  return replaces ? pick(value, requested) : exclude(value, requested)
}

function pick(value: Json, requested: RequestedFields): Json {
  const out: Json = requested.all ? { ...value } : {}
  if ("id" in value) out.id = value.id
  for (const field of requested.fields) if (field in value) out[field] = value[field]
  for (const [name, sub] of requested.relations) {
    const related = value[name]
    const whole = sub.all && sub.relations.size === 0 && sub.fields.size === 0
    const one = (item: unknown) => (item && typeof item === "object" && !whole ? pick(item as Json, sub) : item)
    out[name] = Array.isArray(related) ? related.map(one) : (one(related) ?? null)
  }
  for (const field of requested.excluded) delete out[field]
  return out
}

function exclude(value: Json, requested: RequestedFields): Json {
  const out: Json = { ...value }
  for (const field of requested.excluded) delete out[field]
  for (const [name, sub] of requested.relations) {
    const related = out[name]
    if (Array.isArray(related))
      out[name] = related.map((item) => (item && typeof item === "object" ? exclude(item as Json, sub) : item))
    else if (related && typeof related === "object") out[name] = exclude(related as Json, sub)
  }
  return out
}
