// Tearing down what a multi-process spec started: every step runs even when one before it fails (a database left
// behind by a hung replica is what the next run trips over), and the first failure is thrown at the end.
export async function tearDown(steps: Array<() => unknown>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps)
    await Promise.resolve()
      .then(step)
      .catch((err: unknown) => failures.push(err));
  if (failures.length) throw failures[0];
}
