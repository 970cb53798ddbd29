/** Events of the payment domain (payload `{ id }`: the payment's). */
export const PaymentEvents = {
  CAPTURED: "payment.captured",
  REFUNDED: "payment.refunded",
} as const
