// Every domain's tables, for Drizzle's relational queries and for drizzle-kit.
export * from "./store/schema"
