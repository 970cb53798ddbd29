/** What a mail says: its subject and its text and HTML bodies. */
export interface RenderedContent {
  subject: string
  text: string
  html: string
}

type Data = Record<string, unknown>

/** Every user-supplied value goes into HTML through this. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  )
}

const str = (value: unknown) => (value === undefined || value === null ? "" : String(value))

const page = (title: string, body: string) =>
  `<!doctype html><html><body style="font-family:sans-serif"><h1>${escapeHtml(title)}</h1>${body}</body></html>`

const link = (url: unknown, label: string) =>
  `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p><p>${escapeHtml(url)}</p>`

interface OrderLine {
  title?: unknown
  quantity?: unknown
  total?: unknown
}

function orderPlaced(data: Data): RenderedContent {
  const currency = str(data.currency_code).toUpperCase()
  const items = (Array.isArray(data.items) ? data.items : []) as OrderLine[]
  const subject = `Order #${str(data.display_id)} confirmed`
  const lines = items.map((item) => `${str(item.quantity)} × ${str(item.title)}: ${str(item.total)} ${currency}`)
  const text = [
    "Thank you for your order.",
    "",
    ...lines,
    "",
    `Shipping: ${str(data.shipping_total)} ${currency}`,
    `Tax: ${str(data.tax_total)} ${currency}`,
    `Total: ${str(data.total)} ${currency}`,
  ].join("\n")
  const rows = items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.quantity)} × ${escapeHtml(item.title)}</td><td>${escapeHtml(item.total)} ${escapeHtml(currency)}</td></tr>`,
    )
    .join("")
  const html = page(
    subject,
    `<p>Thank you for your order.</p><table>${rows}</table>` +
      `<p>Shipping: ${escapeHtml(data.shipping_total)} ${escapeHtml(currency)}<br>Tax: ${escapeHtml(data.tax_total)} ${escapeHtml(currency)}<br>` +
      `<strong>Total: ${escapeHtml(data.total)} ${escapeHtml(currency)}</strong></p>`,
  )
  return { subject, text, html }
}

function passwordReset(data: Data): RenderedContent {
  const subject = "Reset your password"
  const text = `Someone asked to reset the password of ${str(data.email)}.\nOpen this link to choose a new one (it expires in 15 minutes):\n${str(data.url)}\n\nIf it was not you, ignore this mail.`
  const html = page(
    subject,
    `<p>Someone asked to reset the password of ${escapeHtml(data.email)}.</p>${link(data.url, "Choose a new password")}<p>If it was not you, ignore this mail.</p>`,
  )
  return { subject, text, html }
}

function userInvite(data: Data): RenderedContent {
  const subject = "You are invited to the store's admin"
  const text = `You are invited to join the store's admin as ${str(data.email)}.\nAccept the invite:\n${str(data.url)}`
  const html = page(
    subject,
    `<p>You are invited to join the store's admin as ${escapeHtml(data.email)}.</p>${link(data.url, "Accept the invite")}`,
  )
  return { subject, text, html }
}

/** A template the app does not know: its name and data, so the message still says something. */
function generic(template: string, data: Data): RenderedContent {
  const text = JSON.stringify(data, null, 2)
  return { subject: template, text, html: page(template, `<pre>${escapeHtml(text)}</pre>`) }
}

const TEMPLATES: Record<string, (data: Data) => RenderedContent> = {
  "order-placed": orderPlaced,
  "password-reset": passwordReset,
  "user-invite": userInvite,
}

/** The built-in templates (order-placed, password-reset, user-invite), or a plain rendering of any other. */
export function renderTemplate(template: string, data: Data | null | undefined): RenderedContent {
  const render = Object.hasOwn(TEMPLATES, template) ? TEMPLATES[template]! : (d: Data) => generic(template, d)
  return render(data ?? {})
}
