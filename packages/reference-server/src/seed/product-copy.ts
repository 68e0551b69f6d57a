/**
 * The words product names and descriptions are assembled from, per subcategory slug.
 * Names read "<collection> <descriptor> <noun>"; descriptors never repeat a noun's word, and a
 * descriptor that names a material ("Linen") always has a material containing it, so the
 * description cannot contradict the name.
 */

export interface ProductCopy {
  nouns: readonly string[];
  descriptors: readonly string[];
  /** Completes "a mug in …". */
  materials: readonly string[];
  /** Completes "a mug in stoneware, …". */
  uses: readonly string[];
  features: readonly string[];
}

export const PRODUCT_COPY: Readonly<Record<string, ProductCopy>> = {
  't-shirts': {
    nouns: ['Tee', 'Pocket Tee', 'Crew T-shirt'],
    descriptors: ['Heavyweight', 'Everyday', 'Slub', 'Garment-Dyed', 'Organic', 'Boxy'],
    materials: ['combed organic cotton', '220 gsm cotton jersey', 'a cotton and hemp blend'],
    uses: [
      'cut to sit just right on its own or under a shirt',
      'made to soften with every wash',
      'with a relaxed fit through the body',
    ],
    features: [
      'Ribbed crew neck that keeps its shape',
      'Pre-washed to limit shrinkage',
      'Side-seamed for a straight hang',
      'Double-needle hems',
      'Knitted and sewn in Portugal',
    ],
  },
  hoodies: {
    nouns: ['Hoodie', 'Zip Hoodie', 'Pullover Hoodie'],
    descriptors: ['Heavyweight', 'Brushed', 'Loopback', 'Fleece', 'Garment-Dyed', 'Relaxed'],
    materials: ['brushed organic cotton', 'loopback French terry', 'recycled cotton fleece'],
    uses: ['made for cold mornings and long walks', 'built to be worn for years', 'with room to layer underneath'],
    features: [
      'Double-layer hood with flat drawcords',
      'Kangaroo pocket with bar-tacked corners',
      'Ribbed cuffs and hem',
      'Dropped shoulder for easy movement',
      'Brushed inside for warmth',
    ],
  },
  jackets: {
    nouns: ['Jacket', 'Chore Jacket', 'Shell', 'Puffer'],
    descriptors: ['Waxed', 'Quilted', 'Ripstop', 'Packable', 'Storm', 'Canvas'],
    materials: ['waxed cotton canvas', 'recycled ripstop nylon', 'a water-resistant organic cotton twill'],
    uses: ['ready for drizzle and wind', 'made to wear in over many seasons', 'light enough to pack away'],
    features: [
      'Two-way zip with storm flap',
      'Four outside pockets',
      'Adjustable cuffs',
      'Taped seams against the rain',
      'Inner phone pocket',
    ],
  },
  sneakers: {
    nouns: ['Sneaker', 'Runner', 'Low-Top'],
    descriptors: ['Court', 'Trail', 'Canvas', 'Suede', 'Knit', 'Retro'],
    materials: ['suede and recycled mesh', 'vegetable-tanned leather', 'organic cotton canvas', 'a recycled knit'],
    uses: [
      'with a cushioned footbed for all-day wear',
      'on a grippy natural rubber sole',
      'made to go with everything',
    ],
    features: [
      'Natural rubber outsole',
      'Removable cork footbed',
      'Padded collar and tongue',
      'Recycled laces',
      'Stitched, not glued',
    ],
  },
  boots: {
    nouns: ['Boot', 'Chelsea Boot', 'Work Boot', 'Hiker'],
    descriptors: ['Leather', 'Waxed', 'Rugged', 'Lug-Sole', 'Shearling-Lined', 'Classic'],
    materials: ['full-grain leather', 'waxed suede', 'oiled nubuck'],
    uses: [
      'with a stitched welt you can resole',
      'made for wet pavements and muddy paths',
      'that gets better with every year',
    ],
    features: [
      'Stitch-welted construction',
      'Lugged rubber sole',
      'Leather lining',
      'Pull tab at the heel',
      'Water-resistant finish',
    ],
  },
  mugs: {
    nouns: ['Mug', 'Tall Mug', 'Camp Mug'],
    descriptors: ['Stoneware', 'Speckled', 'Enamel', 'Glazed', 'Handmade', 'Dipped'],
    materials: ['speckled stoneware', 'hand-thrown porcelain', 'enamelled steel'],
    uses: [
      'sized for a proper morning coffee',
      'with a handle that fits four fingers',
      'that keeps tea warm a little longer',
    ],
    features: [
      'Holds 350 ml',
      'Dishwasher and microwave safe',
      'Food-safe, lead-free glaze',
      'Each glaze varies slightly',
      'Thrown in a small studio',
    ],
  },
  candles: {
    nouns: ['Candle', 'Travel Candle', 'Jar Candle'],
    descriptors: ['Fig', 'Cedar', 'Sea Salt', 'Tobacco Leaf', 'Orange Blossom', 'Smoked Vetiver'],
    materials: ['soy and beeswax', 'coconut wax', 'a natural wax blend'],
    uses: ['poured by hand in small batches', 'with a cotton wick for a clean burn', 'in a reusable amber glass jar'],
    features: [
      'Burns for about 50 hours',
      'Cotton wick, lead free',
      'Reusable glass vessel',
      'Phthalate-free fragrance',
      'Poured in small batches',
    ],
  },
  cushions: {
    nouns: ['Cushion', 'Throw Pillow', 'Floor Cushion'],
    descriptors: ['Linen', 'Boucle', 'Wool', 'Striped', 'Woven', 'Tufted'],
    materials: ['stonewashed linen', 'textured wool boucle', 'handwoven cotton'],
    uses: ['with a feather-and-down inner', 'that softens any sofa or bed', 'in a cover you can wash'],
    features: [
      'Hidden zip closure',
      'Removable, washable cover',
      'Feather-and-down inner included',
      'Piped edges',
      'Woven on traditional looms',
    ],
  },
  lamps: {
    nouns: ['Lamp', 'Table Lamp', 'Desk Lamp'],
    descriptors: ['Ceramic', 'Mushroom', 'Globe', 'Arc', 'Pleated', 'Dimmable'],
    materials: ['glazed ceramic and linen', 'powder-coated steel', 'mouth-blown opal glass'],
    uses: ['for a warm pool of evening light', 'with a touch dimmer in the base', 'sized for a bedside or desk'],
    features: [
      'Warm 2700 K LED bulb included',
      'Three-step touch dimmer',
      'Braided fabric cable',
      'Weighted base',
      'E26 socket',
    ],
  },
  pans: {
    nouns: ['Skillet', 'Frying Pan', 'Saute Pan'],
    descriptors: ['Cast Iron', 'Carbon Steel', 'Ceramic', 'Seasoned', 'Tri-Ply', 'Everyday'],
    materials: ['pre-seasoned cast iron', 'carbon steel', 'tri-ply stainless steel', 'ceramic-coated aluminium'],
    uses: ['that goes from hob to oven', 'that only gets better with use', 'with even heat from edge to edge'],
    features: [
      'Works on induction',
      'Oven safe to 260 °C',
      'Pre-seasoned and ready to use',
      'Helper handle for lifting',
      'Made to be passed on',
    ],
  },
  knives: {
    nouns: ['Chef Knife', 'Paring Knife', 'Bread Knife', 'Santoku'],
    descriptors: ['Forged', 'Damascus', 'Everyday', 'Balanced', 'Carbon', 'Hand-Honed'],
    materials: ['high-carbon stainless steel', 'layered Damascus steel', 'Japanese carbon steel'],
    uses: ['with a handle that fits any grip', 'sharpened by hand before it ships', 'balanced at the bolster'],
    features: [
      'Full tang',
      'Hand-finished 15° edge',
      'Riveted handle',
      'Comes with a blade guard',
      'Hand wash to keep it sharp',
    ],
  },
  teapots: {
    nouns: ['Teapot', 'Kettle', 'Tea Set'],
    descriptors: ['Cast Iron', 'Stoneware', 'Glass', 'Enamel', 'Stovetop', 'Pour-Over'],
    materials: ['glazed stoneware', 'enamelled cast iron', 'borosilicate glass'],
    uses: ['with a fine steel infuser', 'that pours without a drip', 'for two generous cups'],
    features: [
      'Removable stainless infuser',
      'Drip-free spout',
      'Holds 800 ml',
      'Heat-safe handle',
      'Works on gas and electric hobs',
    ],
  },
  backpacks: {
    nouns: ['Backpack', 'Daypack', 'Rolltop Pack'],
    descriptors: ['Waxed', 'Ripstop', 'Commuter', 'Trail', 'Weatherproof', 'Packable'],
    materials: ['recycled ripstop nylon', 'waxed canvas', 'weatherproof sailcloth'],
    uses: [
      'with a padded sleeve for a 16-inch laptop',
      'that carries comfortably all day',
      'built for commutes and day hikes',
    ],
    features: [
      'Padded laptop sleeve',
      'Water-resistant zips',
      'Side bottle pockets',
      'Ventilated back panel',
      'Lifetime repair programme',
    ],
  },
  'water-bottles': {
    nouns: ['Bottle', 'Flask', 'Tumbler'],
    descriptors: ['Insulated', 'Trail', 'Steel', 'Wide-Mouth', 'Everyday', 'Vacuum'],
    materials: ['double-wall stainless steel', 'powder-coated steel', 'recycled stainless steel'],
    uses: ['that keeps drinks cold for 24 hours', 'with a leakproof lid for the bag', 'that fits most cup holders'],
    features: [
      'Cold for 24 hours, hot for 12',
      'Leakproof lid',
      'BPA-free',
      'Powder-coated grip',
      'Dishwasher-safe lid',
    ],
  },
  lanterns: {
    nouns: ['Lantern', 'Camp Light', 'String Light'],
    descriptors: ['Rechargeable', 'Solar', 'Collapsible', 'Hanging', 'Trail', 'Storm'],
    materials: ['aluminium and frosted polycarbonate', 'recycled ABS', 'brushed steel and glass'],
    uses: ['that runs for a whole weekend', 'with warm and bright modes', 'that charges over USB-C'],
    features: [
      'Up to 60 hours of light',
      'USB-C charging',
      'IPX4 splash resistant',
      'Warm and cool modes',
      'Folding hang hook',
    ],
  },
  caps: {
    nouns: ['Cap', 'Five-Panel', 'Dad Hat'],
    descriptors: ['Wool', 'Twill', 'Corduroy', 'Ripstop', 'Field', 'Camp'],
    materials: ['washed cotton twill', 'recycled nylon ripstop', 'brushed wool', 'fine-wale corduroy'],
    uses: ['with an adjustable strap at the back', 'with a pre-curved brim', 'that packs flat'],
    features: [
      'Adjustable back strap',
      'Embroidered eyelets',
      'Cotton sweatband',
      'Pre-curved brim',
      'Made in small runs',
    ],
  },
  wallets: {
    nouns: ['Wallet', 'Card Holder', 'Bifold'],
    descriptors: ['Slim', 'Leather', 'Travel', 'Minimal', 'Zip', 'Stitched'],
    materials: ['vegetable-tanned leather', 'full-grain leather', 'recycled sailcloth'],
    uses: ['that holds eight cards without bulk', 'made to age with you', 'that slips into a front pocket'],
    features: [
      'Holds up to 8 cards',
      'Hand-stitched edges',
      'RFID-blocking lining',
      'Quick-access slot',
      'Ages to a rich patina',
    ],
  },
  sunglasses: {
    nouns: ['Sunglasses', 'Shades', 'Aviators'],
    descriptors: ['Round', 'Polarised', 'Acetate', 'Classic', 'Square', 'Oversized'],
    materials: ['hand-polished acetate', 'lightweight titanium', 'bio-based acetate'],
    uses: ['with polarised, UV400 lenses', 'that sit light on the nose', 'in a frame that suits most faces'],
    features: [
      'Polarised lenses',
      'UV400 protection',
      'Five-barrel hinges',
      'Includes a hard case',
      'Scratch-resistant coating',
    ],
  },
  skincare: {
    nouns: ['Face Cream', 'Serum', 'Balm', 'Cleanser'],
    descriptors: ['Daily', 'Calming', 'Rich', 'Brightening', 'Night', 'Barrier'],
    materials: ['a squalane and oat base', 'cold-pressed botanical oils', 'a light, fragrance-free base'],
    uses: ['for dry and sensitive skin', 'that sinks in without shine', 'made with a short ingredient list'],
    features: [
      'Fragrance free',
      'Suitable for sensitive skin',
      'Vegan and cruelty free',
      'Recyclable glass jar',
      'Dermatologist tested',
    ],
  },
  soaps: {
    nouns: ['Soap', 'Bar Soap', 'Soap Trio'],
    descriptors: ['Oatmeal', 'Charcoal', 'Lavender', 'Goat Milk', 'Rosemary', 'Clay'],
    materials: ['olive oil and shea butter', 'cold-process goat milk', 'olive oil and French clay'],
    uses: ['cured for six weeks', 'that lathers gently', 'wrapped in recycled paper'],
    features: ['Cold-process', 'Palm-oil free', 'Plastic-free packaging', 'About 110 g', 'Cured for six weeks'],
  },
  fragrance: {
    nouns: ['Eau de Parfum', 'Room Spray', 'Perfume Oil'],
    descriptors: ['Amber', 'Vetiver', 'Neroli', 'Cedarwood', 'Iris', 'Salted'],
    materials: ['an alcohol base with natural absolutes', 'fractionated coconut oil', 'plant-based alcohol'],
    uses: ['that lasts from morning to evening', 'with a soft, close dry-down', 'blended in small batches'],
    features: [
      'Notes change over the day',
      'Refillable glass bottle',
      'Vegan',
      'Blended in small batches',
      'Travel-size atomiser included',
    ],
  },
  notebooks: {
    nouns: ['Notebook', 'Journal', 'Sketchbook'],
    descriptors: ['Dot Grid', 'Lined', 'Linen', 'Lay-Flat', 'Pocket', 'Softcover'],
    materials: ['100 gsm acid-free paper', 'recycled paper and a linen cover', 'cream paper with a cloth spine'],
    uses: ['that opens flat on the desk', 'friendly to fountain pens', 'with numbered pages and an index'],
    features: [
      'Lays flat when open',
      'Numbered pages with index',
      'Ribbon marker and elastic',
      'Back pocket for loose notes',
      'Ink does not bleed through',
    ],
  },
  pens: {
    nouns: ['Pen', 'Fountain Pen', 'Rollerball'],
    descriptors: ['Brass', 'Everyday', 'Aluminium', 'Pocket', 'Fine Line', 'Weighted'],
    materials: ['machined aluminium', 'solid brass', 'recycled resin'],
    uses: ['that writes smoothly on any paper', 'balanced for long letters', 'that takes standard refills'],
    features: [
      'Takes standard refills',
      'Smooth 0.5 mm line',
      'Knurled grip',
      'Pocket clip',
      'Comes with a spare refill',
    ],
  },
  headphones: {
    nouns: ['Headphones', 'Over-Ear Headphones', 'On-Ear Headphones'],
    descriptors: ['Wireless', 'Studio', 'Noise-Cancelling', 'Travel', 'Foldable', 'Everyday'],
    materials: ['aluminium and protein leather', 'recycled plastics and memory foam', 'anodised aluminium'],
    uses: ['with 40 hours of battery', 'tuned for warm, clear sound', 'that fold flat for travel'],
    features: [
      'Up to 40 hours of playback',
      'Active noise cancelling',
      'USB-C fast charging',
      'Replaceable ear pads',
      'Multipoint Bluetooth',
    ],
  },
  'phone-cases': {
    nouns: ['Phone Case', 'Folio Case', 'Grip Case'],
    descriptors: ['Slim', 'Leather', 'Clear', 'Rugged', 'Textured', 'Compostable'],
    materials: ['plant-based compostable polymer', 'full-grain leather', 'recycled polycarbonate'],
    uses: ['with raised edges around the camera', 'that adds almost no bulk', 'that survives a two-metre drop'],
    features: [
      'Raised camera and screen lip',
      'Works with wireless charging',
      'Tested to 2 m drops',
      'Grippy textured back',
      'Works with magnetic mounts',
    ],
  },
  speakers: {
    nouns: ['Speaker', 'Bookshelf Speaker', 'Mini Speaker'],
    descriptors: ['Portable', 'Waterproof', 'Bluetooth', 'Fabric', 'Pocket', 'Room'],
    materials: ['recycled fabric and aluminium', 'rugged silicone', 'walnut veneer and fabric'],
    uses: ['that fills a room', 'with twelve hours of playback', 'that pairs two at a time for stereo'],
    features: [
      '12 hours of playback',
      'IP67 dust and water resistant',
      'Stereo pairing',
      'USB-C charging',
      'Built-in microphone',
    ],
  },
  'pet-beds': {
    nouns: ['Pet Bed', 'Dog Bed', 'Bolster Bed'],
    descriptors: ['Orthopaedic', 'Donut', 'Quilted', 'Outdoor', 'Cosy', 'Canvas'],
    materials: ['washable recycled fleece', 'water-resistant canvas', 'quilted organic cotton'],
    uses: ['with a bolster to rest a chin on', 'with a cover that goes in the wash', 'for dogs who curl up'],
    features: [
      'Removable, washable cover',
      'Non-slip base',
      'Memory-foam base',
      'Raised bolster edges',
      'Filled with recycled fibre',
    ],
  },
  bowls: {
    nouns: ['Pet Bowl', 'Dog Bowl', 'Feeding Set'],
    descriptors: ['Stoneware', 'Steel', 'Raised', 'Slow-Feed', 'Non-Slip', 'Glazed'],
    materials: ['glazed stoneware', 'stainless steel with a rubber base', 'speckled ceramic'],
    uses: ['that stays put during dinner', 'heavy enough not to tip', 'easy to rinse clean'],
    features: ['Dishwasher safe', 'Non-slip base', 'Food-safe glaze', 'Holds 900 ml', 'Heavy enough not to tip'],
  },
};

