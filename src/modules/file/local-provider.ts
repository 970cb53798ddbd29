import { eq } from "drizzle-orm"
import type { Db } from "../../infra/db"
import { fromBase64, servedUrl, toBase64, type FileProvider, type ProviderUploadFile } from "./provider"
import { fileBlob } from "./schema"

/** Medusa's file-local, in Postgres (`file_blob`): no disk in a Worker, and no bucket to set up. Served by GET /static/:key. */
export class LocalFileProvider implements FileProvider {
  readonly id = "local"

  constructor(
    private readonly db: Db,
    private readonly baseUrl: string,
  ) {}

  async upload(file: ProviderUploadFile) {
    await this.db.insert(fileBlob).values({ key: file.key, content_base64: toBase64(file.content) })
    return { key: file.key, url: servedUrl(this.baseUrl, file.key) }
  }

  async delete({ fileKey }: { fileKey: string }) {
    await this.db.delete(fileBlob).where(eq(fileBlob.key, fileKey))
  }

  async getPresignedDownloadUrl({ fileKey }: { fileKey: string }) {
    return servedUrl(this.baseUrl, fileKey)
  }

  async getAsBuffer({ fileKey }: { fileKey: string }) {
    const [blob] = await this.db.select().from(fileBlob).where(eq(fileBlob.key, fileKey))
    return blob ? fromBase64(blob.content_base64) : null
  }
}
