import { loanStatusColor, loanStatusLabel, overdueColor } from '../loanDisplay';

describe('loanStatusLabel', () => {
  it('translates the known statuses', () => {
    expect(loanStatusLabel('ACTIVE')).toBe('正常');
    expect(loanStatusLabel('OVERDUE')).toBe('逾期');
    expect(loanStatusLabel('CLOSED')).toBe('已结清');
    expect(loanStatusLabel('CLAIMED')).toBe('已申请补偿');
  });

  it('shows an unknown status as sent', () => {
    expect(loanStatusLabel('WRITTEN_OFF')).toBe('WRITTEN_OFF');
    expect(loanStatusLabel('toString')).toBe('toString');
    expect(loanStatusColor('WRITTEN_OFF')).toBe('default');
  });
});

describe('overdueColor', () => {
  it('is red from 60 days (Art 17: claimable), 60 included', () => {
    expect(overdueColor(60)).toBe('red');
    expect(overdueColor(400)).toBe('red');
  });

  it('is orange from 15 to 59 days (Art 12: counts as risk), 15 included', () => {
    expect(overdueColor(15)).toBe('orange');
    expect(overdueColor(59)).toBe('orange');
  });

  it('is plain below 15 days', () => {
    expect(overdueColor(0)).toBeUndefined();
    expect(overdueColor(14)).toBeUndefined();
  });
});