/** Second-paragraph care notes per top-level category slug. */
export const CARE_NOTES: Readonly<Record<string, readonly string[]>> = {
  apparel: ['Machine wash cold and line dry; it only gets softer.', 'Wash inside out with similar colours.'],
  footwear: ['Brush off dirt once dry and condition the upper now and then.', 'Let them rest a day between wears.'],
  home: ['Wipe clean with a soft, damp cloth.', 'Keep out of strong sunlight to protect the colour.'],
  kitchen: [
    'Hand wash, dry straight away and store somewhere dry.',
    'A little oil after washing keeps it at its best.',
  ],
  outdoor: ['Rinse after salt or mud and let it air dry.', 'Spot clean with mild soap and cool water.'],
  accessories: ['Wipe clean and store in the pouch it comes in.', 'Keep away from heat to keep its shape.'],
  beauty: [
    'Store somewhere cool and use within twelve months of opening.',
    'Patch test first if your skin is sensitive.',
  ],
  stationery: ['Store flat and away from damp.', 'Refills are sold separately.'],
  'tech-accessories': ['Charge with any USB-C cable.', 'Updates install from the companion app.'],
  pets: ['Shake out daily and wash the cover weekly.', 'Wash in warm soapy water.'],
};

export const PROMISES: readonly string[] = [
  'Free returns within 30 days.',
  'Covered by our two-year guarantee.',
  'Made in small batches.',
  'Designed to be repaired, not replaced.',
  'Shipped in plastic-free packaging.',
];
