import { checkComment, claimActionButtons, claimActionSpec } from '../claimActions';

describe('claimActionButtons', () => {
  it('offers exactly what allowedActions allows, in workflow order', () => {
    expect(claimActionButtons(['RETURN', 'VERIFY']).map((b) => b.action)).toEqual(['VERIFY', 'RETURN']);
    expect(claimActionButtons(['REJECT', 'APPROVE']).map((b) => b.label)).toEqual(['会签同意', '驳回']);
    expect(claimActionButtons([])).toEqual([]);
  });

  it('never offers SUBMIT on an existing claim, nor an action it does not know', () => {
    expect(claimActionButtons(['SUBMIT', 'RESUBMIT', 'ESCALATE']).map((b) => b.action)).toEqual(['RESUBMIT']);
  });

  it('marks the refusing actions as dangerous and requiring a comment (R6)', () => {
    for (const action of ['RETURN', 'REJECT'] as const) {
      expect(claimActionSpec(action)).toMatchObject({ danger: true, comment: 'required' });
    }
    for (const action of ['VERIFY', 'APPROVE', 'PAY', 'CONFIRM_GUARANTOR_SHARE', 'RESUBMIT'] as const) {
      expect(claimActionSpec(action)).toMatchObject({ danger: false, comment: 'optional' });
    }
  });
});

describe('checkComment', () => {
  it('requires a non-blank reason for REJECT', () => {
    expect(checkComment(claimActionSpec('REJECT'), '   ')).toEqual({ ok: false, message: '请填写驳回理由' });
    expect(checkComment(claimActionSpec('REJECT'), ' 材料不实 ')).toEqual({ ok: true, comment: '材料不实' });
  });

  it('sends null for an empty optional comment', () => {
    expect(checkComment(claimActionSpec('APPROVE'), '')).toEqual({ ok: true, comment: null });
  });
});
