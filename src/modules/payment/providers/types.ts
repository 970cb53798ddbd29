/** Medusa's PaymentSessionStatus, what a provider says of a session. */
export type PaymentSessionStatus = "pending" | "authorized" | "captured" | "requires_more" | "error" | "canceled"

/** Medusa's PaymentActions: what a provider's webhook event asks of the payment. */
export type PaymentAction =
  | "authorized"
  | "captured"
  | "failed"
  | "canceled"
  | "pending"
  | "requires_more"
  | "not_supported"

export type ProviderData = Record<string, unknown>

export interface InitiatePaymentInput {
  /** decimal string in major units, e.g. "45.9" */
  amount: string
  currency_code: string
  context: { session_id: string; email?: string | null; customer_id?: string | null; idempotency_key?: string }
}

/** A webhook delivery as it came: the raw body (signatures are over its bytes) and the headers. */
export interface WebhookPayload {
  rawData: string
  headers: Record<string, string>
}

export interface WebhookActionResult {
  action: PaymentAction
  /** the payment session the event is about, and the amount in major units (decimal string) */
  data?: { session_id: string; amount: string }
  /** the provider's event (id, type, object id): recorded so each event is applied once */
  event?: { id: string; type: string; object_id?: string }
}

/**
 * Medusa's AbstractPaymentProvider, runtime-neutral: each call takes the session's or payment's
 * `data` (what the provider stored there) and answers the new `data`.
 */
export interface PaymentProvider {
  /** the registration name, `pp_<identifier>_<id>` */
  readonly id: string
  /** calls nothing outside (no HTTP), so it may be asked inside a transaction (the system provider) */
  readonly local?: boolean
  initiatePayment(
    input: InitiatePaymentInput,
  ): Promise<{ id: string; data: ProviderData; status?: PaymentSessionStatus }>
  authorizePayment(input: { data: ProviderData }): Promise<{ status: PaymentSessionStatus; data: ProviderData }>
  capturePayment(input: { data: ProviderData; amount: string; currency_code: string }): Promise<{ data: ProviderData }>
  /** `idempotency_key`: the same refund asked again (a retry after a failed commit) is made once */
  refundPayment(input: {
    data: ProviderData
    amount: string
    currency_code: string
    idempotency_key?: string
  }): Promise<{ data: ProviderData }>
  cancelPayment(input: { data: ProviderData }): Promise<{ data: ProviderData }>
  retrievePayment(input: { data: ProviderData }): Promise<{ data: ProviderData }>
  updatePayment(
    input: InitiatePaymentInput & { data: ProviderData },
  ): Promise<{ data: ProviderData; status?: PaymentSessionStatus }>
  deletePayment(input: { data: ProviderData }): Promise<{ data: ProviderData }>
  getPaymentStatus(input: { data: ProviderData }): Promise<{ status: PaymentSessionStatus; data: ProviderData }>
  getWebhookActionAndData(payload: WebhookPayload): Promise<WebhookActionResult>
}

/** What a project's or plugin's provider module exports: Medusa's `identifier` and a factory over its options. */
export interface PaymentProviderModule {
  identifier: string
  /** `providerId` is the registration name, `pp_<identifier>_<id>`, which the provider answers as its `id` */
  create(options: Record<string, unknown>, providerId: string): PaymentProvider
}
