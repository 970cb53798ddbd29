import { existsSync, readFileSync } from "node:fs"
import * as v2 from "@medusajs/framework"
import * as v2Http from "@medusajs/framework/http"
import * as v2Types from "@medusajs/framework/types"
import * as v2Utils from "@medusajs/framework/utils"
import * as v1 from "@medusajs/medusa"
import { describe, expect, test } from "vitest"
import { unstable_readConfig } from "wrangler"
import { BaseService } from "./core/base-service"
import { MedusaError } from "./core/errors"
import * as framework from "./framework"

const root = new URL("..", import.meta.url)
const paths = (
  JSON.parse(readFileSync(new URL("tsconfig.json", root), "utf8")) as {
    compilerOptions: { paths: Record<string, string[]> }
  }
).compilerOptions.paths

describe("Medusa's import names", () => {
  test("resolve to src/framework.ts in tsc (tsconfig paths) and in the Worker bundle (wrangler.toml [alias]), the same list", () => {
    const names = [
      "@medusajs/framework",
      "@medusajs/framework/types",
      "@medusajs/framework/http",
      "@medusajs/framework/utils",
      "@medusajs/medusa",
    ]
    expect(paths).toEqual(Object.fromEntries(names.map((name) => [name, ["./src/framework.ts"]])))
    const { alias } = unstable_readConfig({ config: new URL("wrangler.toml", root).pathname })
    expect(alias).toEqual(Object.fromEntries(names.map((name) => [name, "./src/framework.ts"])))
  })

  test("are no installed package, so the aliases shadow nothing the dashboard or the js-sdk could load", () => {
    for (const name of Object.keys(paths)) expect(existsSync(new URL(`node_modules/${name}`, root)), name).toBe(false)
  })

  test("are the one module in tests too (vitest.config.ts), with what Medusa's files import from it", () => {
    for (const module of [v2, v2Http, v2Types, v2Utils, v1]) expect(module).toBe(framework)
    expect(framework.TransactionBaseService).toBe(BaseService)
    expect(framework.MedusaError).toBe(MedusaError)
    expect(Object.keys(framework).sort()).toEqual([
      "BaseService",
      "MedusaError",
      "Modules",
      "TransactionBaseService",
      "defineRoute",
      "job",
      "subscriber",
    ])
  })
})
