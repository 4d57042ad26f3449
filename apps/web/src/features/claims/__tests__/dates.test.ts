import { formatInstant } from '../dates';

describe('formatInstant', () => {
  it('shows instants in Asia/Shanghai, whatever the machine zone', () => {
    expect(formatInstant('2025-03-01T16:30:00.000Z')).toBe('2025-03-02 00:30');
    expect(formatInstant('2025-03-01T01:05:00Z')).toBe('2025-03-01 09:05');
  });

  it('returns an unparseable value as sent', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});
