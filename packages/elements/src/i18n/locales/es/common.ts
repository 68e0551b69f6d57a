import type { common as english } from '../en/common.js';
import type { Translation } from '../../translation.js';

export const common = {
  'error.authentication': 'No se aceptó la clave de esta tienda.',
  'error.connection': 'No se pudo conectar con la tienda. Comprueba tu conexión.',
  'error.rateLimit': 'La tienda está muy ocupada. Inténtalo de nuevo en un momento.',
  'error.invalidRequest': 'No se pudo completar esta solicitud.',
  'error.unknown': 'Algo salió mal por nuestra parte.',
  'common.loading': 'Cargando…',
  'common.retry': 'Reintentar',
} satisfies Translation<typeof english>;
