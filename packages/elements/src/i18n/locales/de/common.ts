import type { common as english } from '../en/common.js';
import type { Translation } from '../../translation.js';

export const common = {
  'error.authentication': 'Der Schlüssel dieses Shops wurde nicht akzeptiert.',
  'error.connection': 'Der Shop ist nicht erreichbar. Bitte prüfe deine Verbindung.',
  'error.rateLimit': 'Der Shop ist gerade ausgelastet. Versuche es gleich noch einmal.',
  'error.invalidRequest': 'Diese Anfrage konnte nicht ausgeführt werden.',
  'error.unknown': 'Bei uns ist etwas schiefgelaufen.',
  'common.loading': 'Wird geladen…',
  'common.retry': 'Erneut versuchen',
} satisfies Translation<typeof english>;
