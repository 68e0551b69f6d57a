import type { Rng } from './prng.js';
import type { ProductCopy } from './product-copy.js';
import { CARE_NOTES, PROMISES } from './product-copy.js';
import { COLLECTIONS } from './word-lists.js';

/** Turns a display name into a handle matching `^[a-z0-9]+(?:-[a-z0-9]+)*$`. */
export function toHandle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface ProductName {
  name: string;
  descriptor: string;
  noun: string;
}

/**
 * Picks a "<collection> <descriptor> <noun>" name not yet in `taken`. After a few collisions it
 * falls back to a numbered edition so generation never loops forever on a huge catalog.
 */
export function inventName(rng: Rng, copy: ProductCopy, taken: ReadonlySet<string>): ProductName {
  for (let attempt = 0; attempt < 40; attempt++) {
    const descriptor = rng.pick(copy.descriptors);
    const noun = rng.pick(copy.nouns);
    const name = `${rng.pick(COLLECTIONS)} ${descriptor} ${noun}`;
    if (!taken.has(toHandle(name))) return { name, descriptor, noun };
  }
  const descriptor = rng.pick(copy.descriptors);
  const noun = rng.pick(copy.nouns);
  const base = `${rng.pick(COLLECTIONS)} ${descriptor} ${noun}`;
  let edition = 2;
  while (taken.has(toHandle(`${base} No ${edition}`))) edition++;
  return { name: `${base} No ${edition}`, descriptor, noun };
}

// Headphones and sunglasses come in pairs; "a headphones" would read like a machine wrote it.
const PAIRED = /(phones|glasses|shades|aviators)$/i;

/** "in linen that softens" but "in linen, with a zip": restrictive clauses take no comma. */
function joinUse(material: string, use: string): string {
  return use.startsWith('that ') ? `${material} ${use}` : `${material}, ${use}`;
}

function withArticle(phrase: string): string {
  if (PAIRED.test(phrase)) return `a pair of ${phrase}`;
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

export interface DescriptionRequest {
  rng: Rng;
  copy: ProductCopy;
  topSlug: string;
  name: ProductName;
  brand: string;
  colourCount: number;
}

export interface ProductText {
  shortDescription: string;
  descriptionHtml: string;
  material: string;
}

/**
 * Writes the one-sentence summary and the description HTML. The HTML uses only p, ul, li,
 * strong and em, the subset storefronts are expected to allow after sanitising.
 */
export function describeProduct(req: DescriptionRequest): ProductText {
  const { rng, copy } = req;
  const noun = req.name.noun.toLowerCase().replace('chelsea', 'Chelsea');
  const descriptor = req.name.descriptor.toLowerCase();
  const matching = copy.materials.filter((m) => m.includes(descriptor));
  const material = rng.pick(matching.length > 0 ? matching : copy.materials);
  const [firstUse, secondUse] = rng.shuffle(copy.uses);
  const summary = `${withArticle(noun)} in ${joinUse(material, firstUse ?? 'made to last')}.`;
  const shortDescription = summary.charAt(0).toUpperCase() + summary.slice(1);

  const features = rng.shuffle(copy.features).slice(0, rng.int(3, 4));
  if (req.colourCount > 1) features.push(`Available in ${req.colourCount} colours`);
  const care = rng.pick(CARE_NOTES[req.topSlug] ?? PROMISES);
  const promise = rng.pick(PROMISES);

  const descriptionHtml =
    `<p>The <strong>${req.name.name}</strong> from ${req.brand} is ${withArticle(noun)} in ` +
    `${joinUse(material, secondUse ?? firstUse ?? 'made to last')}.</p>` +
    `<p>${care} <em>${promise}</em></p>` +
    `<ul>${features.map((f) => `<li>${f}</li>`).join('')}</ul>`;
  return { shortDescription, descriptionHtml, material };
}

export interface TagRequest {
  topSlug: string;
  subSlug: string;
  descriptor: string;
  colours: readonly string[];
  onSale: boolean;
  createdAt: string;
  rating: { average: number; count: number };
  giftIdea: boolean;
}

/** Tags are lower-case handles so they work as search terms and URL filters alike. */
export function tagProduct(req: TagRequest): string[] {
  const tags = [req.topSlug, req.subSlug, toHandle(req.descriptor), ...req.colours.map(toHandle)];
  if (req.onSale) tags.push('sale');
  // The demo's "today" is the end of 2026, so the last quarter counts as new.
  if (req.createdAt >= '2026-10-01') tags.push('new');
  if (req.rating.count >= 150 && req.rating.average >= 4.5) tags.push('bestseller');
  if (req.giftIdea) tags.push('gift-idea');
  return [...new Set(tags)];
}
