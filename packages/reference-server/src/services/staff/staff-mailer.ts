import { randomBase62 } from '../../ids.js';
import type { MailTransport } from '../mail/index.js';

/** What a set-password email says: a reset someone asked for, or an invitation an owner sent. */
export interface PasswordLinkEmail {
  to: string;
  name: string;
  link: string;
  kind: 'reset' | 'invitation';
  /** Who invited (an invitation). */
  invitedBy?: string;
}

export interface StaffMailer {
  sendPasswordLink(email: PasswordLinkEmail): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The email's subject and bodies. The link is the only way in: it is valid for an hour, once. */
export function renderPasswordLink(email: PasswordLinkEmail, shopName: string) {
  const greeting = email.name ? `Hello ${email.name},` : 'Hello,';
  const lead =
    email.kind === 'invitation'
      ? `${email.invitedBy ? `${email.invitedBy} invited you` : 'You are invited'} to the console of ${shopName}. Choose a password to sign in:`
      : `Someone (we hope you) asked to reset the password of your account at ${shopName}. Choose a new one here:`;
  const tail =
    email.kind === 'invitation'
      ? 'The link works once, for an hour. Ask for a new invitation when it has run out.'
      : 'The link works once, for an hour. If you did not ask for it, ignore this email: your password stays as it is.';
  const subject =
    email.kind === 'invitation' ? `${shopName}: you are invited to the console` : `${shopName}: reset your password`;
  return {
    subject,
    text: [greeting, '', lead, email.link, '', tail, '', `— ${shopName}`].join('\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif"><p>${escapeHtml(greeting)}</p><p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(email.link)}">${escapeHtml(email.link)}</a></p><p>${escapeHtml(tail)}</p><p>— ${escapeHtml(shopName)}</p></body></html>`,
  };
}

/** Sends set-password links through the shop's mail transport (SMTP, or the outbox). */
export function createStaffMailer(options: {
  transport: MailTransport;
  shopName: () => string;
  from?: string;
}): StaffMailer {
  return {
    async sendPasswordLink(email) {
      const shopName = options.shopName();
      await options.transport.send(
        {
          from: { name: shopName, address: options.from ?? 'console@shoptag.invalid' },
          to: email.to,
          ...renderPasswordLink(email, shopName),
        },
        `staff-${email.kind}-${Date.now()}-${randomBase62(6)}`,
      );
    },
  };
}
