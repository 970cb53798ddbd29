import { describe, expect, test } from "vitest"
import { problems } from "../../test/helpers/config-problems"
import { defineConfig, resolveConfig, searchPathSchema, type ConfigInput } from "."
import { originAllowed } from "./cors-origins"

const URL_ = "postgres://u:p@db.example.com:5432/shop"

const withProject = (projectConfig: Record<string, unknown>, rest: Partial<ConfigInput> = {}) =>
  ({ projectConfig: { database_url: URL_, ...projectConfig }, ...rest }) as ConfigInput

describe("defaults (development)", () => {
  const config = resolveConfig(defineConfig({ projectConfig: { database_url: URL_ } }))

  test("database options", () => {
    expect(config.projectConfig).toMatchObject({
      database_type: "postgres",
      database_url: URL_,
      database_schema: "public",
      database_logging: false,
      database_extra: {},
      database_ws_proxy: undefined,
      database_pipeline_connect: true,
    })
  })

  test("secrets default to supersecret outside production", () => {
    expect(config.isProduction).toBe(false)
    expect(config.projectConfig.jwt_secret).toBe("supersecret")
    expect(config.projectConfig.cookie_secret).toBe("supersecret")
    expect(config.projectConfig.jwt_expires_in).toBe("1d")
  })

  test("CORS lists are Medusa's defaults; auth takes both", () => {
    expect(config.projectConfig.store_cors).toEqual(["http://localhost:8000"])
    expect(config.projectConfig.admin_cors).toEqual(["http://localhost:7000", "http://localhost:7001"])
    expect(config.projectConfig.auth_cors).toEqual([
      "http://localhost:8000",
      "http://localhost:7000",
      "http://localhost:7001",
    ])
  })

  test("no redis: in-memory cache, local event bus, no plugins", () => {
    expect(config.projectConfig.redis).toBeUndefined()
    expect(config.modules.cache).toEqual({ resolve: "memory", options: { ttl: 30 } })
    expect(config.modules.eventBus).toEqual({ resolve: "local", options: {} })
    expect(config.plugins).toEqual([])
  })
})

describe("database options", () => {
  test("database_type sqlite is refused with a pointer to the embedded default", () => {
    const [message] = problems(withProject({ database_type: "sqlite" }))
    expect(message).toMatch(/^projectConfig\.database_type: sqlite is not supported/)
    expect(message).toContain("embedded PostgreSQL")
  })

  test("database_type must be postgres", () => {
    expect(problems(withProject({ database_type: "mysql" }))).toEqual([
      'projectConfig.database_type: must be "postgres"',
    ])
  })

  test("database_url is required and must be a postgres URL", () => {
    expect(problems({ projectConfig: {} })[0]).toMatch(
      /^projectConfig\.database_url: database_url is required: set DATABASE_URL/,
    )
    expect(problems(withProject({ database_url: "mysql://x/y" }))).toEqual([
      "projectConfig.database_url: must be a postgres:// or postgresql:// connection string",
    ])
  })

  test("search_path in the URL's options picks the schema", () => {
    const url = "postgres://u:p@localhost/db?options=-c%20search_path%3Dshop%2Cpublic"
    expect(resolveConfig(withProject({ database_url: url })).projectConfig.database_schema).toBe("shop")
    expect(searchPathSchema("postgres://u:p@h/db?options=-c search_path=tenant_1")).toBe("tenant_1")
    expect(searchPathSchema("postgres://u:p@h/db?sslmode=require")).toBe("public")
  })

  test.each([
    [true, true],
    ["true", true],
    ["1", true],
    ["all", true],
    [["query", "error"], true],
    [["error"], false],
    [false, false],
    ["false", false],
  ])("database_logging %j → %s", (value, expected) => {
    expect(resolveConfig(withProject({ database_logging: value })).projectConfig.database_logging).toBe(expected)
  })

  test("database_logging refuses other values", () => {
    expect(problems(withProject({ database_logging: "yes" }))[0]).toMatch(
      /^projectConfig\.database_logging: must be true, false, "all"/,
    )
  })

  test("database_extra is passed to the driver; unknown keys and wrong types are named", () => {
    const extra = { ssl: { rejectUnauthorized: false }, max: 5, application_name: "edge" }
    expect(resolveConfig(withProject({ database_extra: extra })).projectConfig.database_extra).toEqual(extra)
    expect(problems(withProject({ database_extra: { maxConnections: 5 } }))[0]).toMatch(
      /^projectConfig\.database_extra: Unrecognized key: "maxConnections"/,
    )
    expect(problems(withProject({ database_extra: { max: -1 } }))[0]).toMatch(/^projectConfig\.database_extra\.max: /)
  })

  test("the local WebSocket proxy comes from the runtime, not the config file", () => {
    const config = resolveConfig(withProject({}), { DATABASE_WS_PROXY: "127.0.0.1:5488" })
    expect(config.projectConfig.database_ws_proxy).toBe("127.0.0.1:5488")
  })
})

