import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import {
  ForbiddenAddressError,
  resolveWebhookHost,
  urlHost,
  type ResolvedAddress,
  type WebhookAddressPolicy,
} from './webhook-address';

export interface WebhookPostResult {
  /** The receiver's HTTP status, or null when no answer came. */
  status: number | null;
  /**
   * What went wrong as a fixed class (`http_503`, `timeout`, `forbidden_address`…), empty on 2xx.
   * Never the receiver's body: an admin must not read an internal service's answer through it.
   */
  error: string;
}

export interface WebhookPostOptions {
  policy: WebhookAddressPolicy;
  timeoutMs: number;
  /** Tests replace DNS with a scripted resolver (e.g. a name that rebinds). */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

/**
 * One POST to a webhook receiver. The host is resolved and every address checked first; the socket
 * then connects to that checked address (a lookup pinned on the request), so DNS is not asked again
 * between the check and the connection. Redirects are not followed; the answer's body is not read.
 */
export async function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: WebhookPostOptions,
): Promise<WebhookPostResult> {
  try {
    const url = new URL(target);
    const host = urlHost(url);
    const pinned = await resolveWebhookHost(host, options.policy, options.resolve);
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all)
        (callback as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    };
    const requestOptions: RequestOptions & { servername?: string } = {
      method: 'POST',
      host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
      lookup,
      // A fresh connection each time: a pooled socket could belong to an address checked earlier.
      agent: false,
    };
    if (url.protocol === 'https:' && !isIP(host)) requestOptions.servername = host;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const status = await new Promise<number>((resolve, reject) => {
      const req = send(requestOptions, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      });
      const timer = setTimeout(() => req.destroy(new WebhookTimeoutError()), options.timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('error', reject);
      req.end(body);
    });
    return { status, error: status >= 200 && status < 300 ? '' : `http_${status}` };
  } catch (err) {
    return { status: null, error: errorClass(err) };
  }
}

class WebhookTimeoutError extends Error {}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** A network failure as one of a few fixed classes (the admin list shows it; nothing remote is echoed). */
export function errorClass(err: unknown): string {
  if (err instanceof ForbiddenAddressError) return 'forbidden_address';
  if (err instanceof WebhookTimeoutError) return 'timeout';
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection_reset';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return 'dns_error';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  // EPROTO: the TLS handshake met something that is not TLS (e.g. a plain http port).
  if (TLS_CODE.test(code) || code === 'EPROTO') return 'tls_error';
  return 'network_error';
}
