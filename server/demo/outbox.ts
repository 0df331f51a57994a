/**
 * `/demo/outbox`: the mail Candor would have sent, in the demo only and only to reserved example
 * addresses (server/mail/outbox.ts), so the customer's side of the demo can be walked after
 * `npm start`. Marked as the demo's on every line: a real deployment sets CANDOR_SMTP_URL.
 */
import express from 'express';
import { html } from '../portal/html.js';
import { allow } from '../web/auth.js';
import type { Outbox, OutboxMessage } from '../mail/outbox.js';
import { formatDayAndTime } from '../dates.js';

const CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
/** A message's text with its portal link made clickable; everything else, a customer's name too, stays text. */
const linked = (text: string) =>
  text
    .split(/(https?:\/\/\S+\/portal\/l\/[\w.-]+)/)
    .map((part, i) => (i % 2 ? html`<a href="${part}">${part}</a>` : part));

const mail = (m: OutboxMessage) =>
  html`<li class="card mail"><h2>${m.subject}</h2><p class="small">To ${m.to}, ${formatDayAndTime(m.at)}</p>
<pre class="mail-text">${linked(m.text)}</pre></li>`;
const EMPTY = html`<p>No mail yet. In the demo, ask for a portal link from the side panel or at
<a href="/portal/start">/portal/start</a> with dana@example.org.</p>`;

export function outboxRouter(outbox: Outbox): express.Router {
  const router = express.Router();
  router.get('/demo/outbox', allow('demo.outbox'), (_req, res) => {
    const messages = outbox.list();
    res
      .set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' })
      .type('html')
      .send(
        html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Demo outbox (Candor demo)</title>
  <link rel="stylesheet" href="/portal/assets/portal.css">
</head>
<body>
<main>
  <h1>Demo outbox</h1>
  <p class="notice" role="note">This is the demo's outbox, not anyone's mailbox: mail Candor would have sent to the
  demo's customers, whose addresses are at example domains that can never receive mail. A real deployment sets
  <code>CANDOR_SMTP_URL</code>, and then nothing lands here.</p>
  <p><a href="/demo">Back to the demo helpdesk</a> · <a href="/portal/start">Ask for a portal link as a customer</a></p>
  ${messages.length ? html`<ul class="cards">${messages.map(mail)}</ul>` : EMPTY}
</main>
</body>
</html>
`.text,
      );
  });
  return router;
}
