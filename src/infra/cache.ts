import { Redis } from "@upstash/redis/cloudflare"
import type { ResolvedConfig } from "../config"

/** Medusa's cache module interface: JSON values by key, with a time to live in seconds. */
export interface CacheService {
  get<T>(key: string): Promise<T | null>
  set(key: string, value: unknown, ttlSeconds?: number): Promise<void>
  invalidate(key: string): Promise<void>
}

/** Upstash Redis (shared by all isolates) or memory (this isolate only: development). */
export function createCache(config: ResolvedConfig): CacheService {
  const cache = config.modules.cache
  const prefix = config.projectConfig.redis_prefix
  if (cache.resolve === "custom") throw new Error(`cache module ${cache.path} is built in from the registry, not here`)
  if (cache.resolve === "upstash") {
    const redis = new Redis({ url: cache.options.redis.url, token: cache.options.redis.token })
    return {
      get: (key) => redis.get(prefix + key),
      async set(key, value, ttl = cache.options.ttl) {
        await redis.set(prefix + key, value, { ex: ttl })
      },
      async invalidate(key) {
        await redis.del(prefix + key)
      },
    }
  }
  const entries = new Map<string, { value: string; expires: number }>()
  return {
    async get<T>(key: string) {
      const entry = entries.get(key)
      if (!entry || entry.expires <= Date.now()) return null
      return JSON.parse(entry.value) as T
    },
    async set(key, value, ttl = cache.options.ttl) {
      entries.set(key, { value: JSON.stringify(value), expires: Date.now() + ttl * 1000 })
    },
    async invalidate(key) {
      entries.delete(key)
    },
  }
}

declare module "../core/container" {
  interface ServiceMap {
    cacheService: CacheService
  }
}
