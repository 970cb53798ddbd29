import { z } from "zod"

/** What `metadata` may hold (the README's "Limits"): notes on a record, not a document store. */
export const METADATA_LIMITS = { keys: 100, keyLength: 200, bytes: 64 * 1024 } as const

const encoder = new TextEncoder()

/** Medusa's `metadata`: a JSON object, bounded in keys, key length and encoded size. */
export const metadataObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const keys = Object.keys(value)
  if (keys.length > METADATA_LIMITS.keys)
    ctx.addIssue({ code: "custom", message: `must have at most ${METADATA_LIMITS.keys} keys` })
  const long = keys.find((key) => key.length > METADATA_LIMITS.keyLength)
  if (long !== undefined)
    ctx.addIssue({
      code: "custom",
      message: `key ${long.slice(0, 40)}… is longer than ${METADATA_LIMITS.keyLength} characters`,
    })
  if (encoder.encode(JSON.stringify(value)).length > METADATA_LIMITS.bytes)
    ctx.addIssue({ code: "custom", message: `must be at most ${METADATA_LIMITS.bytes} bytes as JSON` })
})

/** `metadata` in a body: absent, null (cleared) or a bounded object. */
export const metadata = metadataObject.nullish()
