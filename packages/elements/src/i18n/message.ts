/** The plural forms of a message, chosen by its `count` parameter through `Intl.PluralRules`. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  /** The form used when the locale's rule picks a form the message does not give. */
  readonly other: string;
}

/**
 * One shopper-visible message: text with `{name}` placeholders, or its plural forms. Messages are
 * plain data, so a site owner can override them from JSON (see `registerMessages`).
 */
export type Message = string | PluralMessage;

/** Placeholder values: numbers are formatted for the locale (`1234` → `1.234` in German). */
export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
}

/** Picks the plural form for `params.count` and fills the placeholders. Unknown placeholders stay as written. */
export function formatMessage(message: Message, params: MessageParams | undefined, locale: string): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params?.count);
    const rule = Number.isFinite(count)
      ? cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count)
      : 'other';
    text = message[rule] ?? message.other;
  }
  if (!params || !text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number'
      ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value)
      : value;
  });
}
