import { z } from "zod"
import { parseOptions, type Issue, type ModuleInput, type ProviderConfig } from "./modules"
import type { RuntimeEnv } from "./resolve"

export type FileProviderConfig = ProviderConfig

/** What the r2 provider needs of a Workers R2 binding (a structural subset of R2Bucket). */
export interface R2BucketLike {
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; body: ReadableStream } | null>
  delete(key: string | string[]): Promise<void>
}

export interface FileModule {
  providers: FileProviderConfig[]
  /** which built-in provider stores the bytes */
  provider: "local" | "r2"
  /** the largest file accepted, in bytes */
  max_file_size: number
  /** the largest POST /admin/uploads body (several files), in bytes */
  max_request_size: number
  /** MIME types accepted; anything else is refused before a byte is stored */
  allowed_mime_types: string[]
  /** absolute base of served URLs (`https://api.example.com/static`); unset: PUBLIC_URL's or the request's origin */
  backend_url: string | undefined
  /** the r2 provider's bucket, taken from the Worker env; undefined outside the Worker (scripts) */
  bucket: R2BucketLike | undefined
  /** the r2 provider's public bucket URL (r2.dev or a custom domain), when files are served from there */
  public_url: string | undefined
}

const MB = 1024 * 1024
/** The dashboard's product media formats (minus SVG, which can carry script) and its product import's CSV. */
export const DEFAULT_MIME_TYPES = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/heic",
  "text/csv",
  "application/vnd.ms-excel",
]
const LOCAL_NAMES = ["local", "@medusajs/file-local", "@medusajs/medusa/file-local"]
const R2_NAMES = ["r2", "@medusajs/medusa/file-r2"]

const size = z.preprocess(
  (v) => (typeof v === "string" && v !== "" ? Number(v) : v === "" ? undefined : v),
  z.number({ error: "must be a whole number of bytes above 0" }).int().positive().optional(),
)
const absoluteUrl = z
  .string()
  .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, { error: "must be an absolute http(s):// URL" })
  .transform((v) => v.replace(/\/+$/, ""))
  .optional()
const mimeList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean)
      : v,
  z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i, { error: "must be a MIME type" }))
    .min(1)
    .optional(),
)

const moduleOptions = z.strictObject({
  max_file_size: size,
  max_request_size: size,
  allowed_mime_types: mimeList,
  backend_url: absoluteUrl,
  providers: z
    .array(
      z.strictObject({
        resolve: z.string().min(1),
        id: z.string().min(1),
        options: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .max(1, { error: "the file module takes one provider (as Medusa's does)" })
    .default([]),
})
const localOptions = z.object({ backend_url: absoluteUrl })
const r2Options = z.strictObject({
  binding: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "must name the R2 binding (e.g. FILES)" }),
  public_url: absoluteUrl,
})

const isBucket = (value: unknown): value is R2BucketLike =>
  typeof value === "object" &&
  value !== null &&
  ["put", "get", "delete"].every((m) => typeof (value as Record<string, unknown>)[m] === "function")

/** medusa.config.ts's `modules.file`, checked; production refuses an r2 provider whose binding the Worker lacks. */
export function resolveFileModule(
  input: ModuleInput,
  context: { isProduction: boolean; env: RuntimeEnv },
  issues: Issue[],
): FileModule {
  const path = "modules.file"
  const provider0 = `${path}.options.providers.0`
  const issue = (at: string, message: string) => issues.push({ path: at, message })
  const options = parseOptions(moduleOptions, input?.options ?? {}, path, issues)
  if (!options) return fallback()
  const max_file_size = options.max_file_size ?? 10 * MB
  const resolved: FileModule = {
    providers: options.providers,
    provider: "local",
    max_file_size,
    max_request_size: options.max_request_size ?? Math.max(25 * MB, max_file_size + MB),
    allowed_mime_types: (options.allowed_mime_types ?? DEFAULT_MIME_TYPES).map((t) => t.toLowerCase()),
    backend_url: options.backend_url,
    bucket: undefined,
    public_url: undefined,
  }
  if (resolved.max_request_size < max_file_size)
    issue(`${path}.options.max_request_size`, "must be at least max_file_size")
  const provider = options.providers[0]
  if (!provider || LOCAL_NAMES.includes(provider.resolve)) {
    const local = parseOptions(localOptions, provider?.options ?? {}, provider0, issues)
    if (local) resolved.backend_url = local.backend_url ?? resolved.backend_url
    return resolved
  }
  if (!R2_NAMES.includes(provider.resolve)) {
    issue(
      `${provider0}.resolve`,
      `"${provider.resolve}" is not a file provider Medusa Edge has: use "@medusajs/medusa/file-local" or "r2"`,
    )
    return resolved
  }
  const r2 = parseOptions(r2Options, provider.options, provider0, issues)
  if (!r2) return resolved
  const bucket = (context.env as Record<string, unknown>)[r2.binding]
  // Scripts (migrate, seed) resolve the config without the Worker's bindings; the Worker in production must have it.
  if (context.isProduction && !isBucket(bucket)) {
    issue(
      `${provider0}.options.binding`,
      `the Worker has no R2 bucket bound as ${r2.binding}: add [[r2_buckets]] binding = "${r2.binding}" to wrangler.toml (wrangler r2 bucket create <name>)`,
    )
  }
  return {
    ...resolved,
    provider: "r2",
    bucket: isBucket(bucket) ? bucket : undefined,
    public_url: r2.public_url,
  }

  function fallback(): FileModule {
    return {
      providers: [],
      provider: "local",
      max_file_size: 10 * MB,
      max_request_size: 25 * MB,
      allowed_mime_types: DEFAULT_MIME_TYPES,
      backend_url: undefined,
      bucket: undefined,
      public_url: undefined,
    }
  }
}
