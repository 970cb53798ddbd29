import { Ratelimit } from "@upstash/ratelimit"
import { Redis } from "@upstash/redis/cloudflare"
import type { ResolvedConfig } from "../config"

export interface RateLimitRule {
  name: string
  limit: number
  windowSeconds: number
}

export interface RateLimitResult {
  success: boolean
  /** epoch milliseconds when the window resets */
  reset: number
}

export interface RateLimiter {
  limit(rule: RateLimitRule, key: string): Promise<RateLimitResult>
}

/** Upstash Redis when configured (shared by every isolate); otherwise memory, for development only. */
export function createRateLimiter(config: ResolvedConfig): RateLimiter {
  const { redis, redis_prefix } = config.projectConfig
  return redis ? upstashLimiter(new Redis({ url: redis.url, token: redis.token }), redis_prefix) : memoryLimiter()
}

export function upstashLimiter(redis: Redis, prefix: string): RateLimiter {
  const limiters = new Map<string, Ratelimit>()
  return {
    async limit(rule, key) {
      let limiter = limiters.get(rule.name)
      if (!limiter) {
        limiter = new Ratelimit({
          redis,
          limiter: Ratelimit.fixedWindow(rule.limit, `${rule.windowSeconds} s`),
          prefix: `${prefix}ratelimit:${rule.name}`,
        })
        limiters.set(rule.name, limiter)
      }
      const { success, reset } = await limiter.limit(key)
      return { success, reset }
    },
  }
}

/** Fixed windows in this isolate's memory: right for `npm run dev`, useless across Worker isolates. */
export function memoryLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; reset: number }>()
  return {
    async limit(rule, key) {
      const id = `${rule.name}:${key}`
      const time = now()
      let window = windows.get(id)
      if (!window || window.reset <= time) {
        window = { count: 0, reset: time + rule.windowSeconds * 1000 }
        windows.set(id, window)
      }
      window.count++
      return { success: window.count <= rule.limit, reset: window.reset }
    },
  }
}

declare module "../core/container" {
  interface ServiceMap {
    rateLimiterService: RateLimiter
  }
}
