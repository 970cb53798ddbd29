import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { hashPassword, verifyPassword } from "../../core/auth/password"
import { generateUnguessableId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { authIdentity, providerIdentity, spentToken } from "./schema"

export type AuthIdentity = typeof authIdentity.$inferSelect

/** Identities and their emailpass credentials. */
export class AuthService {
  constructor(private readonly db: Db) {}

  async findEmailpass(email: string) {
    const [found] = await this.db
      .select({ identity: authIdentity, provider: providerIdentity })
      .from(providerIdentity)
      .innerJoin(authIdentity, eq(authIdentity.id, providerIdentity.auth_identity_id))
      .where(
        and(
          eq(providerIdentity.entity_id, email.toLowerCase()),
          eq(providerIdentity.provider, "emailpass"),
          isNull(providerIdentity.deleted_at),
        ),
      )
    return found
  }

  async findEmailpassById(identityId: string) {
    const [found] = await this.db
      .select()
      .from(providerIdentity)
      .where(
        and(
          eq(providerIdentity.auth_identity_id, identityId),
          eq(providerIdentity.provider, "emailpass"),
          isNull(providerIdentity.deleted_at),
        ),
      )
    return found
  }

  async retrieve(id: string): Promise<AuthIdentity | undefined> {
    const [found] = await this.db.select().from(authIdentity).where(eq(authIdentity.id, id))
    return found
  }

  /** A new identity for the email; undefined when one exists already. */
  async registerEmailpass(email: string, password: string): Promise<AuthIdentity | undefined> {
    const hash = await hashPassword(password)
    const [identity] = await this.db
      .insert(authIdentity)
      .values({ id: generateUnguessableId("authid") })
      .returning()
    const inserted = await this.db
      .insert(providerIdentity)
      .values({
        id: generateUnguessableId("provid"),
        entity_id: email.toLowerCase(),
        provider: "emailpass",
        auth_identity_id: identity!.id,
        provider_metadata: { password: hash },
      })
      .onConflictDoNothing()
      .returning()
    return inserted.length ? identity : undefined
  }

  /** The identity behind email + password, or undefined; the hash is checked even for unknown emails, so timing tells nothing. */
  async authenticate(email: string, password: string): Promise<AuthIdentity | undefined> {
    const found = await this.findEmailpass(email)
    const ok = await verifyPassword(password, found?.provider.provider_metadata.password ?? DUMMY_HASH)
    return ok && found ? found.identity : undefined
  }

  async setPassword(email: string, password: string) {
    const hash = await hashPassword(password)
    await this.db
      .update(providerIdentity)
      .set({ provider_metadata: { password: hash }, updated_at: sql`now()` })
      .where(and(eq(providerIdentity.entity_id, email.toLowerCase()), eq(providerIdentity.provider, "emailpass")))
  }

  /** Records which customer or user the identity is. */
  async linkActor(identityId: string, link: { customer_id?: string; user_id?: string }) {
    await this.db
      .update(authIdentity)
      .set({
        app_metadata: sql`${authIdentity.app_metadata} || ${JSON.stringify(link)}::jsonb`,
        updated_at: sql`now()`,
      })
      .where(eq(authIdentity.id, identityId))
  }

  /** The login providers an actor has (emailpass is the one provider here). */
  async providersOfActor(key: "user_id" | "customer_id", actorId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: authIdentity.id })
      .from(authIdentity)
      .where(sql`${authIdentity.app_metadata}->>${key}::text = ${actorId}`)
    return rows.length > 0 ? ["emailpass"] : []
  }

  /** Forgets a deleted user or customer: the identity can no longer log in as them. */
  /**
   * A deleted customer or user is no longer who the identity logs in as. An identity left as no
   * one (not also a user, or a customer) is removed with its password, so the old login fails;
   * one still shared with the other actor keeps its password for that one.
   */
  async unlinkActor(key: "user_id" | "customer_id", actorId: string) {
    const unlinked = await this.db
      .update(authIdentity)
      .set({ app_metadata: sql`${authIdentity.app_metadata} - ${key}::text`, updated_at: sql`now()` })
      .where(sql`${authIdentity.app_metadata}->>${key}::text = ${actorId}`)
      .returning({ id: authIdentity.id, app_metadata: authIdentity.app_metadata })
    const orphaned = unlinked
      .filter((row) => !row.app_metadata.customer_id && !row.app_metadata.user_id)
      .map((row) => row.id)
    // Provider identities go with it (on delete cascade).
    if (orphaned.length > 0) await this.db.delete(authIdentity).where(inArray(authIdentity.id, orphaned))
  }

  /** Spends a single-use token; false when it was spent before. */
  async spendToken(jti: string, expiresAt: Date): Promise<boolean> {
    const spent = await this.db
      .insert(spentToken)
      .values({ jti, expires_at: expiresAt })
      .onConflictDoNothing()
      .returning()
    return spent.length > 0
  }
}

// A valid hash of nothing anyone knows: unknown emails cost as much to check as known ones.
const DUMMY_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
