import type { Context } from "hono"
import type { z } from "zod"
import { MedusaError } from "./errors"
import { refuseNul } from "./nul"

/**
 * A JSON body parsed with a zod schema. Medusa's SDK posts `content-type: application/json`
 * with no body at all to some routes (complete, /auth/session), so an empty body is `{}`.
 */
export async function validateBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text()
  let value: unknown = {}
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text)
    } catch {
      throw new MedusaError("invalid_data", "Malformed JSON in request body")
    }
  }
  refuseNul(value, "body")
  return schema.parse(value)
}
