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
  /** private files (exports) are served only at a signed, expiring link */
  access?: "public" | "private"
  /** written by the backend itself (an export), not uploaded: the upload limits do not apply */
  generated?: boolean
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
/** How long a private file's link (an export's, in the admin's notifications) stays valid. */
const PRIVATE_LINK_TTL_SECONDS = 7 * 24 * 60 * 60
const DOWNLOAD_AUDIENCE = "medusa-edge:file-download"
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
    const base = this.baseUrl(context)
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
    for (const input of data) if (!input.generated) this.check({ ...input, size: input.content.byteLength })
    const provider = this.provider(context)
    const stored: string[] = []
    try {
      const created: FileDTO[] = []
      for (const [i, input] of data.entries()) {
        const key = keys?.[i] ?? `${generateUnguessableId("file")}-${safeName(input.filename)}`
        const access = input.access ?? "public"
        const result = await provider.upload({ ...input, key, access })
        stored.push(key)
        // A private file is served by this Worker only (never at a bucket's public URL), to its signed link.
        const url = access === "private" ? `${this.baseUrl(context)}/${key}` : result.url
        await this.db.insert(file).values({
          id: key,
          key,
          filename: input.filename.slice(0, 255),
          mime_type: essence(input.mimeType),
          size: input.content.byteLength,
          provider_id: provider.id,
          url,
          access,
        })
        created.push({ id: key, url: await this.linkTo({ key, url, access }) })
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

  /** Medusa's retrieveFile: `{ id, url }` (a private file's URL signed afresh). */
  async retrieveFile(id: string): Promise<FileDTO> {
    const found = await this.retrieve(id)
    return { id: found.id, url: await this.linkTo(found) }
  }

  private baseUrl(context: FileContext) {
    return this.module.backend_url ?? context.baseUrl
  }

  /** A file's URL; a private one's carries a token naming the file, valid for a week. */
  private async linkTo(found: Pick<FileRow, "key" | "url" | "access">): Promise<string> {
    if (found.access !== "private") return found.url
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setAudience(DOWNLOAD_AUDIENCE)
      .setSubject(found.key)
      .setIssuedAt()
      .setExpirationTime(`${PRIVATE_LINK_TTL_SECONDS}s`)
      .sign(secretKey(this.jwtSecret))
    return `${found.url}?token=${token}`
  }

  private async linkIsValid(key: string, token: string | undefined): Promise<boolean> {
    if (!token) return false
    try {
      const { payload } = await jwtVerify(token, secretKey(this.jwtSecret), {
        algorithms: ["HS256"],
        audience: DOWNLOAD_AUDIENCE,
      })
      return payload.sub === key
    } catch (error) {
      if (error instanceof errors.JOSEError) return false
      throw error
    }
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

  /** A file's stored row and bytes, for serving; null when there is none, or it is private and `token` is not its link's. */
  async contents(
    key: string,
    context: FileContext,
    token?: string,
  ): Promise<{ file: FileRow; bytes: Uint8Array } | null> {
    const [found] = await this.db.select().from(file).where(eq(file.key, key))
    if (!found) return null
    if (found.access === "private" && !(await this.linkIsValid(key, token))) return null
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
    return { key, url: `${this.baseUrl(context)}/${key}?token=${token}` }
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
