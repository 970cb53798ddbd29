import type { Scope } from "./container"

/**
 * One command, one transaction: services resolved from the scope handed to `work` all write
 * through the same Postgres transaction, events to the outbox included. Nothing is kept if it throws.
 */
export async function transaction<T>(scope: Scope, work: (tx: Scope) => Promise<T>): Promise<T> {
  return scope.resolve("manager").transaction((tx) => work(scope.fork({ manager: tx })))
}
