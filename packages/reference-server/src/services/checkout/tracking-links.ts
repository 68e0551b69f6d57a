/**
 * Tracking pages of carriers a small shop ships with, keyed by a normalized carrier name (lower
 * case, letters and digits only), so "Royal Mail", "royal-mail" and "ROYALMAIL" all match. Each
 * page takes the tracking number URL-encoded. Unknown carriers get no link.
 */
const TRACKING_PAGES: Readonly<Record<string, string>> = {
  ups: 'https://www.ups.com/track?tracknum={n}',
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={n}',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr={n}',
  dhl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}',
  dhlexpress: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}',
  dhlparcel: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={n}',
  royalmail: 'https://www.royalmail.com/track-your-item#/tracking-results/{n}',
  parcelforce: 'https://www.parcelforce.com/track-trace?trackNumber={n}',
  canadapost: 'https://www.canadapost-postescanada.ca/track-reperage/en#/details/{n}',
  australiapost: 'https://auspost.com.au/mypost/track/details/{n}',
  auspost: 'https://auspost.com.au/mypost/track/details/{n}',
  dpd: 'https://tracking.dpd.de/status/en_US/parcel/{n}',
  gls: 'https://gls-group.com/track/{n}',
  postnl: 'https://jouw.postnl.nl/track-and-trace/{n}',
  laposte: 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}',
  colissimo: 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}',
  correos: 'https://www.correos.es/es/en/tools/tracker/items/details?tracking-number={n}',
  japanpost: 'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={n}&locale=en',
  yamato: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01={n}',
  aramex: 'https://www.aramex.com/us/en/track/results?ShipmentNumber={n}',
};

const normalize = (carrier: string) => carrier.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The carrier's tracking page for a number, or null for a carrier without a known page (or no number). */
export function trackingUrl(
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
): string | null {
  if (!carrier || !trackingNumber) return null;
  const page = TRACKING_PAGES[normalize(carrier)];
  return page ? page.replace('{n}', encodeURIComponent(trackingNumber)) : null;
}

/** The carriers with a known tracking page, as a shop would type them (for a form's suggestions). */
export const KNOWN_CARRIERS = [
  'UPS',
  'USPS',
  'FedEx',
  'DHL',
  'DHL Parcel',
  'Royal Mail',
  'Parcelforce',
  'Canada Post',
  'Australia Post',
  'DPD',
  'GLS',
  'PostNL',
  'La Poste',
  'Colissimo',
  'Correos',
  'Japan Post',
  'Yamato',
  'Aramex',
] as const;
