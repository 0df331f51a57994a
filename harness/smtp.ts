/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what arrives, parsed with
 * `mailparser`: tests read the mail Candor sent as a customer's mail client would.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

export async function startSmtp() {
  const received: ReceivedMail[] = [];
  const waiting: { to: string; resolve(m: ReceivedMail): void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((parsed) => {
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: parsed.from?.value.map((v) => (v.name ? `${v.name} <${v.address}>` : v.address)).join(', ') ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
        };
        received.push(mail);
        for (const w of waiting.filter((x) => mail.to.includes(x.to))) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(mail);
        }
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next message to `to` (one that arrived since the last asked for, or the next to arrive). */
    next(to: string): Promise<ReceivedMail> {
      return new Promise((resolve) => waiting.push({ to, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The portal link in a message Candor sent. */
export const portalLinkIn = (mail: ReceivedMail) => /(https?:\/\/\S+\/portal\/l\/\S+)/.exec(mail.text)?.[1] ?? null;
