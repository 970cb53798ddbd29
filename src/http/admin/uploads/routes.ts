import { Hono, type Context } from "hono"
import { describeRoute } from "hono-openapi"
import { MedusaError } from "../../../core/errors"
import { body, query } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import { deleteFiles, uploadFiles } from "../../../flows/file/uploads"
import type { FileContext } from "../../../modules/file/service"
import { fileKeyParam, presignedUrlBody, uploadFilesForm, uploadQuery } from "./validators"

/** Where this request's files are served: config's backend_url, else `<request origin>/static`. */
export const fileContext = (c: Context<AppEnv>): FileContext => ({
  baseUrl: c.var.config.modules.file.backend_url ?? `${new URL(c.req.url).origin}/static`,
})

/** The multipart body's `files`; anything that is not multipart form data is a 400, never a 500. */
async function formFiles(c: Context<AppEnv>) {
  const type = c.req.header("content-type") ?? ""
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw new MedusaError("invalid_data", "Files must be sent as multipart/form-data in the files field")
  let form: FormData
  try {
    form = await c.req.raw.formData()
  } catch {
    throw new MedusaError("invalid_data", "The multipart body could not be read")
  }
  form.forEach((value, name) => {
    if (name !== "files" && typeof value !== "string")
      throw new MedusaError("invalid_data", `Unexpected file field: ${name} (send files as "files")`)
  })
  return uploadFilesForm.parse(form.getAll("files"))
}

/** An id no upload could have is answered as Medusa answers an unknown one: 404. */
const id = (c: Context<AppEnv>) => {
  const raw = c.req.param("id") ?? ""
  if (!fileKeyParam.safeParse(raw).success)
    throw new MedusaError("not_found", `File with id: ${raw.slice(0, 200)} not found`)
  return raw
}

/** The multipart body, for /openapi.json (formFiles validates it). */
const multipartFiles = describeRoute({
  requestBody: {
    required: true,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: ["files"],
          properties: { files: { type: "array", items: { type: "string", format: "binary" } } },
        },
      },
    },
  },
})

/** Medusa's /admin/uploads: files for product media and imports, stored by the file module's provider. */
export const adminUploadRoutes = new Hono<AppEnv>()
  .post("/", multipartFiles, query(uploadQuery), async (c) => {
    const files = await formFiles(c)
    const input = await Promise.all(
      files.map(async (f) => ({ filename: f.name, mimeType: f.type, content: new Uint8Array(await f.arrayBuffer()) })),
    )
    return c.json({ files: await uploadFiles(c.var.scope, input, fileContext(c)) })
  })
  .post("/presigned-urls", body(presignedUrlBody), async (c) => {
    const { originalname, mime_type, size, access } = c.req.valid("json")
    const presigned = await c.var.scope
      .resolve("fileModuleService")
      .getUploadFileUrls({ filename: originalname, mimeType: mime_type, size, access }, fileContext(c))
    const extension = mime_type.split("/")[1]?.split(";")[0]?.trim() ?? ""
    return c.json({ url: presigned.url, filename: presigned.key, originalname, mime_type, extension, size })
  })
  .get("/:id", query(uploadQuery), async (c) => {
    const file = await c.var.scope.resolve("fileModuleService").retrieveFile(id(c))
    return c.json({ file })
  })
  .delete("/:id", async (c) => {
    const fileId = id(c)
    await deleteFiles(c.var.scope, [fileId], fileContext(c))
    return c.json({ id: fileId, object: "file", deleted: true })
  })
