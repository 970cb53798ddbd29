import type { FileModule } from "../../config/file-module"

/** The body limits of the upload routes, instead of the 1 MB every other route has. */
export const uploadBodyLimits = (file: FileModule) => [
  { method: "POST", path: "/admin/uploads", maxSize: file.max_request_size },
  { method: "PUT", path: "/static/:key", maxSize: file.max_file_size },
]
