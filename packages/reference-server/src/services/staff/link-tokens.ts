import { hashKey } from '../keys/index.js';
import { randomBase62 } from '../../ids.js';

/** 43 base62 characters ≈ 256 bits: session cookies, reset, invitation and setup links. */
const TOKEN_LENGTH = 43;

/** A fresh random token and the sha256 that is stored instead of it. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBase62(TOKEN_LENGTH);
  return { token, tokenHash: hashKey(token) };
}

export const hashToken = (token: string): string => hashKey(token);