describe("redis_url", () => {
  test("an Upstash REST URL takes its token from redis_token", () => {
    const config = resolveConfig(withProject({ redis_url: "https://eu1-x.upstash.io", redis_token: "tok" }))
    expect(config.projectConfig.redis).toEqual({ url: "https://eu1-x.upstash.io", token: "tok" })
    expect(config.modules.cache).toEqual({
      resolve: "upstash",
      options: { redis: { url: "https://eu1-x.upstash.io", token: "tok" }, ttl: 30 },
    })
  })

  test("a rediss:// URL is turned into the REST URL with its password as token", () => {
    const config = resolveConfig(withProject({ redis_url: "rediss://default:AbC123@eu1-x.upstash.io:6379" }))
    expect(config.projectConfig.redis).toEqual({ url: "https://eu1-x.upstash.io", token: "AbC123" })
  })

  test("a REST URL without token, or a redis URL without password, is refused", () => {
    expect(problems(withProject({ redis_url: "https://eu1-x.upstash.io" }))).toContain(
      "projectConfig.redis_token: an Upstash REST URL needs its token: set UPSTASH_REDIS_REST_TOKEN",
    )
    expect(problems(withProject({ redis_url: "redis://eu1-x.upstash.io:6379" }))[0]).toMatch(
      /must carry the Upstash token/,
    )
    expect(problems(withProject({ redis_url: "memcached://x" }))[0]).toMatch(
      /^projectConfig\.redis_url: must be an Upstash REST URL/,
    )
  })

  test("redis_prefix is kept", () => {
    expect(resolveConfig(withProject({ redis_prefix: "shop:" })).projectConfig.redis_prefix).toBe("shop:")
  })
})

describe("secrets in production", () => {
  const production = { NODE_ENV: "production" }
  const redis = { redis_url: "https://r.upstash.io", redis_token: "t" }

  test("missing secrets stop start-up, naming each", () => {
    const issues = problems(withProject(redis), production)
    expect(issues).toEqual([
      'projectConfig.jwt_secret: is required in production (NODE_ENV=production) and must not be "supersecret": wrangler secret put JWT_SECRET',
      'projectConfig.cookie_secret: is required in production (NODE_ENV=production) and must not be "supersecret": wrangler secret put COOKIE_SECRET',
    ])
  })

  test("the development default is not accepted in production", () => {
    const issues = problems(withProject({ ...redis, jwt_secret: "supersecret", cookie_secret: "c" }), production)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(/^projectConfig\.jwt_secret: /)
  })

  test("production with secrets and redis resolves", () => {
    const config = resolveConfig(withProject({ ...redis, jwt_secret: "j", cookie_secret: "c" }), production)
    expect(config.isProduction).toBe(true)
    expect(config.projectConfig.jwt_secret).toBe("j")
  })

  test("production needs a shared cache unless the memory cache is chosen explicitly", () => {
    const secrets = { jwt_secret: "j", cookie_secret: "c" }
    expect(problems(withProject(secrets), production)[0]).toMatch(
      /^projectConfig\.redis_url: is required in production/,
    )
    const explicit = resolveConfig(
      withProject(secrets, { modules: { cache: { resolve: "@medusajs/cache-inmemory" } } }),
      production,
    )
    expect(explicit.modules.cache.resolve).toBe("memory")
  })

  test("the error message lists every problem", () => {
    try {
      resolveConfig(withProject({}), production)
    } catch (error) {
      const message = (error as Error).message
      expect(message).toMatch(/^Invalid medusa\.config\.ts:\n/)
      for (const option of ["jwt_secret", "cookie_secret", "redis_url"])
        expect(message).toContain(`\n  - projectConfig.${option}: `)
      return
    }
    throw new Error("expected a ConfigError")
  })
})

