import { eq, inArray } from "drizzle-orm"
import { errors, jwtVerify, SignJWT } from "jose"
import type { FileModule } from "../../config/file-module"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { LocalFileProvider } from "./local-provider"
import type { FileProvider } from "./provider"
import { R2FileProvider } from "./r2-provider"
import { file } from "./schema"

export type FileRow = typeof file.$inferSelect
/** Medusa's CreateFileDTO, with bytes. */
export interface CreateFileInput {
  filename: string
  mimeType: string
  content: Uint8Array
  access?: "public" | "private"
}
export interface FileDTO {
  id: string
  url: string
}
/** Where served URLs start (`https://api.example.com/static`): config's backend_url, else the request's origin. */
export interface FileContext {
  baseUrl: string
}
/** What a presigned upload URL's token says. */
export interface PresignedClaims {
  key: string
  filename: string
  mime_type: string
  size: number
}
export interface PresignedUpload {
  url: string
  key: string
}

/** How long a presigned upload URL stays valid. */
const PRESIGNED_TTL_SECONDS = 10 * 60
const UPLOAD_AUDIENCE = "medusa-edge:file-upload"
const secretKey = (secret: string) => new TextEncoder().encode(secret)

/** `Summer photo (1).PNG` → `summer-photo-1-.png`-like: keys and URLs never need escaping. */
function safeName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? ""
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(-80)
  return cleaned || "file"
}

/** `Text/CSV; charset=utf-8` → `text/csv`: what the allow-list and the served Content-Type compare. */
const essence = (mimeType: string) => (mimeType.split(";")[0] ?? "").trim().toLowerCase()

/** Medusa's file module (fileModuleService): the only writer of `file` (and, through the local provider, `file_blob`). */
export class FileService {
  constructor(
    private readonly db: Db,
    private readonly module: FileModule,
    private readonly jwtSecret: string,
  ) {}

  private provider(context: FileContext): FileProvider {
    const base = this.module.backend_url ?? context.baseUrl
    return this.module.provider === "r2"
      ? new R2FileProvider(this.module.bucket, this.module.public_url ?? base)
      : new LocalFileProvider(this.db, base)
  }

  /** Refuses a file the module's limits do not allow, before anything is stored. */
  check(input: { filename: string; mimeType: string; size: number }) {
    const { max_file_size, allowed_mime_types } = this.module
    if (!input.filename.trim()) throw new MedusaError("invalid_data", "Each file needs a filename")
    if (!allowed_mime_types.includes(essence(input.mimeType)))
      throw new MedusaError(
        "invalid_data",
        `File ${input.filename}: type "${input.mimeType || "unknown"}" is not allowed (allowed: ${allowed_mime_types.join(", ")})`,
      )
    if (input.size > max_file_size)
      throw new MedusaError(
        "invalid_data",
        `File ${input.filename} is ${input.size} bytes, more than the ${max_file_size} bytes allowed`,
      )
  }

  /** Medusa's createFiles: every file checked first; an object stored before a failure is removed again. */
  async createFiles(data: CreateFileInput[], context: FileContext, keys?: string[]): Promise<FileDTO[]> {
    for (const input of data) this.check({ ...input, size: input.content.byteLength })
    const provider = this.provider(context)
    const stored: string[] = []
    try {
      const created: FileDTO[] = []
      for (const [i, input] of data.entries()) {
        const key = keys?.[i] ?? `${generateUnguessableId("file")}-${safeName(input.filename)}`
        const result = await provider.upload({ ...input, key, access: input.access ?? "public" })
        stored.push(key)
        await this.db.insert(file).values({
          id: key,
          key,
          filename: input.filename.slice(0, 255),
          mime_type: essence(input.mimeType),
          size: input.content.byteLength,
          provider_id: provider.id,
          url: result.url,
        })
        created.push({ id: key, url: result.url })
      }
      return created
    } catch (error) {
      // The local provider's blobs roll back with the transaction; a bucket's objects do not.
      if (provider.id !== "local") await Promise.allSettled(stored.map((key) => provider.delete({ fileKey: key })))
      throw error
    }
  }

