/**
 * One explicit ordered scenario: steps that build on each other's state (a bank is warned, then
 * suspended, then the suspension is lifted). Each step is its own jest test, so a failure names the
 * step; and each can run alone (`jest -t '<step>'`): the steps before it then run first, as its
 * setup, in order. In a full run every step runs once.
 */
export function orderedSteps(): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  const steps: { name: string; fn: () => Promise<void>; state: 'pending' | 'passed' | 'failed' }[] = [];
  const run = async (i: number): Promise<void> => {
    const s = steps[i];
    if (s.state === 'passed') return;
    if (s.state === 'failed') throw new Error(`an earlier step of this scenario failed: "${s.name}"`);
    try {
      await s.fn();
      s.state = 'passed';
    } catch (err) {
      s.state = 'failed';
      throw err;
    }
  };
  return (name, fn, timeout) => {
    const index = steps.length;
    steps.push({ name, fn, state: 'pending' });
    it(
      name,
      async () => {
        for (let i = 0; i < index; i++) await run(i);
        await run(index);
      },
      timeout,
    );
  };
}
