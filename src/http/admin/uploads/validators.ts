import { z } from "zod"

// Medusa's admin/uploads/validators.ts, plus what multer checked for it (the `files` field, files only).

/** How many files one POST /admin/uploads may carry. */
export const MAX_FILES_PER_REQUEST = 20

export const uploadFilesForm = z
  .array(z.instanceof(File, { error: "files must be files, not text fields" }), {
    error: "No files were uploaded",
  })
  .min(1, { error: "No files were uploaded" })
  .max(MAX_FILES_PER_REQUEST, { error: `At most ${MAX_FILES_PER_REQUEST} files can be uploaded at once` })

export const uploadQuery = z.object({ fields: z.string().max(2000).optional() })

export const presignedUrlBody = z.strictObject({
  originalname: z.string().trim().min(1).max(255),
  mime_type: z.string().trim().min(1).max(255),
  size: z.number().int().nonnegative(),
  access: z.enum(["public", "private"]).optional(),
})

/** The file key of a URL path: what the module makes, nothing else (no `/`, no `..`). */
export const fileKeyParam = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/, { error: "Invalid file id" })