  async retrieve(id: string): Promise<FileRow> {
    const [found] = await this.db.select().from(file).where(eq(file.id, id))
    if (!found) throw new MedusaError("not_found", `File with id: ${id} not found`)
    return found
  }

  /** Medusa's retrieveFile: `{ id, url }`. */
  async retrieveFile(id: string): Promise<FileDTO> {
    const found = await this.retrieve(id)
    return { id: found.id, url: found.url }
  }

  /** Medusa's deleteFiles: the rows and the stored bytes; an unknown id is a 404 and nothing is deleted. */
  async deleteFiles(ids: string[], context: FileContext): Promise<void> {
    const rows = ids.length ? await this.db.select().from(file).where(inArray(file.id, ids)) : []
    const missing = ids.find((id) => !rows.some((row) => row.id === id))
    if (missing) throw new MedusaError("not_found", `File with id: ${missing} not found`)
    await this.db.delete(file).where(inArray(file.id, ids))
    const provider = this.provider(context)
    for (const row of rows) await provider.delete({ fileKey: row.key })
  }

  /** A file's stored row and bytes, for serving; null when there is none. */
  async contents(key: string, context: FileContext): Promise<{ file: FileRow; bytes: Uint8Array } | null> {
    const [found] = await this.db.select().from(file).where(eq(file.key, key))
    if (!found) return null
    const bytes = await this.provider(context).getAsBuffer({ fileKey: found.key })
    return bytes ? { file: found, bytes } : null
  }

  /** Medusa's getUploadFileUrls: a short-lived signed PUT URL back at this Worker, for the file this describes. */
  async getUploadFileUrls(
    input: { filename: string; mimeType: string; size: number; access?: "public" | "private" },
    context: FileContext,
  ): Promise<PresignedUpload> {
    this.check(input)
    const key = `${generateUnguessableId("file")}-${safeName(input.filename)}`
    const token = await new SignJWT({ key, filename: input.filename, mime_type: input.mimeType, size: input.size })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setAudience(UPLOAD_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${PRESIGNED_TTL_SECONDS}s`)
      .sign(secretKey(this.jwtSecret))
    const base = this.module.backend_url ?? context.baseUrl
    return { key, url: `${base}/${key}?token=${token}` }
  }

  /** Before a presigned PUT's body is read: the token must be this key's and unexpired, the type the announced one, the URL unused. */
  async checkPresignedUpload(key: string, token: string, contentType: string | undefined): Promise<PresignedClaims> {
    const claims = await this.verifyUploadToken(token)
    if (!claims || claims.key !== key) throw new MedusaError("unauthorized", "The upload URL is invalid or has expired")
    if (contentType && essence(contentType) !== essence(claims.mime_type))
      throw new MedusaError("invalid_data", `The upload must be of type ${claims.mime_type}`)
    const [existing] = await this.db.select({ id: file.id }).from(file).where(eq(file.key, key))
    if (existing) throw new MedusaError("not_allowed", "This upload URL has already been used")
    return claims
  }

  /** The presigned PUT's bytes, stored under the key the token names; no more than it announced. */
  async uploadPresigned(claims: PresignedClaims, content: Uint8Array, context: FileContext): Promise<FileDTO> {
    if (content.byteLength > claims.size)
      throw new MedusaError("invalid_data", `The upload is larger than the ${claims.size} bytes announced`)
    const [created] = await this.createFiles(
      [{ filename: claims.filename, mimeType: claims.mime_type, content }],
      context,
      [claims.key],
    )
    return created as FileDTO
  }

  private async verifyUploadToken(token: string): Promise<PresignedClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, secretKey(this.jwtSecret), {
        algorithms: ["HS256"],
        audience: UPLOAD_AUDIENCE,
      })
      const { key, filename, mime_type, size } = payload
      if (typeof key !== "string" || typeof filename !== "string" || typeof mime_type !== "string") return undefined
      if (typeof size !== "number") return undefined
      return { key, filename, mime_type, size }
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined
      throw error
    }
  }
}
