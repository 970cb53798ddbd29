import { Hono } from "hono"
import { body } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import { batchImageVariants, batchVariantImages, variantImagesBody } from "../../../flows/product/variant-images"

/**
 * Medusa 2.11+'s variant images, as the dashboard's "variant media" and "image variants" forms
 * post them: `{ add?, remove? }` ids, answered `{ added, removed }`.
 */
export const adminVariantImageRoutes = new Hono<AppEnv>()
  .post("/:id/images/:image_id/variants/batch", body(variantImagesBody), async (c) =>
    c.json(await batchImageVariants(c.var.scope, c.req.param("id"), c.req.param("image_id"), c.req.valid("json"))),
  )
  .post("/:id/variants/:variant_id/images/batch", body(variantImagesBody), async (c) =>
    c.json(await batchVariantImages(c.var.scope, c.req.param("id"), c.req.param("variant_id"), c.req.valid("json"))),
  )
