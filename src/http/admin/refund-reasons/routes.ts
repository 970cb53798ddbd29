import { emptyResource } from "../../../core/empty-resource"

/** Medusa's /admin/refund-reasons, read side: none can be defined here yet (a refund's reason stays optional). */
export const adminRefundReasonRoutes = emptyResource("refund_reasons", "Refund reason")
