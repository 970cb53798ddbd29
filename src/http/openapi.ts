import { Scalar } from "@scalar/hono-api-reference"
import { Hono } from "hono"
import { generateSpecs } from "hono-openapi"
import type { AppEnv } from "../core/types"

type Document = Awaited<ReturnType<typeof generateSpecs>>
type Operation = { parameters?: { in: string; name: string }[]; tags?: string[] }

const DOCUMENTATION = {
  openapi: "3.1.0",
  info: {
    title: "Medusa Edge API",
    version: "2",
    description:
      "Medusa's Store, Admin and Auth APIs. Generated from the schemas that validate each request, so it cannot drift.",
  },
  components: {
    securitySchemes: {
      publishableKey: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
      jwt: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      cookie: { type: "apiKey", in: "cookie", name: "connect.sid" },
    },
  },
} as const

/**
 * Every route of `app` with its declared query, body and path parameters. A path parameter a
 * route leaves undeclared is a string, as Hono's router hands it over.
 */
export async function openApiDocument(app: Hono<AppEnv>): Promise<Document> {
  const document = await generateSpecs(app, {
    documentation: DOCUMENTATION,
    includeEmptyPaths: true,
    exclude: [/^\/app(\/|$)/, "/openapi.json", "/docs"],
  })
  for (const [path, item] of Object.entries(document.paths)) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
    for (const operation of Object.values(item ?? {}) as Operation[]) {
      operation.tags ??= [path.split("/")[1] ?? "other"]
      operation.parameters ??= []
      for (const name of names) {
        if (operation.parameters.some((p) => p.in === "path" && p.name === name)) continue
        operation.parameters.push({ in: "path", name, required: true, schema: { type: "string" } } as never)
      }
    }
  }
  return document
}

/** `/openapi.json` (built once per isolate, from the app itself) and Scalar's reference at `/docs`. */
export function apiReference(app: Hono<AppEnv>) {
  let document: Promise<Document> | undefined
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => {
      // A failed build is not kept: the next request tries again.
      document ??= openApiDocument(app).catch((error) => {
        document = undefined
        throw error
      })
      return c.json(await document)
    })
    .get("/docs", Scalar({ url: "/openapi.json", pageTitle: "Medusa Edge API" }))
}
