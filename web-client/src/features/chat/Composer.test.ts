import { describe, expect, it } from 'vitest';
import { triggerAt } from './Composer';

describe('triggerAt', () => {
  it('finds the @name or :emoji being typed before the caret', () => {
    expect(triggerAt('Hallo @gr', 9)).toEqual({ kind: '@', start: 6, query: 'gr' });
    expect(triggerAt('@', 1)).toEqual({ kind: '@', start: 0, query: '' });
    expect(triggerAt('super :thu', 10)).toEqual({ kind: ':', start: 6, query: 'thu' });
    expect(triggerAt('Grüße an @jürgen', 16)).toEqual({ kind: '@', start: 9, query: 'jürgen' });
  });

  it('ignores e-mail addresses, times and finished words', () => {
    expect(triggerAt('mail@example', 12)).toBeNull();
    expect(triggerAt('um 10:30', 8)).toBeNull();
    expect(triggerAt('@bob hallo', 10)).toBeNull();
    expect(triggerAt('a :b', 4)).toBeNull();
  });
});
