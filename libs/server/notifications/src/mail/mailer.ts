import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Derived from the delivery key: the same delivery always carries the same Message-ID. */
  messageId: string;
  headers?: Record<string, string>;
}

/** `<n-<hash of the key>@<host>>`: stable per delivery key, so any duplicate is recognisable. */
export function messageIdFor(key: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'eclore.localhost';
  return `<n-${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${host}>`;
}

/** SMTP options from SMTP_URL (smtp:// or smtps://, user and password allowed). */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A pool keeps connections open: digests and fan-outs send many messages in a row, and each
    // message waits on a few round trips, so throughput grows with connections (bench/notifications-fanout).
    pool: true as const,
    maxConnections: 10,
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: noDelaySocket(url.hostname, Number(url.port || (secure ? 465 : 587)), 10_000),
  };
}

type GetSocket = (
  options: unknown,
  callback: (err: Error | null, socketOptions?: { connection: Socket }) => void,
) => void;

/**
 * Our own TCP connections with Nagle's algorithm off. SMTP is many small request/reply lines: with
 * Nagle and delayed ACKs every message of a connection waited ~45 ms (22 messages/s per connection;
 * bench/notifications-fanout). nodemailer runs TLS (smtps, STARTTLS) over the socket it is given.
 */
function noDelaySocket(host: string, port: number, timeoutMs: number): GetSocket {
  return (_options, callback) => {
    const socket = connect({ host, port });
    const fail = (err: Error) => {
      socket.destroy();
      callback(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`SMTP connection to ${host}:${port} timed out`)));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      socket.setTimeout(0);
      socket.setNoDelay(true);
      callback(null, { connection: socket });
    });
  };
}

/** Sends e-mail over SMTP with nodemailer. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpOptions(smtpUrl));
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers: mail.headers,
    });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Whether an SMTP error is final (the server refused for good: 5xx) rather than worth retrying
 * (connection problems, 4xx "try again later").
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
