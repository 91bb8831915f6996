import { STATUS_CODES } from 'node:http';
import { jsonReply, type Reply } from './http.js';

/** The three kinds of service behind the fake; each answers errors in its own format. */
export type Surface = 'twirp' | 'blob' | 'rest';

const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  503: 'unavailable',
};

export function surfaceOf(pathname: string): Surface {
  if (pathname.startsWith('/twirp/')) return 'twirp';
  if (pathname.startsWith('/blobs/')) return 'blob';
  return 'rest';
}

/** Twirp errors must be JSON: the client parses the body first and retries anything else. */
export function twirpError(status: number, msg: string, code = TWIRP_CODES[status]): Reply {
  return jsonReply(status, { code: code ?? 'unknown', msg });
}

export function restError(status: number, message: string): Reply {
  return jsonReply(status, {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  });
}

/** Azure Storage answers errors as XML with an error code. */
export function blobError(status: number, code: string, message: string): Reply {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-ms-error-code': code },
    bytes: Buffer.from(xml),
  };
}

/** The error each surface gives for a status when nothing more specific is known. */
export function errorFor(surface: Surface, status: number, message?: string): Reply {
  const text = message ?? STATUS_CODES[status] ?? 'Error';
  if (surface === 'twirp') return twirpError(status, text);
  if (surface === 'blob')
    return blobError(status, (STATUS_CODES[status] ?? 'Error').replace(/\W/g, ''), text);
  return restError(status, text);
}
