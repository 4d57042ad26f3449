import {
  expectEverySubsetAnswersAsAll,
  expectLeanCursorsPageOn,
  schemaFieldNames,
  fieldSubsetsSuite,
} from '../../../testing/field-subsets';
import { LOAN_FIELD_ROWS, pageColumns } from '../loan-list';

/**
 * The loan list reads only the columns, and makes only the joins, that the response's fields need
 * (issue 10). Whatever subset of a loan's fields a caller asks for, through aliases and fragments,
 * each value equals the one the all-fields query gives; a page of ids and contract numbers joins
 * nothing; a field the list does not know makes it read every column rather than miss a value.
 */
/** Every field of `Loan`, with the sub-selection a query needs for it. */
const SELECTIONS: Record<string, string> = {
  id: 'id',
  contractNo: 'contractNo',
  principal: 'principal',
  ipPledgedPrincipal: 'ipPledgedPrincipal',
  outstandingPrincipal: 'outstandingPrincipal',
  issuedOn: 'issuedOn',
  maturesOn: 'maturesOn',
  purpose: 'purpose',
  earliestUnpaidDueDate: 'earliestUnpaidDueDate',
  overdueDays: 'overdueDays',
  status: 'status',
  covered: 'covered',
  coverageReasons: 'coverageReasons { article code message }',
  bank: 'bank { id name }',
  guarantor: 'guarantor { id name }',
  enterprise: 'enterprise { id name blacklisted blacklistedSince blacklistReason }',
  acknowledgedAt: 'acknowledgedAt',
  acknowledgedBy: 'acknowledgedBy',
  statusAsOf: 'statusAsOf',
  collateral: 'collateral { id kind registrationNo }',
  statusReports: 'statusReports { asOf outstandingPrincipal closed }',
  viewerCan: 'viewerCan',
};
const FIELDS = Object.keys(SELECTIONS);

describe('pageColumns', () => {
  it('knows every field of the schema’s Loan, and the test asks for each of them', () => {
    const schemaFields = schemaFieldNames('Loan');
    expect(
      Object.keys(LOAN_FIELD_ROWS)
        .filter((f) => f !== '__typename')
        .sort(),
    ).toEqual(schemaFields);
    expect([...FIELDS].sort()).toEqual(schemaFields);
  });

  it('reads the id, the sequence and the sort column for ids alone, with no join', () => {
    const { select, joins } = pageColumns(new Set(['id', 'contractNo']), 'matures_on');
    expect(select).toBe('l.id, l.seq::text AS seq, l.contract_no, l.matures_on');
    expect(joins).toBe('');
  });

  it('joins only what the fields need', () => {
    expect(pageColumns(new Set(['bank']), 'issued_on').joins).toBe(
      'JOIN organizations b ON b.id = l.bank_id',
    );
    expect(pageColumns(new Set(['viewerCan']), 'issued_on').joins).toBe('');
    expect(pageColumns(new Set(['acknowledgedBy', 'guarantor']), 'issued_on').joins).toBe(
      'LEFT JOIN organizations g ON g.id = l.guarantor_id LEFT JOIN user_names u ON u.id = l.acknowledged_by',
    );
  });

  it('reads every column for an unknown field, or when the selection could not be read', () => {
    const all = pageColumns(null, 'issued_on');
    expect(pageColumns(new Set(['id', 'aFieldAddedLater']), 'issued_on')).toEqual(all);
    expect(all.joins.match(/JOIN/g)).toHaveLength(4);
  });
});

describe('the loan list with a subset of the fields', () => {
  const suite = fieldSubsetsSuite({
    root: 'loans',
    orderBy: '{ field: EARLIEST_UNPAID_DUE_DATE, direction: ASC }',
    type: 'Loan',
    selections: SELECTIONS,
    users: ['manager', 'bank-a', 'guarantor-a', 'ent-1'],
  });
  const { tokens, full, subsets } = suite;
  type Nodes = { loans: { totalCount: number; edges: { cursor: string; node: Record<string, unknown> }[] } };

  it('answers every subset as the all-fields query does, through aliases and fragments', async () => {
    await expectEverySubsetAnswersAsAll(subsets(), tokens, full);
  });

  it('reads a page of contract numbers without joining the names', async () => {
    const query = `{ loans(first: 10) { totalCount edges { node { id contractNo } } } }`;
    await suite.app.gql(query, {}, tokens['bank-a']);
    const { result, statements } = await suite.app.queries.measure(() =>
      suite.app.gql<Nodes>(query, {}, tokens['bank-a']),
    );
    expect(result.errors).toBeUndefined();
    const page = statements.filter((s) => /FROM loans l/.test(s));
    expect(page).toHaveLength(1);
    expect(page[0]).not.toMatch(/JOIN (organizations|enterprises|user_names)/);
    expect(page[0]).not.toMatch(/coverage_reasons/);
    expect(page[0]).toMatch(
      /SELECT l\.id, l\.seq::text AS seq, l\.contract_no, l\.issued_on FROM loans l\s+WHERE/,
    );
  });

  it('pages on with the cursor of a lean page as with a full one', async () => {
    await expectLeanCursorsPageOn(subsets(), tokens.manager, full.manager, 'id contractNo bank { name }');
  });
});
