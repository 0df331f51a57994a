/**
 * Sending mail: over SMTP (`CANDOR_SMTP_URL`, through nodemailer) when configured; in the demo
 * without it, into the demo's outbox, for reserved example addresses only; otherwise not at all,
 * and whoever asks is told why.
 */
import nodemailer from 'nodemailer';
import { AppError } from '../errors.js';
import { isReservedAddress } from './addresses.js';
import type { Outbox } from './outbox.js';

export interface Mail {
  to: string;
  /** Whose data the message is about. */
  customerId: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** How mail leaves, for the start-up lines and the README's promise. */
  describe: string;
  /** Throws an AppError the asker can act on when this address cannot be sent to. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(o: { smtpUrl: string | undefined; from: string; outbox: Outbox | null }): Mailer {
  if (o.smtpUrl) {
    const transport = nodemailer.createTransport(o.smtpUrl);
    return {
      describe: `SMTP at ${o.smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}`,
      async send(mail) {
        try {
          await transport.sendMail({ from: o.from, to: mail.to, subject: mail.subject, text: mail.text });
        } catch (e) {
          throw new AppError(
            'mail_failed',
            `the mail server did not take the message ` +
              `(${(e as { code?: string }).code ?? (e as Error).name}); nothing was ` +
              `sent`,
            502,
            [],
          );
        }
      },
      close: () => transport.close(),
    };
  }
  const outbox = o.outbox;
  return {
    describe: outbox
      ? 'the demo outbox (/demo/outbox), for example addresses only: set CANDOR_SMTP_URL to send real mail'
      : 'none: set CANDOR_SMTP_URL to send portal links',
    async send(mail) {
      if (!outbox || !isReservedAddress(mail.to)) {
        throw new AppError(
          'mail_not_configured',
          'Candor cannot send mail (CANDOR_SMTP_URL is not set), so it cannot ' +
            'send this customer a link; ask your administrator to configure mail',
          503,
          [],
        );
      }
      outbox.put(mail);
    },
    close: () => {},
  };
}
