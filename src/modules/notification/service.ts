import { and, eq, inArray, isNull, or, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import type { NotificationProvider } from "./providers/provider"
import { notification } from "./schema"
import { renderTemplate } from "./templates"

export type Notification = typeof notification.$inferSelect

/** Medusa's CreateNotificationDTO. */
export interface CreateNotificationInput {
  to: string
  channel: string
  template: string
  data?: Record<string, unknown> | null
  content?: { subject?: string; text?: string; html?: string } | null
  from?: string | null
  trigger_type?: string | null
  resource_id?: string | null
  resource_type?: string | null
  receiver_id?: string | null
  original_notification_id?: string | null
  /** one notification per key, however often it is asked for */
  idempotency_key?: string | null
  /** values the message carries but the stored row must not (a reset token): sent, then kept as "[redacted]" */
  secrets?: string[]
}

/** `value` with every secret replaced, for storing: what /admin/notifications shows can take over no account. */
function redacted<T>(value: T, secrets: string[] | undefined): T {
  const present = (secrets ?? []).filter((secret) => secret.length > 0)
  if (value == null || present.length === 0) return value
  let json = JSON.stringify(value)
  for (const secret of present) json = json.split(JSON.stringify(secret).slice(1, -1)).join("[redacted]")
  return JSON.parse(json) as T
}

export interface NotificationFilters extends DateFilters {
  id?: string[]
  to?: string[]
  channel?: string[]
  template?: string[]
  status?: string[]
  trigger_type?: string[]
  resource_id?: string[]
  resource_type?: string[]
  receiver_id?: string[]
  q?: string
}

const MEDUSA_FILTERS = [
  "id",
  "to",
  "channel",
  "template",
  "status",
  "trigger_type",
  "resource_id",
  "resource_type",
  "receiver_id",
] as const
type MedusaFilter = (typeof MEDUSA_FILTERS)[number]

// A pending row older than this was left by a send that died; a retry may take it over.
const STALE_PENDING_SECONDS = 60

/**
 * Medusa's notification module service: each message is stored (pending) before its channel's
 * provider sends it, then marked success or failure; the only writer of notification.
 */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly providers: readonly NotificationProvider[],
  ) {}

  /** One notification per input; a failed send is stored as failure and then thrown, after the others were tried. */
  createNotifications(input: CreateNotificationInput): Promise<Notification>
  createNotifications(input: CreateNotificationInput[]): Promise<Notification[]>
  async createNotifications(
    input: CreateNotificationInput | CreateNotificationInput[],
  ): Promise<Notification | Notification[]> {
    const inputs = Array.isArray(input) ? input : [input]
    const results: Notification[] = []
    let failure: unknown
    for (const entry of inputs) {
      try {
        results.push(await this.createOne(entry))
      } catch (error) {
        failure ??= error
      }
    }
    if (failure) throw failure
    return Array.isArray(input) ? results : results[0]!
  }

  private providerFor(channel: string) {
    return this.providers.find((provider) => provider.channels.includes(channel))
  }

  private async createOne(input: CreateNotificationInput): Promise<Notification> {
    // An empty `to` is Medusa's "everyone" of the admin feed.
    if (typeof input.to !== "string" || !input.channel || !input.template)
      throw new MedusaError("invalid_data", "A notification needs to, channel and template")
    const provider = this.providerFor(input.channel)
    const content = input.content ?? renderTemplate(input.template, input.data)
    const [created] = await this.db
      .insert(notification)
      .values({
        id: generateId("noti"),
        to: input.to,
        from: input.from ?? null,
        channel: input.channel,
        template: input.template,
        data: redacted(input.data ?? null, input.secrets),
        content: redacted(content, input.secrets),
        trigger_type: input.trigger_type ?? null,
        resource_id: input.resource_id ?? null,
        resource_type: input.resource_type ?? null,
        receiver_id: input.receiver_id ?? null,
        original_notification_id: input.original_notification_id ?? null,
        idempotency_key: input.idempotency_key || null,
        provider_id: provider?.id ?? null,
        status: "pending",
      })
      .onConflictDoNothing({ target: notification.idempotency_key })
      .returning()
    // Sent as asked, not as stored: the stored row may have had its secrets redacted.
    const message = { data: input.data ?? null, content }
    if (created) return this.send(created, provider, message)
    // The key was sent (or is being sent) already: that notification is the answer, resent only if it failed.
    const claimed = await this.claimForRetry(input.idempotency_key!)
    if (claimed) return this.send(claimed, this.providerFor(claimed.channel), message)
    const [existing] = await this.db
      .select()
      .from(notification)
      .where(eq(notification.idempotency_key, input.idempotency_key!))
    return existing!
  }

  /** A failed notification, or one whose send died while pending, is taken back to pending by exactly one caller. */
  private async claimForRetry(key: string): Promise<Notification | undefined> {
    const [claimed] = await this.db
      .update(notification)
      .set({ status: "pending", updated_at: sql`now()` })
      .where(
        and(
          eq(notification.idempotency_key, key),
          or(
            eq(notification.status, "failure"),
            and(
              eq(notification.status, "pending"),
              sql`${notification.updated_at} < now() - make_interval(secs => ${STALE_PENDING_SECONDS})`,
            ),
          ),
        ),
      )
      .returning()
    return claimed
  }

  private async send(
    row: Notification,
    provider: NotificationProvider | undefined,
    message: Pick<Notification, "data" | "content">,
  ): Promise<Notification> {
    if (!provider) {
      await this.mark(row.id, { status: "failure" })
      throw new MedusaError(
        "not_found",
        `Could not find a notification provider for channel: ${row.channel} for notification id ${row.id}`,
      )
    }
    let externalId: string | undefined
    try {
      externalId = (
        await provider.send({
          id: row.id,
          to: row.to,
          from: row.from,
          channel: row.channel,
          template: row.template,
          data: message.data,
          content: message.content,
          idempotency_key: row.idempotency_key ?? row.id,
        })
      ).id
    } catch (error) {
      await this.mark(row.id, { status: "failure", provider_id: provider.id })
      throw new MedusaError(
        "unexpected_state",
        `Failed to send notification with id ${row.id}: ${(error as Error)?.message ?? error}`,
      )
    }
    return this.mark(row.id, { status: "success", provider_id: provider.id, external_id: externalId ?? null })
  }

  private async mark(id: string, patch: Partial<Pick<Notification, "status" | "provider_id" | "external_id">>) {
    const [updated] = await this.db
      .update(notification)
      .set({ ...patch, updated_at: sql`now()` })
      .where(eq(notification.id, id))
      .returning()
    return updated!
  }

  async list(filters: NotificationFilters, ordering: Ordering, page: Page) {
    const where = and(
      isNull(notification.deleted_at),
      filters.id ? inArray(notification.id, filters.id) : undefined,
      filters.to ? inArray(notification.to, filters.to) : undefined,
      filters.channel ? inArray(notification.channel, filters.channel) : undefined,
      filters.template ? inArray(notification.template, filters.template) : undefined,
      filters.status ? inArray(notification.status, filters.status as Notification["status"][]) : undefined,
      filters.trigger_type ? inArray(notification.trigger_type, filters.trigger_type) : undefined,
      filters.resource_id ? inArray(notification.resource_id, filters.resource_id) : undefined,
      filters.resource_type ? inArray(notification.resource_type, filters.resource_type) : undefined,
      filters.receiver_id ? inArray(notification.receiver_id, filters.receiver_id) : undefined,
      filters.q ? searchAny([notification.to, notification.resource_id], filters.q) : undefined,
    )
    return listPage(this.db, notification, where, orderBy(notification, ordering, notification.id), page, filters)
  }

  /** Medusa's retrieveNotification, for subscribers written for Medusa. */
  retrieveNotification(id: string): Promise<Notification> {
    return this.retrieve(id)
  }

  /** Medusa's listAndCountNotifications: a filter value is one value or a list; newest first unless `order` says. */
  async listAndCountNotifications(
    filters: Partial<Record<MedusaFilter, string | string[]>> = {},
    config: { skip?: number; take?: number; order?: Record<string, "ASC" | "DESC"> } = {},
  ): Promise<[Notification[], number]> {
    const listed: NotificationFilters = {}
    for (const name of MEDUSA_FILTERS) {
      const value = filters[name]
      if (value !== undefined) listed[name] = Array.isArray(value) ? value : [value]
    }
    const [field, direction] = Object.entries(config.order ?? { created_at: "DESC" })[0] ?? ["created_at", "DESC"]
    const ordering: Ordering = { field, direction: direction === "ASC" ? "asc" : "desc" }
    const { rows, count } = await this.list(listed, ordering, { limit: config.take ?? 15, offset: config.skip ?? 0 })
    return [rows, count]
  }

  /** Medusa's listNotifications. */
  async listNotifications(...args: Parameters<NotificationService["listAndCountNotifications"]>) {
    return (await this.listAndCountNotifications(...args))[0]
  }

  async retrieve(id: string): Promise<Notification> {
    const [found] = await this.db
      .select()
      .from(notification)
      .where(and(eq(notification.id, id), isNull(notification.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Notification with id: ${id} was not found`)
    return found
  }
}
