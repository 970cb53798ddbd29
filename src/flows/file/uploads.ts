import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { CreateFileInput, FileContext, PresignedClaims } from "../../modules/file/service"

// Medusa's file workflows: each one transaction, so a failed file leaves no row (and, locally, no blob).

const files = (tx: Scope) => tx.resolve("fileModuleService")

/** Medusa's uploadFilesWorkflow; answers `[{ id, url }]`. */
export const uploadFiles = (scope: Scope, input: CreateFileInput[], context: FileContext) =>
  transaction(scope, (tx) => files(tx).createFiles(input, context))

/** Medusa's deleteFilesWorkflow. */
export const deleteFiles = (scope: Scope, ids: string[], context: FileContext) =>
  transaction(scope, (tx) => files(tx).deleteFiles(ids, context))

/** The PUT to a presigned upload URL, once its token was checked and its body read. */
export const uploadPresignedFile = (scope: Scope, claims: PresignedClaims, content: Uint8Array, context: FileContext) =>
  transaction(scope, (tx) => files(tx).uploadPresigned(claims, content, context))
