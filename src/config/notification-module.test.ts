import { describe, expect, test } from "vitest"
import { resolveNotificationModule } from "./notification-module"

type Issue = { path: string; message: string }

const resolve = (options: Record<string, unknown> | undefined, isProduction = false) => {
  const issues: Issue[] = []
  const module = resolveNotificationModule(
    options === undefined ? undefined : { resolve: "@medusajs/medusa/notification", options },
    { isProduction, env: {} },
    issues,
  )
  return { module, issues: issues.map((issue) => `${issue.path}: ${issue.message}`) }
}

const local = (channels: string[], id = "local") => ({
  resolve: "@medusajs/medusa/notification-local",
  id,
  options: { channels },
})
const resend = (options: Record<string, unknown>) => ({ resolve: "resend", id: "resend", options })

describe("modules.notification", () => {
  test("no config: the local provider on email and feed", () => {
    for (const options of [undefined, {}, { providers: [] }]) {
      expect(resolve(options)).toEqual({
        module: { providers: [{ resolve: "local", id: "local", options: { channels: ["email", "feed"] } }] },
        issues: [],
      })
    }
  })

  test("Medusa's shape: local on feed, Resend on email, with Resend's API as the default base URL", () => {
    const { module, issues } = resolve({
      providers: [local(["feed"]), resend({ channels: ["email"], api_key: "re_key", from: "shop@example.com" })],
    })
    expect(issues).toEqual([])
    expect(module.providers).toEqual([
      { resolve: "local", id: "local", options: { channels: ["feed"] } },
      {
        resolve: "resend",
        id: "resend",
        options: {
          channels: ["email"],
          api_key: "re_key",
          from: "shop@example.com",
          base_url: "https://api.resend.com",
        },
      },
    ])
  })

  test("base_url is taken without its trailing slash; a development sender stands in for a missing from", () => {
    const { module, issues } = resolve({
      providers: [resend({ channels: ["email"], api_key: "re_key", base_url: "http://127.0.0.1:4000/" })],
    })
    expect(issues).toEqual([])
    expect(module.providers[0]!.options).toMatchObject({
      base_url: "http://127.0.0.1:4000",
      from: "onboarding@resend.dev",
    })
  })

  test("production refuses Resend without its key or its sender, naming the variables", () => {
    const { issues } = resolve({ providers: [resend({ channels: ["email"], api_key: "", from: undefined })] }, true)
    expect(issues).toEqual([
      "modules.notification.options.providers.0.options.api_key: is required: set RESEND_API_KEY",
      expect.stringMatching(
        /^modules\.notification\.options\.providers\.0\.options\.from: is required in production .*NOTIFICATION_FROM/,
      ),
    ])
    expect(resolve({ providers: [resend({ channels: ["email"], api_key: "k", from: "a@b.c" })] }, true).issues).toEqual(
      [],
    )
  })

  test("a channel served by two providers is an error, and so is an id used twice", () => {
    expect(
      resolve({ providers: [local(["email", "feed"]), resend({ channels: ["email"], api_key: "k" })] }).issues,
    ).toEqual([
      'modules.notification: the channel "email" is served by two providers ("local" and "resend"): give each channel one',
    ])
    expect(resolve({ providers: [local(["feed"]), local(["email"])] }).issues).toEqual([
      'modules.notification: two providers have the id "local"',
    ])
  })

  test("unknown providers, modules and options are refused with their path", () => {
    expect(
      resolve({ providers: [{ resolve: "sendgrid", id: "sg", options: { channels: ["email"] } }] }).issues,
    ).toEqual([
      'modules.notification.options.providers.0.resolve: unknown notification provider "sendgrid": use "@medusajs/medusa/notification-local" or "resend"',
    ])
    expect(resolve({ providers: [local([])] }).issues).toEqual([
      'modules.notification.options.providers.0.options.channels: channels must name at least one channel, e.g. ["email"]',
    ])
    expect(resolve({ providers: [{ ...local(["feed"]), options: { channels: ["feed"], typo: 1 } }] }).issues).toEqual([
      expect.stringMatching(/^modules\.notification\.options\.providers\.0\.options: .*typo/),
    ])
    expect(resolve({ providers: [{ ...local(["feed"]), id: "" }] }).issues).toEqual([
      "modules.notification.options.providers.0.id: id must be letters, digits, - and _",
    ])
    expect(resolve({ provider: [] }).issues).toEqual([expect.stringMatching(/^modules\.notification\.options: /)])
    const issues: Issue[] = []
    resolveNotificationModule(
      { resolve: "@medusajs/medusa/payment", options: {} },
      { isProduction: false, env: {} },
      issues,
    )
    expect(issues).toEqual([
      { path: "modules.notification.resolve", message: 'must be "@medusajs/medusa/notification"' },
    ])
  })
})
