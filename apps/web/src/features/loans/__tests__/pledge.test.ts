import {
  collateralChoices,
  normalizeRegistrationNo,
  pledgeFailureTitle,
  pledgeInputProblem,
  pledgeKinds,
  pledgeLabel,
  withCollateral,
} from '../pledge';

const patent = { id: 'p1', kind: 'PATENT', registrationNo: 'ZL202110001.0', title: '一种低功耗射频识别芯片' };
const trademark = { id: 't1', kind: 'TRADEMARK', registrationNo: '5800000', title: '“智芯”注册商标' };
const added = { id: 'p2', kind: 'PATENT', registrationNo: 'ZL202210001.1', title: '芯片封装散热结构' };

describe('pledgeLabel', () => {
  it('names the kind in Chinese, then the number and the title', () => {
    expect(pledgeLabel(patent)).toBe('专利 ZL202110001.0 一种低功耗射频识别芯片');
    expect(pledgeLabel(trademark)).toBe('商标 5800000 “智芯”注册商标');
    expect(pledgeLabel({ kind: 'DESIGN', registrationNo: 'X1', title: 'y' })).toBe('DESIGN X1 y');
  });
});

describe('collateralChoices', () => {
  it('lists the items the bank sees, then those added by number', () => {
    expect(collateralChoices([patent, trademark], [added])).toEqual([patent, trademark, added]);
  });

  it('lists an item once when adding it by number answered with one already listed', () => {
    const again = { ...patent, title: 'the title the bank typed' };
    expect(collateralChoices([patent], [again, added, added])).toEqual([patent, added]);
  });

  it('works for a borrower the bank cannot see (only what it added)', () => {
    expect(collateralChoices([], [added])).toEqual([added]);
    expect(collateralChoices([], [])).toEqual([]);
  });
});

describe('withCollateral', () => {
  it('adds an id once, keeping the order chosen', () => {
    expect(withCollateral(['a'], 'b')).toEqual(['a', 'b']);
    expect(withCollateral(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(withCollateral(undefined, 'a')).toEqual(['a']);
  });

  it('does not change the list it was given', () => {
    const ids = ['a'];
    withCollateral(ids, 'b');
    expect(ids).toEqual(['a']);
  });
});

describe('pledgeKinds (Art 2, 4, from the policy in force)', () => {
  it('offers the allowed kinds this client can enter', () => {
    expect(pledgeKinds(['PATENT', 'TRADEMARK'])).toEqual(['PATENT', 'TRADEMARK']);
    expect(pledgeKinds(['TRADEMARK'])).toEqual(['TRADEMARK']);
    expect(pledgeKinds(['PATENT', 'COPYRIGHT'])).toEqual(['PATENT']);
  });

  it('offers every known kind before the policy has arrived', () => {
    expect(pledgeKinds(undefined)).toEqual(['PATENT', 'TRADEMARK']);
  });
});

describe('registration number input', () => {
  it('normalises as the library does', () => {
    expect(normalizeRegistrationNo('  zl202110001.0 ')).toBe('ZL202110001.0');
  });

  it('asks for the number first, then the title', () => {
    expect(pledgeInputProblem(' ', '')).toBe('registrationNo');
    expect(pledgeInputProblem('ZL1', '  ')).toBe('title');
    expect(pledgeInputProblem('ZL1', '芯片')).toBeNull();
  });
});

describe('pledgeFailureTitle', () => {
  const graphQLError = (code: string, message: string) =>
    Object.assign(new Error(message), { errors: [{ message, extensions: { code } }] });

  it('explains, in Chinese, a number registered to another enterprise', () => {
    expect(
      pledgeFailureTitle(graphQLError('CONFLICT', 'PATENT ZL1 is registered to another enterprise')),
    ).toBe('该登记号已登记在其他企业名下，不能作为本企业的质押物');
  });

  it('is a plain failure otherwise (the lines below say why)', () => {
    expect(pledgeFailureTitle(graphQLError('BAD_USER_INPUT', 'The IP item needs a title'))).toBe(
      '添加质押物失败',
    );
    expect(pledgeFailureTitle(new Error('Failed to fetch'))).toBe('添加质押物失败');
  });
});
