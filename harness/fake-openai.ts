/**
 * A local OpenAI-compatible endpoint for tests: it records every request and answers
 * `/v1/chat/completions` as the test scripts it — a JSON answer (streamed as server-sent events
 * when asked to stream), an HTTP error, or silence.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  response_format?: unknown;
  [k: string]: unknown;
}

export type Reply = { content: string; delayMs?: number } | { status: number; body?: unknown } | { hang: true };

export async function startFakeOpenAI(script: (req: ChatRequest, n: number) => Reply) {
  const requests: ChatRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
    const body = JSON.parse(raw) as ChatRequest;
    requests.push(body);
    const reply = script(body, requests.length);
    if ('hang' in reply) return void hanging.add(res);
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(reply.body ?? { error: { message: 'scripted error' } }));
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const base = { id: `chatcmpl-${requests.length}`, created: 0, model: body.model };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: reply.content, refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
        }),
      );
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (delta: object, finish: string | null) => {
      const choices = [{ index: 0, delta, finish_reason: finish, logprobs: null }];
      res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices })}\n\n`);
    };
    send({ role: 'assistant', content: '' }, null);
    for (let i = 0; i < reply.content.length; i += 40) send({ content: reply.content.slice(i, i + 40) }, null);
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    /** Everything the model was sent, as one string, to search for what must never be there. */
    sentText: () => JSON.stringify(requests.map((r) => r.messages)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user prompt of a request, to pick the placeholders and fact refs the model was really given. */
export const userPrompt = (req: ChatRequest) => req.messages.find((m) => m.role === 'user')?.content ?? '';
