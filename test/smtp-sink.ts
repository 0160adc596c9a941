// Test helper: a real SMTP server in the test process (smtp-server), keeping every message it accepted.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  raw: string;
}

export interface SmtpSinkOptions {
  /** Recipients refused for good (550) at RCPT TO. */
  rejectRecipients?: readonly string[];
}

/**
 * An SMTP server on 127.0.0.1 (random port), no TLS, no auth. Messages count as received once the
 * server has the whole DATA, as for a real MTA. `hold()` makes it stop answering RCPT TO until
 * `release()`: senders in flight are then known to be before DATA (used by crash tests).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server!: SMTPServer;
  private held: (() => void)[] = [];
  private holding = false;
  private pending = new Set<Promise<void>>();
  private rejected: Set<string>;
  port = 0;

  private constructor(options: SmtpSinkOptions) {
    this.rejected = new Set((options.rejectRecipients ?? []).map((r) => r.toLowerCase()));
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options);
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Crash tests leave connections of dead clients open; do not wait long for them on close.
      closeTimeout: 500,
      size: 10 * 1024 * 1024,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const go = () => {
          if (sink.rejected.has(address.address.toLowerCase())) {
            const err = new Error('mailbox unavailable') as Error & { responseCode: number };
            err.responseCode = 550;
            callback(err);
          } else callback();
        };
        if (sink.holding) sink.held.push(go);
        else go();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          const parsed = simpleParser(raw).then((mail) => {
            sink.messages.push({
              messageId: mail.messageId ?? '',
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              raw: raw.toString('utf8'),
            });
          });
          sink.pending.add(parsed);
          void parsed.finally(() => sink.pending.delete(parsed));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    // A client that vanishes mid-conversation is normal in crash tests.
    sink.server.on('error', () => undefined);
    sink.port = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  hold(): void {
    this.holding = true;
  }

  /** Answers the RCPT TO commands held meanwhile (their senders may be gone). */
  release(): void {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Waits for the messages already accepted to be parsed. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
