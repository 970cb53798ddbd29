/** Events of the payment domain (payload `{ id }`: the payment's). */
export const PaymentEvents = {
  CAPTURED: "payment.captured",
  REFUNDED: "payment.refunded",
  /** `{ id, provider_id, data }`: a session dropped with its cart's new total, to be let go by its provider */
  SESSION_RELEASED: "payment_session.released",
} as const
