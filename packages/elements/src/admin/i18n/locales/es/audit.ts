import type { Translation } from '../../../../i18n/translation.js';
import type { audit as en } from '../en/audit.js';

export const audit: Translation<typeof en> = {
  'audit.title': 'Registro de cambios',
  'audit.when': 'Cuándo',
  'audit.who': 'Quién',
  'audit.action': 'Acción',
  'audit.target': 'Qué',
  'audit.summary': 'Detalles',
  'audit.actorKey': 'Clave {name}',
  'audit.actorSystem': 'Línea de comandos',
  'audit.actorUnknown': 'Desconocido',
  'audit.filterAction': 'Acción',
  'audit.filterActionHint': 'p. ej. product o product.update',
  'audit.filterActor': 'Id de persona o de clave',
  'audit.filterSince': 'Desde',
  'audit.apply': 'Aplicar filtros',
  'audit.empty': 'Aún no hay cambios registrados.',
  'audit.loadedMore': 'Se cargaron más entradas.',
};
