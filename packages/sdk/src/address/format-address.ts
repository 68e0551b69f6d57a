import type { Address } from '../contract/address.js';

/** Options of {@link formatAddress}. */
export interface FormatAddressOptions {
  /** BCP 47 locale for the country's name (and, for `ja`, Japanese script order). */
  locale?: string | undefined;
  /** The shop's own country (ISO 3166-1 alpha-2): the country line is left out for addresses there. */
  shopCountry?: string | undefined;
}

// JIS X 0401 order (JP-01 … JP-47). Kanji without the 県 most of them end in; romanized as Japan Post writes them.
const JP_KANJI =
  '北海道,青森,岩手,宮城,秋田,山形,福島,茨城,栃木,群馬,埼玉,千葉,東京都,神奈川,新潟,富山,石川,福井,山梨,長野,岐阜,静岡,愛知,三重,滋賀,京都府,大阪府,兵庫,奈良,和歌山,鳥取,島根,岡山,広島,山口,徳島,香川,愛媛,高知,福岡,佐賀,長崎,熊本,大分,宮崎,鹿児島,沖縄'.split(
    ',',
  );
const JP_LATIN =
  'Hokkaido,Aomori,Iwate,Miyagi,Akita,Yamagata,Fukushima,Ibaraki,Tochigi,Gunma,Saitama,Chiba,Tokyo,Kanagawa,Niigata,Toyama,Ishikawa,Fukui,Yamanashi,Nagano,Gifu,Shizuoka,Aichi,Mie,Shiga,Kyoto,Osaka,Hyogo,Nara,Wakayama,Tottori,Shimane,Okayama,Hiroshima,Yamaguchi,Tokushima,Kagawa,Ehime,Kochi,Fukuoka,Saga,Nagasaki,Kumamoto,Oita,Miyazaki,Kagoshima,Okinawa'.split(
    ',',
  );

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/**
 * An address as lines in the order its country writes them, the way postal services (and
 * Google's libaddressinput) lay them out:
 * - US, CA: `Springfield, IL 62701`; AU: `Sydney NSW 2000`
 * - GB: the town, then the postcode on its own line
 * - JP: in Japanese (`locale` `ja`) big to small — `〒100-0001`, prefecture and city, street,
 *   name; otherwise the romanized order — `Chiyoda-ku, Tokyo 100-0001` under the street
 * - elsewhere (DE, FR and most of the world): `10115 Berlin`, then the region if there is one
 *
 * The last line (the first, in Japanese order) is the country's name in `locale` through
 * `Intl.DisplayNames`, left out when the address is in `shopCountry`. The phone is not included.
 */
export function formatAddress(address: Address, options: FormatAddressOptions = {}): string[] {
  const { name, company, line1, line2, city, region = '', postal_code: postal, country: cc } = address;
  const country =
    cc === options.shopCountry ? '' : (new Intl.DisplayNames(options.locale, { type: 'region' }).of(cc) ?? cc);
  const top = [name, company, line1, line2];
  let lines: (string | undefined)[];
  if (cc == 'JP') {
    const i = Number(region) - 1;
    if (/^ja\b/i.test(options.locale ?? '')) {
      const prefecture = JP_KANJI[i] ? JP_KANJI[i] + (/[都府道]$/.test(JP_KANJI[i]) ? '' : '県') : region;
      return [country, postal && '〒' + postal, prefecture + city, line1, line2, company, name].filter(
        Boolean,
      ) as string[];
    }
    lines = [...top, join(city + ',', JP_LATIN[i] ?? region, postal)];
  } else if (cc == 'US' || cc == 'CA') lines = [...top, join(city + ',', region, postal)];
  else if (cc == 'AU') lines = [...top, join(city, region, postal)];
  else if (cc == 'GB') lines = [...top, city, postal];
  else lines = [...top, join(postal, city), region];
  return [...lines, country].filter(Boolean) as string[];
}