describe("CORS lists", () => {
  test("exact origins and /regex/flags entries", () => {
    const { store_cors } = resolveConfig(
      withProject({ store_cors: "http://shop.test, /^https:\\/\\/.+\\.vercel\\.app$/i ,#^http://localhost:\\d+$#" }),
    ).projectConfig
    expect(store_cors).toHaveLength(3)
    expect(originAllowed(store_cors, "http://shop.test")).toBe(true)
    expect(originAllowed(store_cors, "https://preview-42.VERCEL.app")).toBe(true)
    expect(originAllowed(store_cors, "http://localhost:3000")).toBe(true)
    expect(originAllowed(store_cors, "http://shop.test.evil.com")).toBe(false)
    expect(originAllowed(store_cors, "https://vercel.app.evil.com")).toBe(false)
  })

  test("a trailing slash on an exact origin is ignored, as browsers never send one", () => {
    const { admin_cors } = resolveConfig(withProject({ admin_cors: "https://admin.test/" })).projectConfig
    expect(originAllowed(admin_cors, "https://admin.test")).toBe(true)
  })

  test("g and y flags are dropped so that matching is stateless", () => {
    const { store_cors } = resolveConfig(withProject({ store_cors: "/^http:\\/\\/a\\.test$/g" })).projectConfig
    expect(originAllowed(store_cors, "http://a.test")).toBe(true)
    expect(originAllowed(store_cors, "http://a.test")).toBe(true)
  })

  test("an invalid regular expression and * are refused", () => {
    expect(problems(withProject({ admin_cors: "/([a-z/" }))[0]).toMatch(
      /^projectConfig\.admin_cors: \/\(\[a-z\/ is not a valid regular expression/,
    )
    expect(problems(withProject({ auth_cors: "*" }))[0]).toMatch(
      /^projectConfig\.auth_cors: "\*" is not allowed with credentials/,
    )
  })

  test("auth_cors is its own list when set", () => {
    const { auth_cors } = resolveConfig(withProject({ auth_cors: "https://auth.test" })).projectConfig
    expect(auth_cors).toEqual(["https://auth.test"])
  })
})

describe("plugins and modules", () => {
  test("plugins as names or { resolve, options }", () => {
    const config = resolveConfig(
      withProject({}, { plugins: ["medusa-plugin-a", { resolve: "./plugins/b", options: { x: 1 } }] }),
    )
    expect(config.plugins).toEqual([
      { resolve: "medusa-plugin-a", options: {} },
      { resolve: "./plugins/b", options: { x: 1 } },
    ])
  })

  test("a malformed plugin entry is named", () => {
    expect(problems(withProject({}, { plugins: [{ options: {} }] as never }))[0]).toMatch(/^plugins\.0: /)
    expect(problems(withProject({}, { plugins: [{ resolve: "" }] }))[0]).toMatch(/^plugins\.0/)
  })

  test("Medusa's module names are aliases of the local ones", () => {
    const config = resolveConfig(
      withProject(
        {},
        {
          modules: {
            eventBus: { resolve: "@medusajs/event-bus-local" },
            cache: { resolve: "@medusajs/cache-inmemory", options: { ttl: 60 } },
          },
        },
      ),
    )
    const { eventBus, cache } = config.modules
    expect({ eventBus, cache }).toEqual({
      eventBus: { resolve: "local", options: {} },
      cache: { resolve: "memory", options: { ttl: 60 } },
    })
  })

  test("qstash takes its token and signing keys; missing ones are named", () => {
    const options = {
      token: "qt",
      currentSigningKey: "k1",
      nextSigningKey: "k2",
      publicUrl: "https://shop.example.com/",
    }
    const config = resolveConfig(withProject({}, { modules: { eventBus: { resolve: "qstash", options } } }))
    expect(config.modules.eventBus).toEqual({
      resolve: "qstash",
      options: { ...options, publicUrl: "https://shop.example.com", retries: 3 },
    })
    expect(
      problems(withProject({}, { modules: { eventBus: { resolve: "qstash", options: { token: "qt" } } } })),
    ).toEqual([
      "modules.eventBus.options.currentSigningKey: currentSigningKey is required: set QSTASH_CURRENT_SIGNING_KEY",
      "modules.eventBus.options.nextSigningKey: nextSigningKey is required: set QSTASH_NEXT_SIGNING_KEY",
      "modules.eventBus.options.publicUrl: publicUrl is required: set PUBLIC_URL to the Worker's https:// address, where QStash delivers",
    ])
  })

  test("a ./path or package is a custom module, built in from the registry", () => {
    const config = resolveConfig(
      withProject(
        {},
        {
          modules: {
            cache: { resolve: "./src/my-cache", options: { size: 10 } },
            eventBus: { resolve: "@acme/event-bus" },
          },
        },
      ),
    )
    expect(config.modules.cache).toEqual({ resolve: "custom", path: "./src/my-cache", options: { size: 10 } })
    expect(config.modules.eventBus).toEqual({ resolve: "custom", path: "@acme/event-bus", options: {} })
  })

  test("upstash cache without redis, an unknown module and stray options are refused", () => {
    expect(problems(withProject({}, { modules: { cache: { resolve: "upstash" } } }))[0]).toMatch(
      /^modules\.cache: the upstash cache needs redis_url/,
    )
    expect(problems(withProject({}, { modules: { eventBus: { resolve: "Kafka Bus!" } } }))[0]).toMatch(
      /^modules\.eventBus\.resolve: unknown module "Kafka Bus!": use one of local, .*, or a \.\/path or package implementing the module$/,
    )
    expect(problems(withProject({}, { modules: { eventBus: { resolve: "local", options: { x: 1 } } } }))).toEqual([
      "modules.eventBus.options: the local event bus takes no options",
    ])
    expect(problems(withProject({}, { modules: { queue: { resolve: "x" } } } as never))[0]).toMatch(
      /^modules: Unrecognized key: "queue"/,
    )
  })
})

describe("unknown and Medusa v2 names", () => {
  test("an unknown option is named", () => {
    expect(problems(withProject({ databse_url: "x" }))).toEqual(['projectConfig: Unrecognized key: "databse_url"'])
    expect(problems({ ...withProject({}), extra: 1 })).toEqual(['Unrecognized key: "extra"'])
  })

  test("v2 camelCase names and http.* are accepted", () => {
    const config = resolveConfig({
      projectConfig: {
        databaseUrl: URL_,
        databaseLogging: true,
        redisUrl: "rediss://default:tok@r.upstash.io:6379",
        http: {
          jwtSecret: "j",
          cookieSecret: "c",
          storeCors: "http://s.test",
          adminCors: "http://a.test",
          authCors: "http://x.test",
        },
      },
    })
    expect(config.projectConfig).toMatchObject({
      database_url: URL_,
      database_logging: true,
      jwt_secret: "j",
      cookie_secret: "c",
      store_cors: ["http://s.test"],
      admin_cors: ["http://a.test"],
      auth_cors: ["http://x.test"],
      redis: { url: "https://r.upstash.io", token: "tok" },
    })
  })

  test("both spellings of one option, or an unknown http option, are refused", () => {
    expect(problems(withProject({ databaseUrl: URL_ }))).toEqual([
      "projectConfig.databaseUrl: is the same option as database_url: set only one of them",
    ])
    expect(problems(withProject({ http: { compression: true } }))).toEqual([
      "projectConfig.http.compression: is not a supported option",
    ])
  })
})
