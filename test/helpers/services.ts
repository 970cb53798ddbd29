import { inject } from "vitest"
import { inTransaction } from "../../scripts/lib/node-scope"
import { resolveConfig } from "../../src/config"
import type { Scope } from "../../src/core/container"

/** The test database as the API sees it. */
export function testConfig() {
  return resolveConfig({ projectConfig: { database_url: inject("databaseUrl") } }, inject("databaseBindings"))
}

/** Sets up test data through the API's own services, in one transaction. */
export function withServices<T>(work: (scope: Scope) => Promise<T>): Promise<T> {
  return inTransaction(testConfig(), work)
}
