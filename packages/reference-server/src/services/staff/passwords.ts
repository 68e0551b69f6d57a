import { hash, verify } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH } from '@shoptag/sdk/contract';
import { InvalidRequestError } from '../../errors.js';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum,
// ~60 ms on one core here. The parameters are stored in each hash, so raising them later only
// affects new hashes.

/** An argon2id hash of `password` (PHC string with its salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Verifies against a hash nobody has, so a sign-in with an unknown email (or one without a
 * password yet) takes as long as one with a wrong password: the time does not tell which
 * addresses have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hash('shoptag: no account has this password');
  await verifyPassword(await dummy, password);
  return false;
}

/** Throws a 400 naming `param` when a new password is too short or is the account's email. */
export function checkNewPassword(password: string, email: string, param = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new InvalidRequestError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      code: 'password_too_short',
      param,
    });
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    throw new InvalidRequestError('The password must not be the email address.', { code: 'password_is_email', param });
}
