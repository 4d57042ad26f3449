import { JIANGBEI_2024, OTHER_DISTRICT_2025, claimChecklist, validatePolicy } from '../index';

describe('claimChecklist (the materials a claim needs, Art 17)', () => {
  const all = ['LOAN_CONTRACT', 'PLEDGE_REGISTRATION', 'OVERDUE_PROOF', 'COLLECTION_RECORD'];

  it('a two-party claim needs the four always-required items, not the guarantor\u2019s confirmation', () => {
    const c = claimChecklist({ threeParty: false }, all, JIANGBEI_2024);
    expect(c.complete).toBe(true);
    expect(c.items.find((i) => i.kind === 'GUARANTOR_CONFIRMATION')).toMatchObject({
      required: false,
      present: false,
    });
  });

  it('a three-party claim also needs the guarantor\u2019s confirmation', () => {
    const c = claimChecklist({ threeParty: true }, all, JIANGBEI_2024);
    expect(c.complete).toBe(false);
    expect(c.missing.map((m) => m.kind)).toEqual(['GUARANTOR_CONFIRMATION']);
    expect(c.reasons[0]).toMatchObject({ article: 'Art 17', code: 'DOCUMENT_MISSING' });
    expect(
      claimChecklist({ threeParty: true }, [...all, 'GUARANTOR_CONFIRMATION'], JIANGBEI_2024).complete,
    ).toBe(true);
  });

  it('lists what is missing in the order of the measures, ignoring other documents', () => {
    const c = claimChecklist({ threeParty: false }, ['OTHER', 'COLLECTION_RECORD'], JIANGBEI_2024);
    expect(c.missing.map((m) => m.kind)).toEqual(['LOAN_CONTRACT', 'PLEDGE_REGISTRATION', 'OVERDUE_PROOF']);
  });

  it('is a versioned parameter with its article: another district asks for other materials', () => {
    expect(JIANGBEI_2024.claimDocuments.article).toBe('Art 17');
    const other = claimChecklist(
      { threeParty: true },
      ['LOAN_CONTRACT', 'OVERDUE_PROOF'],
      OTHER_DISTRICT_2025,
    );
    expect(other.complete).toBe(true);
    expect(other.reasons).toEqual([]);
  });

  it('a policy whose list is empty or names an unknown kind is refused', () => {
    const empty = { ...JIANGBEI_2024, claimDocuments: { ...JIANGBEI_2024.claimDocuments, value: [] } };
    expect(validatePolicy(empty).map((v) => v.code)).toContain('LIST_EMPTY');
    const unknown = {
      ...JIANGBEI_2024,
      claimDocuments: {
        ...JIANGBEI_2024.claimDocuments,
        value: [{ kind: 'SELFIE' as never, label: 'x', when: 'ALWAYS' as const }],
      },
    };
    expect(validatePolicy(unknown).map((v) => v.code)).toContain('LIST_UNKNOWN_VALUE');
  });
});
