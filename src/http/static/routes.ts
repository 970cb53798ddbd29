import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../core/errors"
import { query } from "../../core/input"
import type { AppEnv } from "../../core/types"
import { uploadPresignedFile } from "../../flows/file/uploads"
import { fileContext } from "../admin/uploads/routes"
import { fileKeyParam } from "../admin/uploads/validators"

const notFound = () => new MedusaError("not_found", "File not found")
const keyOf = (raw: string) => {
  const parsed = fileKeyParam.safeParse(raw)
  if (!parsed.success) throw notFound()
  return parsed.data
}

/** Images are shown inline; anything else (CSV) is a download, so nothing uploaded renders as a page of this origin. */
const disposition = (mime: string, filename: string) =>
  `${mime.startsWith("image/") ? "inline" : "attachment"}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"`

/**
 * Uploaded files, served by the Worker for either provider at the absolute URLs /admin/uploads answers.
 * Keys are never reused, so responses are cacheable for long; the headers keep an upload from acting as a page.
 */
export const staticFileRoutes = new Hono<AppEnv>()
  .get("/:key", query(z.object({ token: z.string().max(4000).optional() })), async (c) => {
    const found = await c.var.scope
      .resolve("fileModuleService")
      .contents(keyOf(c.req.param("key")), fileContext(c), c.req.valid("query").token)
    if (!found) throw notFound()
    const isPrivate = found.file.access === "private"
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": found.file.mime_type,
      "content-length": String(found.bytes.byteLength),
      "content-disposition": disposition(found.file.mime_type, found.file.filename),
      // An export is served to its link's holder and kept by no shared cache.
      "cache-control": isPrivate ? "private, no-store" : "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "cross-origin",
    })
  })
  // The target of POST /admin/uploads/presigned-urls: the signed token is the authorization (no cookies, as S3's).
  .put("/:key", query(z.object({ token: z.string().min(1).max(4000) })), async (c) => {
    const key = keyOf(c.req.param("key"))
    // The token is checked before a byte of the body is read: without one, nothing is uploaded at all.
    const claims = await c.var.scope
      .resolve("fileModuleService")
      .checkPresignedUpload(key, c.req.valid("query").token, c.req.header("content-type"))
    if (Number(c.req.header("content-length") ?? 0) > claims.size)
      throw new MedusaError("invalid_data", `The upload is larger than the ${claims.size} bytes announced`)
    const content = new Uint8Array(await c.req.arrayBuffer())
    return c.json({ file: await uploadPresignedFile(c.var.scope, claims, content, fileContext(c)) })
  })
