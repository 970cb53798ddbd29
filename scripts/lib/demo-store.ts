// The demo store of `npm run seed`, shaped like Medusa's starter: two regions, apparel with size/colour variants.

export const EUROPE = {
  name: "Europe",
  currency_code: "eur",
  // Standard VAT rates in percent.
  countries: [
    { code: "gb", vat: "20" },
    { code: "de", vat: "19" },
    { code: "dk", vat: "25" },
    { code: "se", vat: "25" },
    { code: "fr", vat: "20" },
    { code: "es", vat: "21" },
    { code: "it", vat: "22" },
  ],
}

export const UNITED_STATES = {
  name: "United States",
  currency_code: "usd",
  // Sales tax depends on the state; none at the country level.
  countries: [{ code: "us", vat: "0" }],
}

export const SHIPPING_OPTIONS = [
  {
    name: "Standard Shipping",
    type: { label: "Standard", description: "Ship in 2-3 days.", code: "standard" },
    amount: { eur: "10", usd: "10" } as Record<string, string>,
  },
  {
    name: "Express Shipping",
    type: { label: "Express", description: "Ship in 24 hours.", code: "express" },
    amount: { eur: "20", usd: "22.50" } as Record<string, string>,
  },
]

const IMAGES = "https://medusa-public-images.s3.eu-west-1.amazonaws.com"
const SIZES = ["S", "M", "L", "XL"]

function sized(prefix: string, extra: Record<string, string> = {}, suffix = "") {
  return SIZES.map((size) => ({
    title: [size, ...Object.values(extra)].join(" / "),
    sku: `${prefix}-${size}${suffix}`,
    options: { Size: size, ...extra },
  }))
}

export const DEMO_PRODUCTS = [
  {
    title: "Medusa T-Shirt",
    handle: "t-shirt",
    category: "Shirts",
    description:
      "Reimagine the feeling of a classic T-shirt. With our cotton T-shirts, everyday essentials no longer have to be ordinary.",
    images: [
      `${IMAGES}/tee-black-front.png`,
      `${IMAGES}/tee-black-back.png`,
      `${IMAGES}/tee-white-front.png`,
      `${IMAGES}/tee-white-back.png`,
    ],
    tags: ["cotton", "summer"],
    options: [
      { title: "Size", values: SIZES },
      { title: "Color", values: ["Black", "White"] },
    ],
    variants: [...sized("SHIRT", { Color: "Black" }, "-BLACK"), ...sized("SHIRT", { Color: "White" }, "-WHITE")],
    price: { eur: "19.50", usd: "22" },
    stock: 100,
  },
  {
    title: "Medusa Sweatshirt",
    handle: "sweatshirt",
    category: "Sweatshirts",
    description:
      "Reimagine the feeling of a classic sweatshirt. With our cotton sweatshirt, everyday essentials no longer have to be ordinary.",
    images: [`${IMAGES}/sweatshirt-vintage-front.png`, `${IMAGES}/sweatshirt-vintage-back.png`],
    tags: ["cotton", "winter"],
    options: [{ title: "Size", values: SIZES }],
    variants: sized("SWEATSHIRT"),
    price: { eur: "39", usd: "45" },
    stock: 100,
  },
  {
    title: "Medusa Sweatpants",
    handle: "sweatpants",
    category: "Pants",
    description:
      "Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",
    images: [`${IMAGES}/sweatpants-gray-front.png`, `${IMAGES}/sweatpants-gray-back.png`],
    tags: ["cotton", "winter"],
    options: [{ title: "Size", values: SIZES }],
    variants: sized("SWEATPANTS"),
    price: { eur: "35", usd: "40" },
    stock: 100,
  },
  {
    title: "Medusa Shorts",
    handle: "shorts",
    category: "Merch",
    description:
      "Reimagine the feeling of classic shorts. With our cotton shorts, everyday essentials no longer have to be ordinary.",
    images: [`${IMAGES}/shorts-vintage-front.png`, `${IMAGES}/shorts-vintage-back.png`],
    tags: ["cotton", "summer"],
    options: [{ title: "Size", values: SIZES }],
    variants: sized("SHORTS"),
    price: { eur: "25", usd: "29.99" },
    stock: 100,
  },
]
