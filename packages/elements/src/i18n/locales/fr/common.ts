import type { common as english } from '../en/common.js';
import type { Translation } from '../../translation.js';

export const common = {
  'error.authentication': 'La clé de cette boutique n’a pas été acceptée.',
  'error.connection': 'La boutique est injoignable. Vérifiez votre connexion.',
  'error.rateLimit': 'La boutique est très sollicitée. Réessayez dans un instant.',
  'error.invalidRequest': 'Cette demande n’a pas pu aboutir.',
  'error.unknown': 'Un problème est survenu de notre côté.',
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
} satisfies Translation<typeof english>;
