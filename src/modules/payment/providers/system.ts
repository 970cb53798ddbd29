import type { PaymentProvider } from "./types"

/** Medusa's pp_system_default: nothing to call, every session authorised as it is asked. */
export const systemProvider: PaymentProvider = {
  id: "pp_system_default",
  local: true,
  initiatePayment: async () => ({ id: crypto.randomUUID(), data: {} }),
  authorizePayment: async ({ data }) => ({ status: "authorized", data }),
  capturePayment: async ({ data }) => ({ data }),
  refundPayment: async ({ data }) => ({ data }),
  cancelPayment: async ({ data }) => ({ data }),
  retrievePayment: async ({ data }) => ({ data }),
  updatePayment: async ({ data }) => ({ data }),
  deletePayment: async ({ data }) => ({ data }),
  getPaymentStatus: async ({ data }) => ({ status: "authorized", data }),
  getWebhookActionAndData: async () => ({ action: "not_supported" }),
}
