import type { Translation } from '../../../../i18n/translation.js';
import type { audit as en } from '../en/audit.js';

export const audit: Translation<typeof en> = {
  'audit.title': 'Journal des modifications',
  'audit.when': 'Quand',
  'audit.who': 'Qui',
  'audit.action': 'Action',
  'audit.target': 'Quoi',
  'audit.summary': 'Détails',
  'audit.actorKey': 'Clé {name}',
  'audit.actorSystem': 'Ligne de commande',
  'audit.actorUnknown': 'Inconnu',
  'audit.filterAction': 'Action',
  'audit.filterActionHint': 'par ex. product ou product.update',
  'audit.filterActor': 'Identifiant de personne ou de clé',
  'audit.filterSince': 'Depuis',
  'audit.apply': 'Appliquer les filtres',
  'audit.empty': 'Aucune modification enregistrée pour le moment.',
  'audit.loadedMore': "D'autres entrées ont été chargées.",
};
