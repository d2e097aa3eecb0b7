import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/runtime/testing/fake-clock.js';

describe('FakeClock', () => {
  it('wakes due sleeps in order of due time, at their exact time', async () => {
    const clock = new FakeClock(1000);
    const woke: [string, number][] = [];
    const sleep = (name: string, ms: number) => clock.sleep(ms).then(() => woke.push([name, clock.now()]));
    void sleep('c', 300);
    void sleep('a', 100);
    void sleep('b', 100);
    void sleep('late', 900);
    await clock.advance(500);
    expect(woke).toEqual([
      ['a', 1100],
      ['b', 1100],
      ['c', 1300],
    ]);
    expect(clock.now()).toBe(1500);
    expect(clock.pendingCount).toBe(1);
  });

  it('wakes sleeps scheduled by woken code within the same advance', async () => {
    const clock = new FakeClock();
    const times: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(40);
        times.push(clock.now());
      }
    })();
    await clock.advance(100);
    expect(times).toEqual([40, 80]);
    await clock.runAll();
    expect(times).toEqual([40, 80, 120]);
  });

  it('rejects a sleep with the signal reason on abort, and at once when already aborted', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingCount).toBe(0);
    await expect(clock.sleep(5, controller.signal)).rejects.toThrow('stop');
  });
});
