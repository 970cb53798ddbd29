/**
 * Medusa's file provider interface (AbstractFileProviderService), for bytes rather than binary strings:
 * a provider stores and deletes objects by key; the file module keeps the `file` rows.
 */
export interface ProviderUploadFile {
  /** the object's key, chosen by the file module (unique, URL-safe) */
  key: string
  filename: string
  mimeType: string
  content: Uint8Array
  access: "public" | "private"
}

export interface ProviderFileResult {
  key: string
  /** where the object is served; absolute */
  url: string
}

export interface FileProvider {
  readonly id: string
  upload(file: ProviderUploadFile): Promise<ProviderFileResult>
  delete(file: { fileKey: string }): Promise<void>
  getPresignedDownloadUrl(file: { fileKey: string }): Promise<string>
  /** the object's bytes, or null when the provider holds none under that key */
  getAsBuffer(file: { fileKey: string }): Promise<Uint8Array | null>
  getDownloadStream?(file: { fileKey: string }): Promise<ReadableStream | null>
}

/** Uint8Array → base64 without Buffer (Workers have btoa); chunked so large files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ""
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** `<base>/<key>`, the key's characters kept as they are (keys are URL-safe by construction). */
export const servedUrl = (base: string, key: string) => `${base.replace(/\/+$/, "")}/${key}`
