/**
 * The worker pool (issue 13): the paths a worker thread runs — the compiled simulator, as the server
 * runs it — are the paths the inline run gives, group for group; and a pool that is busy refuses
 * rather than queue without end.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { JIANGBEI_2024, Money } from '@ipfund/policy';
import {
  DEFAULT_ASSUMPTIONS,
  knownRate,
  prepare,
  runGroups,
  segmentOf,
  syntheticPortfolio,
} from '@ipfund/forecast';
import { ForecastPool, compiledForecastModule } from '../forecast.pool';

const ROOT = path.resolve(__dirname, '../../../../../..');

const loans = syntheticPortfolio({ loans: 300, banks: 3, asOf: '2026-11-30', seed: 5, guaranteedShare: 0.5 });
const model = () =>
  prepare({
    loans,
    policy: JIANGBEI_2024,
    rates: new Map(
      loans.map((l) => [
        segmentOf(l),
        { toOverdue: knownRate(0.01), toClaim: knownRate(0.3), cure: knownRate(0.4) },
      ]),
    ),
    recovery: knownRate(0.3),
    assumptions: DEFAULT_ASSUMPTIONS,
    fund: {
      asOf: '2026-11-30',
      balance: Money.of('10000000.00'),
      cumulative: Money.zero(),
      cumulativeAtLastResumption: Money.zero(),
      enterpriseYearCompensated: new Map(),
    },
    horizonMonths: 24,
    paths: 400,
    seed: 99,
  });

beforeAll(() => {
  // The workers load the compiled package, as in production.
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/forecast'],
    {
      cwd: ROOT,
    },
  );
}, 300_000);

test('worker threads give the inline answer, group for group', async () => {
  expect(compiledForecastModule()).toMatch(/packages\/forecast\/dist\/index\.js$/);
  const pool = new ForecastPool({ workers: 2, maxConcurrent: 1, maxQueued: 0 });
  try {
    expect(pool.mode).toBe('worker');
    const m = model();
    const fromWorkers = await pool.run(m);
    const inline = runGroups(m, 0, m.groups);
    expect(fromWorkers.map((g) => g.group)).toEqual(inline.map((g) => g.group));
    for (let i = 0; i < inline.length; i++) {
      expect(Array.from(fromWorkers[i].balanceFen)).toEqual(Array.from(inline[i].balanceFen));
      expect(Array.from(fromWorkers[i].tripMonth)).toEqual(Array.from(inline[i].tripMonth));
      expect(fromWorkers[i].approved).toBe(inline[i].approved);
    }
  } finally {
    await pool.close();
  }
}, 120_000);

test('a busy pool refuses the next forecast with RATE_LIMITED instead of queueing it', async () => {
  const pool = new ForecastPool({ workers: 1, maxConcurrent: 1, maxQueued: 0 });
  try {
    const m = model();
    const first = pool.run(m);
    await expect(pool.run(m)).rejects.toMatchObject({ code: 'RATE_LIMITED', messageKey: 'forecast.busy' });
    expect((await first).length).toBe(m.groups);
    // Free again once the first is done.
    expect((await pool.run(m)).length).toBe(m.groups);
  } finally {
    await pool.close();
  }
}, 120_000);
