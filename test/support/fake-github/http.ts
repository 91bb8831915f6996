import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A request as the handlers see it: the body is already read. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers; `send` writes it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Buffer;
}

export function jsonReply(status: number, json: unknown, headers?: Record<string, string>): Reply {
  return { status, json, ...(headers ? { headers } : {}) };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The JSON object in the body, or undefined when it is not one. */
export function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `Bearer x` or `token x` (Octokit's prefix for non-JWT tokens). */
export function credentials(headers: IncomingHttpHeaders): string | undefined {
  return /^(?:bearer|token)\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
}

export function send(res: ServerResponse, reply: Reply): void {
  const { headers, payload } = encode(reply);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** The headers (with the full length) and the first `bytes` of the body; the rest never comes. */
export function sendPart(res: ServerResponse, reply: Reply, bytes: number): void {
  const { headers, payload } = encode(reply);
  res.writeHead(reply.status, headers);
  res.flushHeaders();
  if (payload && bytes > 0) res.write(payload.subarray(0, bytes));
}

function encode(reply: Reply): { headers: Record<string, string>; payload: Buffer | undefined } {
  const headers = { ...reply.headers };
  let payload: Buffer | undefined = reply.bytes;
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json));
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  return { headers, payload };
}
