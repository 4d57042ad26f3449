import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** One e-mail handed to a transport. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Where the mailer hands messages: SMTP (nodemailer) when SMTP_URL is configured, else the log. A
 * transport throws on failure; `delivered: false` means only logged (no SMTP configured).
 */
export interface MailTransport {
  send(message: OutboxMessage): Promise<{ delivered: boolean }>;
}

/** No SMTP configured: the outbox is written to the log (pino) and marked LOGGED. */
export class LogTransport implements MailTransport {
  constructor(private readonly log: Logger) {}
  async send(m: OutboxMessage): Promise<{ delivered: boolean }> {
    this.log.info(
      { outboxId: m.id, to: m.to, subject: m.subject },
      'notification e-mail (no SMTP_URL: logged only)',
    );
    return { delivered: false };
  }
}

/** SMTP through nodemailer (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.cn:465). */
export async function smtpTransport(url: string, from: string): Promise<MailTransport> {
  const nodemailer = await import('nodemailer');
  const transporter = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
      return { delivered: true };
    },
  };
}

export interface MailerOptions {
  /** Attempts before a message is FAILED for good. */
  maxAttempts: number;
  /** The first retry waits this long; each further one twice as long (capped). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Messages taken per round. */
  batch: number;
}

export const DEFAULT_MAILER_OPTIONS: MailerOptions = {
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  batch: 20,
};

/** Exponential back-off after the n-th failed attempt (1-based): base × 2^(n−1), capped. */
export function retryDelayMs(attempts: number, o: Pick<MailerOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(o.baseDelayMs * 2 ** Math.max(0, attempts - 1), o.maxDelayMs);
}

/**
 * The background worker that delivers the notification outbox (issue 12). Each round takes the
 * messages due (locked with SKIP LOCKED inside `ipfund_outbox_take`, so several API instances never
 * send one twice), hands each to the transport and records the outcome: DELIVERED, LOGGED (no SMTP),
 * or back to PENDING at an exponentially later time, FAILED after `maxAttempts`. It runs with no
 * tenant: the two definer functions are its only access, to the outbox alone.
 */
export class NotificationMailer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly transport: MailTransport,
    private readonly log: Logger,
    private readonly options: MailerOptions = DEFAULT_MAILER_OPTIONS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** One round: delivers what is due now; returns how many messages were attempted. */
  async deliverDue(): Promise<number> {
    const due = (await this.ds.query(
      `SELECT id, to_address AS "to", subject, body, attempts FROM ipfund_outbox_take($1)`,
      [this.options.batch],
    )) as OutboxMessage[];
    for (const m of due) {
      try {
        const { delivered } = await this.transport.send(m);
        await this.done(m.id, delivered ? 'DELIVERED' : 'LOGGED', null, null);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if (m.attempts >= this.options.maxAttempts) {
          this.log.warn(
            { outboxId: m.id, attempts: m.attempts, err: reason },
            'notification e-mail failed for good',
          );
          await this.done(m.id, 'FAILED', reason, null);
        } else {
          const next = new Date(this.now() + retryDelayMs(m.attempts, this.options));
          await this.done(m.id, 'PENDING', reason, next);
        }
      }
    }
    return due.length;
  }

  private async done(id: string, status: string, error: string | null, next: Date | null): Promise<void> {
    await this.ds.query(`SELECT ipfund_outbox_done($1, $2, $3, $4)`, [id, status, error, next]);
  }

  /** Rounds every `intervalMs` until `stop()`; a round that fails is logged and the next one tries again. */
  start(intervalMs = 15_000): void {
    if (this.timer) return;
    const tick = () => {
      this.running = this.deliverDue().catch((err: unknown) => {
        this.log.error({ err }, 'notification mailer round failed');
        return 0;
      });
      void this.running.finally(() => {
        if (!this.timer) return;
        this.timer = setTimeout(tick, intervalMs);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the rounds and waits for the one under way (shutdown). */
  async stop(): Promise<void> {
    const t = this.timer;
    this.timer = null;
    if (t) clearTimeout(t);
    await this.running;
  }
}
