import type { Translation } from '../../../../i18n/translation.js';
import type { audit as en } from '../en/audit.js';

export const audit: Translation<typeof en> = {
  'audit.title': 'Änderungsprotokoll',
  'audit.when': 'Wann',
  'audit.who': 'Wer',
  'audit.action': 'Aktion',
  'audit.target': 'Was',
  'audit.summary': 'Details',
  'audit.actorKey': 'Schlüssel {name}',
  'audit.actorSystem': 'Kommandozeile',
  'audit.actorUnknown': 'Unbekannt',
  'audit.filterAction': 'Aktion',
  'audit.filterActionHint': 'z. B. product oder product.update',
  'audit.filterActor': 'Personen- oder Schlüssel-ID',
  'audit.filterSince': 'Seit',
  'audit.apply': 'Filter anwenden',
  'audit.empty': 'Noch keine Änderungen aufgezeichnet.',
  'audit.loadedMore': 'Weitere Einträge geladen.',
};
