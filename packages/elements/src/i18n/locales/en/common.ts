import type { Message } from '../../message.js';

/** Words every element may use: errors, loading, retry. */
export const common = {
  'error.authentication': 'This shop’s key was not accepted.',
  'error.connection': 'The shop could not be reached. Check your connection.',
  'error.rateLimit': 'The shop is busy right now. Try again in a moment.',
  'error.invalidRequest': 'That request could not be completed.',
  'error.unknown': 'Something went wrong on our side.',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
} as const satisfies Record<string, Message>;
