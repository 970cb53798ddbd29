import { describe, expect, test } from "vitest"
import { escapeHtml, renderTemplate } from "./templates"

describe("notification templates", () => {
  test("the order confirmation lists lines and exact totals, with user data escaped in HTML", () => {
    const content = renderTemplate("order-placed", {
      display_id: 42,
      currency_code: "eur",
      items: [{ title: `<script>alert("x")</script> & Tee`, quantity: 2, total: "23.976" }],
      shipping_total: "12",
      tax_total: "5.992",
      total: "35.976",
    })
    expect(content.subject).toBe("Order #42 confirmed")
    expect(content.text).toContain(`2 × <script>alert("x")</script> & Tee: 23.976 EUR`)
    expect(content.text).toContain("Total: 35.976 EUR")
    expect(content.html).not.toContain("<script>")
    expect(content.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tee")
  })

  test("links are escaped as attributes, so a crafted URL cannot leave its href", () => {
    const content = renderTemplate("password-reset", {
      url: `https://a.example/r?token=t&email=e"><img src=x>`,
      email: "e",
    })
    expect(content.html).toContain('href="https://a.example/r?token=t&amp;email=e&quot;&gt;&lt;img src=x&gt;"')
    expect(content.html).not.toContain("<img")
  })

  test("an unknown template is sent as its name and data", () => {
    const content = renderTemplate("my-template", { a: "<b>" })
    expect(content.subject).toBe("my-template")
    expect(content.text).toBe(JSON.stringify({ a: "<b>" }, null, 2))
    expect(content.html).toContain("&lt;b&gt;")
    expect(renderTemplate("constructor", null).subject).toBe("constructor")
    expect(escapeHtml(`'`)).toBe("&#39;")
  })
})
