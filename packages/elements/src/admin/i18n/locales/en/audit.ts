import type { Message } from '../../../../i18n/message.js';

/** The audit log: who changed what (owners only). */
export const audit = {
  'audit.title': 'Audit log',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.action': 'Action',
  'audit.target': 'What',
  'audit.summary': 'Details',
  'audit.actorKey': 'Key {name}',
  'audit.actorSystem': 'Command line',
  'audit.actorUnknown': 'Unknown',
  'audit.filterAction': 'Action',
  'audit.filterActionHint': 'e.g. product, or product.update',
  'audit.filterActor': 'Person or key id',
  'audit.filterSince': 'Since',
  'audit.apply': 'Apply filters',
  'audit.empty': 'No changes recorded yet.',
  'audit.loadedMore': 'More entries loaded.',
} as const satisfies Record<string, Message>;
