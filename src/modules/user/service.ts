import { and, eq, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { listPage, orderBy, type Page } from "../../core/query/page"
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
    const [found] = await this.db.select().from(user).where(and(eq(user.id, id), isNull(user.deleted_at)))
    if (!found) throw new MedusaError("not_found", `User with id: ${id} was not found`)
    return found
  }

  async list(ordering: Ordering, page: Page) {
    return listPage(this.db, user, isNull(user.deleted_at), orderBy(user, ordering, user.id), page)
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
    if (!found || found.expires_at < new Date()) throw new MedusaError("unauthorized", "The invite is invalid or has expired")
    return found
  }

  async markAccepted(inviteId: string) {
    await this.db.update(invite).set({ accepted: true, updated_at: sql`now()` }).where(eq(invite.id, inviteId))
  }
}
