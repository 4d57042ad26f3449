import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runGroups, type GroupResult, type PreparedModel } from '@ipfund/forecast';
import { ERROR_CODES } from '@ipfund/shared';
import { AppError } from '../../common/errors';

/**
 * The worker's whole program: it loads the compiled simulator and runs the parameter-draw groups it is
 * sent. Kept as source text so the same pool serves the compiled server and the benchmark without a
 * separate entry file; the groups' answers do not depend on which worker ran them (one PRNG stream
 * per group).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const forecast = require(workerData.modulePath);
parentPort.on('message', (msg) => {
  try {
    const results = forecast.runGroups(msg.model, msg.from, msg.to);
    const transfer = [];
    for (const r of results) {
      transfer.push(r.balanceFen.buffer, r.payoutQuarterFen.buffer, r.tripMonth.buffer);
    }
    parentPort.postMessage({ id: msg.id, results }, transfer);
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: String((err && err.stack) || err) });
  }
});
`;

/**
 * The compiled simulator a worker can load: `@ipfund/forecast`'s dist. Under jest the package resolves
 * to its TypeScript source, which a worker cannot load; then null (the pool runs inline).
 */
export function compiledForecastModule(): string | null {
  try {
    const resolved = require.resolve('@ipfund/forecast');
    if (resolved.endsWith('.js')) return resolved;
    const dist = path.resolve(path.dirname(resolved), '../dist/index.js');
    return existsSync(dist) ? dist : null;
  } catch {
    return null;
  }
}

interface Pending {
  resolve: (r: GroupResult[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface ForecastPoolOptions {
  /** Worker threads; 0 runs the simulation on the calling thread (tests, or no compiled simulator). */
  workers: number;
  /** Simulations running at once; further ones wait. */
  maxConcurrent: number;
  /** Simulations allowed to wait; beyond that a request is refused (RATE_LIMITED), never queued without end. */
  maxQueued: number;
  modulePath?: string | null;
}

/**
 * Runs simulations off the event loop. A run's parameter-draw groups are split over the workers; at
 * most `maxConcurrent` runs at once, `maxQueued` waiting, so one caller cannot stall the server.
 */
export class ForecastPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  readonly mode: 'worker' | 'inline';

  constructor(private readonly opts: ForecastPoolOptions) {
    const modulePath = opts.modulePath === undefined ? compiledForecastModule() : opts.modulePath;
    this.mode = opts.workers > 0 && modulePath ? 'worker' : 'inline';
    if (this.mode === 'worker') {
      for (let i = 0; i < opts.workers; i++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } });
        // An idle pool must not keep the process alive at shutdown.
        worker.unref();
        const slot: Slot = { worker, pending: new Map() };
        worker.on('message', (msg: { id: number; results?: GroupResult[]; error?: string }) => {
          const p = slot.pending.get(msg.id);
          if (!p) return;
          slot.pending.delete(msg.id);
          if (msg.error) p.reject(new Error(msg.error));
          else p.resolve(msg.results ?? []);
        });
        worker.on('error', (err) => {
          for (const p of slot.pending.values()) p.reject(err);
          slot.pending.clear();
        });
        this.slots.push(slot);
      }
    }
  }

  /** Every group of the model, in group order. */
  async run(model: PreparedModel): Promise<GroupResult[]> {
    await this.acquire();
    try {
      if (this.mode === 'inline') return runGroups(model, 0, model.groups);
      const n = Math.min(this.slots.length, model.groups);
      const parts = await Promise.all(
        Array.from({ length: n }, (_, i) => {
          const from = Math.floor((i * model.groups) / n);
          const to = Math.floor(((i + 1) * model.groups) / n);
          return this.send(this.slots[i], model, from, to);
        }),
      );
      return parts.flat().sort((a, b) => a.group - b.group);
    } finally {
      this.release();
    }
  }

  private send(slot: Slot, model: PreparedModel, from: number, to: number): Promise<GroupResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // While a run is in flight the worker holds the process; unref'd again when it answers.
      slot.worker.ref();
      slot.worker.postMessage({ id, model, from, to });
    }).finally(() => {
      if (slot.pending.size === 0) slot.worker.unref();
    }) as Promise<GroupResult[]>;
  }

  private acquire(): Promise<void> {
    if (this.running < this.opts.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.opts.maxQueued) {
      return Promise.reject(new AppError(ERROR_CODES.RATE_LIMITED, 'forecast.busy'));
    }
    return new Promise((resolve) => this.queue.push(() => resolve()));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
