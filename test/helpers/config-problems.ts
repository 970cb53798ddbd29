import { expect } from "vitest"
import { ConfigError, resolveConfig } from "../../src/config"

/** The messages resolveConfig refuses a config with; a config it accepts fails the test. */
export function problems(input: unknown, env: Record<string, string> = {}): string[] {
  try {
    resolveConfig(input, env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).issues
  }
  throw new Error("expected the config to be refused")
}
