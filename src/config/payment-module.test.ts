import { describe, expect, test, vi } from "vitest"
import { problems } from "../../test/helpers/config-problems"
import { resolveConfig, type ConfigInput } from "."

const URL_ = "postgres://u:p@db.example.com:5432/shop"
const PRODUCTION = {
  NODE_ENV: "production",
}
const productionProject = {
  database_url: URL_,
  jwt_secret: "j",
  cookie_secret: "c",
  redis_url: "https://r.upstash.io",
  redis_token: "t",
}

const stripe = (options: Record<string, unknown>, id = "stripe") => ({
  resolve: "@medusajs/medusa/payment",
  options: { providers: [{ resolve: "@medusajs/medusa/payment-stripe", id, options }] },
})

const config = (payment: unknown, project: Record<string, unknown> = { database_url: URL_ }) =>
  ({ projectConfig: project, modules: { payment } }) as ConfigInput

describe("modules.payment", () => {
  test("absent or empty: no providers but the system one (which is not configured)", () => {
    expect(resolveConfig(config(undefined)).modules.payment).toEqual({ providers: [] })
    expect(resolveConfig(config({ resolve: "@medusajs/medusa/payment", options: {} })).modules.payment).toEqual({
      providers: [],
    })
  })

  test("Stripe is pp_stripe_stripe, manual capture by default, its options kept", () => {
    const resolved = resolveConfig(
      config(stripe({ apiKey: "sk_test_1", webhookSecret: "whsec_1", apiBase: "http://127.0.0.1:12111" })),
    )
    expect(resolved.modules.payment.providers).toEqual([
      {
        kind: "stripe",
        provider_id: "pp_stripe_stripe",
        id: "stripe",
        resolve: "@medusajs/medusa/payment-stripe",
        options: { apiKey: "sk_test_1", webhookSecret: "whsec_1", capture: false, apiBase: "http://127.0.0.1:12111" },
      },
    ])
  })

  test('the id names the provider; capture: true (or "true") is automatic capture', () => {
    const [provider] = resolveConfig(config(stripe({ apiKey: "k", capture: "true" }, "eu"))).modules.payment.providers
    expect(provider).toMatchObject({ provider_id: "pp_stripe_eu", options: { capture: true } })
  })

  test("production refuses Stripe without its API key or webhook secret, naming the env vars", () => {
    const issues = problems(config(stripe({}), productionProject), PRODUCTION)
    expect(issues).toEqual([
      "modules.payment.options.providers.0.options.apiKey: is required in production: set STRIPE_API_KEY",
      expect.stringMatching(
        /^modules\.payment\.options\.providers\.0\.options\.webhookSecret: .*STRIPE_WEBHOOK_SECRET/,
      ),
    ])
    expect(problems(config(stripe({ apiKey: "sk_live_1" }), productionProject), PRODUCTION)).toEqual([
      expect.stringContaining("STRIPE_WEBHOOK_SECRET"),
    ])
    const ok = resolveConfig(
      config(stripe({ apiKey: "sk_live_1", webhookSecret: "whsec_1" }), productionProject),
      PRODUCTION,
    )
    expect(ok.modules.payment.providers).toHaveLength(1)
  })

  test("development tolerates missing secrets (the provider answers 503 when called)", () => {
    expect(resolveConfig(config(stripe({}))).modules.payment.providers).toHaveLength(1)
  })

  test("refused: unknown options, a bad apiBase, the same provider twice, an unknown resolve", () => {
    expect(problems(config(stripe({ apiKey: "k", secret: "x" })))).toEqual([
      expect.stringMatching(/^modules\.payment\.options\.providers\.0\.options: /),
    ])
    expect(problems(config(stripe({ apiKey: "k", apiBase: "not a url" })))).toEqual([
      expect.stringContaining("apiBase must be a URL"),
    ])
    const twice = {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/payment-stripe", id: "stripe", options: {} },
          { resolve: "@medusajs/payment-stripe", id: "stripe", options: {} },
        ],
      },
    }
    expect(problems(config(twice))).toEqual([
      "modules.payment.options.providers.1.id: provider pp_stripe_stripe is configured twice",
    ])
    expect(
      problems(
        config({ resolve: "@medusajs/medusa/payment", options: { providers: [{ resolve: "Not A Package!" }] } }),
      ),
    ).toEqual([expect.stringContaining('unknown payment provider "Not A Package!"')])
    expect(problems(config({ resolve: "@medusajs/medusa/cart", options: {} }))).toEqual([
      expect.stringContaining("modules.payment.resolve"),
    ])
  })

  test("a project's provider (a ./path or package) needs an id", () => {
    const custom = (entry: Record<string, unknown>) =>
      config({ resolve: "@medusajs/medusa/payment", options: { providers: [entry] } })
    expect(problems(custom({ resolve: "./src/modules/my-payment" }))).toEqual([
      "modules.payment.options.providers.0.id: a custom payment provider needs an id (its name is pp_<identifier>_<id>)",
    ])
    const [provider] = resolveConfig(custom({ resolve: "./src/modules/my-payment", id: "mine", options: { a: 1 } }))
      .modules.payment.providers
    expect(provider).toMatchObject({ kind: "custom", path: "./src/modules/my-payment", id: "mine", options: { a: 1 } })
  })
})

describe("medusa.config.ts's modules.payment", () => {
  const load = async (env: Record<string, string>) => {
    const saved = { ...process.env }
    Object.assign(process.env, env)
    vi.resetModules()
    try {
      return (await import("../../medusa.config")).default
    } finally {
      for (const name of Object.keys(env)) if (!(name in saved)) delete process.env[name]
    }
  }

  test("STRIPE_API_KEY adds pp_stripe_stripe with STRIPE_WEBHOOK_SECRET, STRIPE_CAPTURE and STRIPE_API_BASE", async () => {
    const input = await load({
      STRIPE_API_KEY: "sk_test_9",
      STRIPE_WEBHOOK_SECRET: "whsec_9",
      STRIPE_CAPTURE: "true",
      STRIPE_API_BASE: "http://127.0.0.1:1",
      DATABASE_URL: URL_,
    })
    expect(resolveConfig(input).modules.payment.providers).toEqual([
      expect.objectContaining({
        provider_id: "pp_stripe_stripe",
        options: { apiKey: "sk_test_9", webhookSecret: "whsec_9", capture: true, apiBase: "http://127.0.0.1:1" },
      }),
    ])
  })

  test("production with STRIPE_API_KEY but no STRIPE_WEBHOOK_SECRET does not start", async () => {
    const input = await load({ STRIPE_API_KEY: "sk_live_9", DATABASE_URL: URL_ })
    const issues = problems({ ...input, projectConfig: productionProject } as ConfigInput, PRODUCTION)
    expect(issues).toEqual([expect.stringContaining("set STRIPE_WEBHOOK_SECRET")])
  })
})
