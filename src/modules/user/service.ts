import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm"
import { escapeLike } from "../../core/query/filters"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { invite, user } from "./schema"

export type User = typeof user.$inferSelect
export type Invite = typeof invite.$inferSelect

export class UserService {
  constructor(private readonly db: Db) {}

  async create(input: { email: string; first_name?: string | null; last_name?: string | null }) {
    const [created] = await this.db
      .insert(user)
      .values({ ...input, email: input.email.toLowerCase(), id: generateUnguessableId("user") })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new MedusaError("duplicate_error", `User with email: ${input.email} already exists`)
    return created
  }

  async retrieve(id: string): Promise<User> {
    const [found] = await this.db
      .select()
      .from(user)
      .where(and(eq(user.id, id), isNull(user.deleted_at)))
    if (!found) throw new MedusaError("not_found", `User with id: ${id} was not found`)
    return found
  }

  /** Whether a live user has this id: a deleted admin's tokens stop working at once. */
  async exists(id: string): Promise<boolean> {
    const [found] = await this.db
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.id, id), isNull(user.deleted_at)))
    return found !== undefined
  }

  async list(filters: { id?: string[]; email?: string[]; q?: string } & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(user.deleted_at)]
    if (filters.id) conditions.push(inArray(user.id, filters.id))
    if (filters.email)
      conditions.push(
        inArray(
          user.email,
          filters.email.map((email) => email.toLowerCase()),
        ),
      )
    if (filters.q) {
      const pattern = `%${escapeLike(filters.q)}%`
      conditions.push(or(ilike(user.email, pattern), ilike(user.first_name, pattern), ilike(user.last_name, pattern)))
    }
    return listPage(this.db, user, and(...conditions), orderBy(user, ordering, user.id), page, filters)
  }

  async update(id: string, input: Partial<Pick<User, "first_name" | "last_name" | "avatar_url" | "metadata">>) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(user)
      .set({ ...input, updated_at: sql`now()` })
      .where(eq(user.id, id))
      .returning()
    return updated!
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(user).set({ deleted_at: sql`now()` }).where(eq(user.id, id))
  }

  async listInvites(filters: { id?: string[]; email?: string[] } & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(invite.deleted_at)]
    if (filters.id) conditions.push(inArray(invite.id, filters.id))
    if (filters.email)
      conditions.push(
        inArray(
          invite.email,
          filters.email.map((email) => email.toLowerCase()),
        ),
      )
    return listPage(this.db, invite, and(...conditions), orderBy(invite, ordering, invite.id), page, filters)
  }

  async retrieveInvite(id: string): Promise<Invite> {
    const [found] = await this.db
      .select()
      .from(invite)
      .where(and(eq(invite.id, id), isNull(invite.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Invite with id: ${id} was not found`)
    return found
  }

  /** A new token and expiry: the old link stops working. */
  async renewInvite(id: string, token: string, expiresAt: Date) {
    const existing = await this.retrieveInvite(id)
    if (existing.accepted) throw new MedusaError("not_allowed", "The invite has already been accepted")
    const [renewed] = await this.db
      .update(invite)
      .set({ token, expires_at: expiresAt, updated_at: sql`now()` })
      .where(eq(invite.id, id))
      .returning()
    return renewed!
  }

  async softDeleteInvite(id: string) {
    await this.retrieveInvite(id)
    await this.db.update(invite).set({ deleted_at: sql`now()` }).where(eq(invite.id, id))
  }

  async createInvite(email: string, token: string, expiresAt: Date) {
    const [created] = await this.db
      .insert(invite)
      .values({ id: generateUnguessableId("invite"), email: email.toLowerCase(), token, expires_at: expiresAt })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new MedusaError("duplicate_error", `Invite with email: ${email} already exists`)
    return created
  }

  /** The invite behind a token, locked, if it is still open. */
  async retrieveOpenInvite(token: string): Promise<Invite> {
    const [found] = await this.db
      .select()
      .from(invite)
      .where(and(eq(invite.token, token), eq(invite.accepted, false), isNull(invite.deleted_at)))
      .for("update")
    if (!found || found.expires_at < new Date())
      throw new MedusaError("unauthorized", "The invite is invalid or has expired")
    return found
  }

  async markAccepted(inviteId: string) {
    await this.db.update(invite).set({ accepted: true, updated_at: sql`now()` }).where(eq(invite.id, inviteId))
  }
}
