import type { R2BucketLike } from "../../config/file-module"
import { MedusaError } from "../../core/errors"
import { servedUrl, type FileProvider, type ProviderUploadFile } from "./provider"

/** Files in a Workers R2 bucket binding; served by the bucket's public URL when configured, else by GET /static/:key. */
export class R2FileProvider implements FileProvider {
  readonly id = "r2"

  constructor(
    private readonly bucket: R2BucketLike | undefined,
    private readonly baseUrl: string,
  ) {}

  /** Outside the Worker (a script) there is no binding: saying so beats a TypeError. */
  private get store(): R2BucketLike {
    if (!this.bucket)
      throw new MedusaError("unexpected_state", "The r2 file provider's bucket binding is not available here")
    return this.bucket
  }

  async upload(file: ProviderUploadFile) {
    await this.store.put(file.key, file.content, { httpMetadata: { contentType: file.mimeType } })
    return { key: file.key, url: servedUrl(this.baseUrl, file.key) }
  }

  async delete({ fileKey }: { fileKey: string }) {
    await this.store.delete(fileKey)
  }

  async getPresignedDownloadUrl({ fileKey }: { fileKey: string }) {
    return servedUrl(this.baseUrl, fileKey)
  }

  async getAsBuffer({ fileKey }: { fileKey: string }) {
    const object = await this.store.get(fileKey)
    return object ? new Uint8Array(await object.arrayBuffer()) : null
  }

  async getDownloadStream({ fileKey }: { fileKey: string }) {
    return (await this.store.get(fileKey))?.body ?? null
  }
}
