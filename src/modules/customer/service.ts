import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { DateRange, Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { customer, customerAddress, customerGroupCustomer } from "./schema"

export type Customer = typeof customer.$inferSelect
export type CustomerAddress = typeof customerAddress.$inferSelect
export type CustomerAddressInput = Partial<
  Omit<CustomerAddress, "id" | "customer_id" | "created_at" | "updated_at" | "deleted_at">
>
export type CustomerProfile = Partial<
  Pick<Customer, "first_name" | "last_name" | "phone" | "company_name" | "metadata">
>

export interface CustomerFilters {
  id?: string[]
  email?: string[]
  has_account?: boolean
  q?: string
  /** customer group ids: customers in any of them */
  groups?: string[]
  created_at?: DateRange
  updated_at?: DateRange
}

export class CustomerService {
  constructor(private readonly db: Db) {}

  async create(input: CustomerProfile & { email: string; has_account: boolean; created_by?: string }) {
    const [created] = await this.db
      .insert(customer)
      .values({ ...input, email: input.email.toLowerCase(), id: generateUnguessableId("cus") })
      .onConflictDoNothing()
      .returning()
    if (!created)
      throw new MedusaError(
        "duplicate_error",
        "A customer with the given email already has an account. Log in instead.",
      )
    return created
  }

  async retrieve(id: string): Promise<Customer> {
    const [found] = await this.db
      .select()
      .from(customer)
      .where(and(eq(customer.id, id), isNull(customer.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Customer with id: ${id} was not found`)
    return found
  }

  /** Customers by id (deleted ones too: an order still names who placed it), for batch loaders. */
  async byIds(ids: string[]): Promise<Customer[]> {
    if (ids.length === 0) return []
    return this.db.select().from(customer).where(inArray(customer.id, ids))
  }

  /**
   * The guest customer (has_account false) of an email, created when there is none: Medusa's
   * findOrCreateCustomerStep. A transaction-scoped advisory lock on the email makes two
   * concurrent guest checkouts with one email share one customer.
   */
  async findOrCreateGuest(email: string): Promise<{ customer: Customer; created: boolean }> {
    const normalized = email.toLowerCase()
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`guest-customer:${normalized}`}))`)
    const [found] = await this.db
      .select()
      .from(customer)
      .where(and(eq(customer.email, normalized), eq(customer.has_account, false), isNull(customer.deleted_at)))
      .orderBy(asc(customer.created_at), asc(customer.id))
      .limit(1)
    if (found) return { customer: found, created: false }
    return { customer: await this.create({ email: normalized, has_account: false }), created: true }
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(customer).set({ deleted_at: sql`now()` }).where(eq(customer.id, id))
  }

  /** Addresses grouped by customer, for a page of customers at once. */
  async addressesByCustomer(customerIds: string[]): Promise<Map<string, CustomerAddress[]>> {
    const byCustomer = new Map<string, CustomerAddress[]>()
    for (const address of await this.addresses(customerIds))
      byCustomer.set(address.customer_id, [...(byCustomer.get(address.customer_id) ?? []), address])
    return byCustomer
  }

  async update(id: string, profile: CustomerProfile & { email?: string }) {
    const values = profile.email === undefined ? profile : { ...profile, email: profile.email.toLowerCase() }
    const [updated] = await this.db
      .update(customer)
      .set({ ...values, updated_at: sql`now()` })
      .where(eq(customer.id, id))
      .returning()
    return updated!
  }

  async list(filters: CustomerFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(customer.deleted_at)]
    if (filters.id) conditions.push(inArray(customer.id, filters.id))
    if (filters.groups)
      conditions.push(
        inArray(
          customer.id,
          this.db
            .select({ id: customerGroupCustomer.customer_id })
            .from(customerGroupCustomer)
            .where(inArray(customerGroupCustomer.customer_group_id, filters.groups)),
        ),
      )
    if (filters.email)
      conditions.push(
        inArray(
          customer.email,
          filters.email.map((email) => email.toLowerCase()),
        ),
      )
    if (filters.has_account !== undefined) conditions.push(eq(customer.has_account, filters.has_account))
    if (filters.q)
      conditions.push(
        searchAny([customer.email, customer.first_name, customer.last_name, customer.company_name], filters.q),
      )
    return listPage(this.db, customer, and(...conditions), orderBy(customer, ordering, customer.id), page, filters)
  }

  /** One customer's live addresses, a page of them. */
  async listAddresses(customerId: string, filters: DateFilters, ordering: Ordering, page: Page) {
    const where = and(eq(customerAddress.customer_id, customerId), isNull(customerAddress.deleted_at))
    return listPage(
      this.db,
      customerAddress,
      where,
      orderBy(customerAddress, ordering, customerAddress.id),
      page,
      filters,
    )
  }

  async addresses(customerIds: string[]): Promise<CustomerAddress[]> {
    if (customerIds.length === 0) return []
    return this.db
      .select()
      .from(customerAddress)
      .where(and(inArray(customerAddress.customer_id, customerIds), isNull(customerAddress.deleted_at)))
      .orderBy(asc(customerAddress.created_at), asc(customerAddress.id))
  }

  /** One of the customer's addresses; another customer's is "not found", never shown. */
  async retrieveAddress(customerId: string, addressId: string): Promise<CustomerAddress> {
    const [found] = await this.db
      .select()
      .from(customerAddress)
      .where(
        and(
          eq(customerAddress.id, addressId),
          eq(customerAddress.customer_id, customerId),
          isNull(customerAddress.deleted_at),
        ),
      )
    if (!found) throw new MedusaError("not_found", `Address with id: ${addressId} was not found`)
    return found
  }

  async addAddress(customerId: string, input: CustomerAddressInput) {
    await this.clearDefaults(customerId, input)
    const [created] = await this.db
      .insert(customerAddress)
      .values({
        ...input,
        country_code: input.country_code?.toLowerCase() ?? null,
        id: generateUnguessableId("cuaddr"),
        customer_id: customerId,
      })
      .returning()
    return created!
  }

  async updateAddress(customerId: string, addressId: string, input: CustomerAddressInput) {
    await this.retrieveAddress(customerId, addressId)
    await this.clearDefaults(customerId, input)
    await this.db
      .update(customerAddress)
      .set({
        ...input,
        ...(input.country_code ? { country_code: input.country_code.toLowerCase() } : {}),
        updated_at: sql`now()`,
      })
      .where(and(eq(customerAddress.id, addressId), eq(customerAddress.customer_id, customerId)))
  }

  async deleteAddress(customerId: string, addressId: string) {
    await this.retrieveAddress(customerId, addressId)
    await this.db
      .delete(customerAddress)
      .where(and(eq(customerAddress.id, addressId), eq(customerAddress.customer_id, customerId)))
  }

  /** One default shipping and one default billing address per customer. */
  private async clearDefaults(customerId: string, input: CustomerAddressInput) {
    if (input.is_default_shipping) {
      await this.db
        .update(customerAddress)
        .set({ is_default_shipping: false })
        .where(eq(customerAddress.customer_id, customerId))
    }
    if (input.is_default_billing) {
      await this.db
        .update(customerAddress)
        .set({ is_default_billing: false })
        .where(eq(customerAddress.customer_id, customerId))
    }
  }
}
