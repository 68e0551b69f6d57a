/**
 * Word lists shared by the demo catalog and its images. Brand and collection names are
 * invented; none is meant to be a real trademark.
 */

export interface Brand {
  name: string;
  /** Three letters that start every SKU of the brand. */
  code: string;
  /** Slugs of the top-level categories the brand sells in. */
  categories: readonly string[];
}

export const BRANDS: readonly Brand[] = [
  { name: 'Northloom', code: 'NLM', categories: ['apparel', 'accessories', 'home'] },
  { name: 'Tidewell', code: 'TDW', categories: ['outdoor', 'apparel', 'footwear'] },
  { name: 'Fernhollow', code: 'FRN', categories: ['home', 'beauty', 'pets'] },
  { name: 'Brightfen', code: 'BRF', categories: ['tech-accessories', 'stationery'] },
  { name: 'Quillwork', code: 'QLW', categories: ['stationery', 'accessories'] },
  { name: 'Cinderlane', code: 'CDL', categories: ['home', 'beauty', 'kitchen'] },
  { name: 'Saltmarsh Supply', code: 'SMS', categories: ['outdoor', 'footwear', 'accessories'] },
  { name: 'Juniper Row', code: 'JNR', categories: ['apparel', 'beauty'] },
  { name: 'Lumenfox', code: 'LMF', categories: ['tech-accessories', 'home'] },
  { name: 'Oakhaven Works', code: 'OHW', categories: ['kitchen', 'footwear'] },
  { name: 'Mossgrove', code: 'MSG', categories: ['outdoor', 'apparel', 'pets'] },
  { name: 'Parcel Street', code: 'PST', categories: ['accessories', 'stationery', 'tech-accessories'] },
  { name: 'Kilnhouse', code: 'KLN', categories: ['kitchen', 'home'] },
  { name: 'Everfield Athletic', code: 'EVF', categories: ['footwear', 'apparel'] },
  { name: 'Pawcroft', code: 'PWC', categories: ['pets'] },
];

/** First words of product names, like a shop's named collections ("Harbor", "Alder"). */
export const COLLECTIONS: readonly string[] = [
  'Harbor',
  'Alder',
  'Summit',
  'Cove',
  'Birch',
  'Ember',
  'Granite',
  'Meadow',
  'Drift',
  'Ridge',
  'Willow',
  'Cedar',
  'Fjord',
  'Marlow',
  'Solstice',
  'Tundra',
  'Hollow',
  'Larkspur',
  'Basalt',
  'Coast',
  'Aspen',
  'Bramble',
  'Canyon',
  'Dune',
  'Evergreen',
  'Foxglove',
  'Glen',
  'Heath',
  'Isle',
  'Kelp',
  'Lichen',
  'Moor',
  'Nimbus',
  'Orchard',
  'Pebble',
  'Quarry',
  'Rowan',
  'Sorrel',
  'Thistle',
  'Umber',
  'Vale',
  'Wren',
  'Yarrow',
  'Zephyr',
];

export interface Colour {
  name: string;
  /** Three letters used in SKUs. */
  code: string;
  hex: string;
}

export const COLOURS = {
  Black: { name: 'Black', code: 'BLK', hex: '#26282e' },
  Chalk: { name: 'Chalk', code: 'CHK', hex: '#efece4' },
  Navy: { name: 'Navy', code: 'NVY', hex: '#27395c' },
  Forest: { name: 'Forest', code: 'FOR', hex: '#2f5a45' },
  Sage: { name: 'Sage', code: 'SAG', hex: '#8fa98a' },
  Sand: { name: 'Sand', code: 'SND', hex: '#d6c19c' },
  Rust: { name: 'Rust', code: 'RST', hex: '#b5552f' },
  Terracotta: { name: 'Terracotta', code: 'TER', hex: '#c46b4b' },
  Ochre: { name: 'Ochre', code: 'OCH', hex: '#d2a03a' },
  Sky: { name: 'Sky', code: 'SKY', hex: '#7fb2d9' },
  Charcoal: { name: 'Charcoal', code: 'CHR', hex: '#474b52' },
  Plum: { name: 'Plum', code: 'PLM', hex: '#6d3f5b' },
  Blush: { name: 'Blush', code: 'BLU', hex: '#e4aba3' },
  Olive: { name: 'Olive', code: 'OLV', hex: '#6f7443' },
  Cream: { name: 'Cream', code: 'CRM', hex: '#f1e6cc' },
  Cobalt: { name: 'Cobalt', code: 'COB', hex: '#2f5fb3' },
  Coral: { name: 'Coral', code: 'CRL', hex: '#e8765f' },
  Mint: { name: 'Mint', code: 'MNT', hex: '#9fd3bf' },
  Walnut: { name: 'Walnut', code: 'WAL', hex: '#6b4a33' },
  Slate: { name: 'Slate', code: 'SLT', hex: '#5d6b7a' },
  Lilac: { name: 'Lilac', code: 'LIL', hex: '#b5a2d3' },
} as const satisfies Record<string, Colour>;

export type ColourName = keyof typeof COLOURS;

/** Looks a colour up by its display name; undefined for names the demo does not use. */
export function colourByName(name: string): Colour | undefined {
  return Object.hasOwn(COLOURS, name) ? COLOURS[name as ColourName] : undefined;
}
