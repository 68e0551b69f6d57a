// Sending email: SMTP, or `.eml` files in the outbox without it. Other domains import it only through this file.
export { createMailTransport, type MailMessage, type MailTransport } from './mail-transport.js';
