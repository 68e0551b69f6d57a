/**
 * The email pattern the contract checks (`CheckoutSessionUpdate.email`): zod's own default for
 * `z.email()`, written out here so that a form can check an address before sending it without
 * loading zod (the SDK's main entry never loads zod at run time).
 */
export const EMAIL_PATTERN: RegExp =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
