import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LOAN_PURPOSES, type LoanPurpose } from '@ipfund/policy';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';
import { RuleReasonType } from '../../graphql/rule-reason.type';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum LoanStatus {
  ACTIVE = 'ACTIVE',
  OVERDUE = 'OVERDUE',
  IN_CLAIM = 'IN_CLAIM',
  COMPENSATED = 'COMPENSATED',
  CLOSED = 'CLOSED',
}
registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'OVERDUE is derived: ACTIVE with an unpaid instalment past due at the business date (R3)',
});

@ObjectType('EnterpriseRef')
export class EnterpriseRefType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Disqualified by the IP bureau (Art 21); every partner sees the flag' })
  blacklisted: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Loans issued on or after it are not covered' })
  blacklistedSince: string | null;

  @Field(() => String, { nullable: true })
  blacklistReason: string | null;
}

@ObjectType('Loan')
export class LoanType {
  @Field(() => ID)
  id: string;

  @Field()
  contractNo: string;

  @Field(() => DecimalScalar)
  principal: string;

  @Field(() => DecimalScalar, {
    description: 'The IP-pledged part (= principal for a pure IP pledge loan, Art 11)',
  })
  ipPledgedPrincipal: string;

  @Field(() => DecimalScalar)
  outstandingPrincipal: string;

  @Field(() => DateScalar)
  issuedOn: string;

  @Field(() => DateScalar)
  maturesOn: string;

  @Field()
  purpose: string;

  @Field(() => DateScalar, { nullable: true })
  earliestUnpaidDueDate: string | null;

  @Field(() => Int, {
    description: 'Calendar days from the earliest unpaid due date to the business date (R3)',
  })
  overdueDays: number;

  @Field(() => LoanStatus)
  status: LoanStatus;

  @Field()
  covered: boolean;

  @Field(() => [RuleReasonType])
  coverageReasons: RuleReasonType[];

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => OrgRefType, { nullable: true, description: 'Set on three-party loans (Art 11, 14)' })
  guarantor: OrgRefType | null;

  @Field(() => EnterpriseRefType)
  enterprise: EnterpriseRefType;

  @Field(() => Date, {
    nullable: true,
    description: 'When the guarantor acknowledged this three-party loan (Art 14); null until it does',
  })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who acknowledged it for the guarantor' })
  acknowledgedBy: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'As-of date of the latest status report' })
  statusAsOf: string | null;
}

@ObjectType('LoanEdge')
export class LoanEdgeType {
  @Field()
  cursor: string;

  @Field(() => LoanType)
  node: LoanType;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('LoanConnection')
export class LoanConnectionType {
  @Field(() => Int, { description: 'Loans the caller may see; nothing else is counted (DOMAIN.md §2)' })
  totalCount: number;

  @Field(() => [LoanEdgeType])
  edges: LoanEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

/** The purposes of Art 13 (allowed and forbidden), from the policy package so the two cannot drift. */
export const LoanPurposeEnum = Object.fromEntries(LOAN_PURPOSES.map((p) => [p, p])) as {
  [K in LoanPurpose]: K;
};
registerEnumType(LoanPurposeEnum, {
  name: 'LoanPurpose',
  description:
    'Art 13: IP_OPERATION, RND, TECH_UPGRADE, INDUSTRIALISATION and WORKING_CAPITAL are allowed; ' +
    'a loan for EQUITY_INVESTMENT, SECURITIES, FUNDS, FUTURES or OTHER_PROHIBITED can be recorded but is not covered',
});

@ObjectType('LoanCollateral', { description: 'A patent or trademark pledged for a loan (Art 2, 4)' })
export class LoanCollateralType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PATENT or TRADEMARK' })
  kind: string;

  @Field()
  registrationNo: string;

  @Field()
  title: string;
}

export enum StatusReportSource {
  REGISTRATION = 'REGISTRATION',
  REPORT = 'REPORT',
  TAPE = 'TAPE',
}
registerEnumType(StatusReportSource, {
  name: 'StatusReportSource',
  description: 'How a status reached the ledger: at registration, a single report, or a loan tape row',
});

@ObjectType('LoanStatusReport', { description: 'One status a bank reported (Art 12, 16); never edited' })
export class LoanStatusReportType {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => DecimalScalar)
  outstandingPrincipal: string;

  @Field(() => DateScalar, { nullable: true })
  earliestUnpaidDueDate: string | null;

  @Field()
  closed: boolean;

  @Field(() => StatusReportSource)
  source: StatusReportSource;

  @Field(() => String, { nullable: true, description: 'The loan tape file, for TAPE reports' })
  fileName: string | null;

  @Field(() => DateScalar, { description: 'Business date the report was recorded' })
  businessDate: string;

  @Field(() => Date)
  recordedAt: Date;
}

@InputType('RegisterLoanInput')
export class RegisterLoanInput {
  @Field(() => ID)
  enterpriseId: string;

  @Field({ description: "The bank's contract number; unique per bank" })
  @MaxLength(TEXT_LIMITS.code)
  contractNo: string;

  @Field(() => DecimalScalar)
  principal: string;

  @Field(() => DecimalScalar, {
    description: 'The IP-pledged part: = principal for a pure IP loan, less for a combination loan (Art 11)',
  })
  ipPledgedPrincipal: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An active partner guarantor → three-party loan (Art 11, 14)',
  })
  guarantorId?: string | null;

  @Field(() => DateScalar, { description: 'Not after the business date' })
  issuedOn: string;

  @Field(() => DateScalar)
  maturesOn: string;

  @Field(() => LoanPurposeEnum)
  purpose: LoanPurpose;

  @Field(() => [ID], {
    description: "Patents and trademarks of the borrowing enterprise (Art 2, 4); another's are refused",
  })
  collateralIds: string[];
}

@InputType('ReportLoanStatusInput')
export class ReportLoanStatusInput {
  @Field(() => ID)
  loanId: string;

  @Field(() => DateScalar, {
    description: 'Not after the business date, not before the issue date or the last report',
  })
  asOf: string;

  @Field(() => DecimalScalar, { description: '0 ≤ outstanding ≤ principal; 0 closes the loan' })
  outstandingPrincipal: string;

  @Field(() => DateScalar, { nullable: true, description: 'null: nothing due and unpaid (R3)' })
  earliestUnpaidDueDate?: string | null;
}

export enum LoanTapeMode {
  VALIDATE_ONLY = 'VALIDATE_ONLY',
  APPLY_ALL_OR_NOTHING = 'APPLY_ALL_OR_NOTHING',
  APPLY_VALID_ROWS = 'APPLY_VALID_ROWS',
}
registerEnumType(LoanTapeMode, {
  name: 'LoanTapeMode',
  description:
    'VALIDATE_ONLY checks every row and writes nothing; APPLY_ALL_OR_NOTHING applies only a file without ' +
    'errors; APPLY_VALID_ROWS applies the valid rows and reports the others',
});

@InputType('UploadLoanTapeInput')
export class UploadLoanTapeInput {
  @Field({ description: 'Ends in .csv or .xlsx' })
  @MaxLength(TEXT_LIMITS.fileName)
  fileName: string;

  @Field({ description: 'The file, base64-encoded' })
  @MaxLength(TEXT_LIMITS.base64File)
  contentBase64: string;

  @Field(() => LoanTapeMode)
  mode: LoanTapeMode;
}

@ObjectType('LoanTapeError', { description: 'Why one row (or the header) of a loan tape was refused' })
export class LoanTapeErrorType {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column as headed in the file' })
  column: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'contractNo, asOf, outstandingPrincipal or earliestUnpaidDueDate',
  })
  field: string | null;

  @Field({ description: 'Stable code, e.g. CONTRACT_NOT_FOUND, INVALID_DATE, AS_OF_BEFORE_LAST_REPORT' })
  code: string;

  @Field()
  reason: string;
}

@ObjectType('LoanTapeNewLoan')
export class LoanTapeNewLoanType {
  @Field(() => Int)
  line: number;
  @Field()
  contractNo: string;
  @Field(() => ID, { nullable: true })
  loanId: string | null;
  @Field({ description: 'Coverage as registerLoan decides it (R2)' })
  covered: boolean;
}

@ObjectType('LoanTapeResult')
export class LoanTapeResultType {
  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  validRows: number;

  @Field(() => Int, { description: 'Rows written (0 for VALIDATE_ONLY or a refused all-or-nothing file)' })
  applied: number;

  @Field(() => [LoanTapeErrorType])
  errors: LoanTapeErrorType[];

  @Field(() => Int, { description: 'New loans the file registered (issue 11); 0 unless applied' })
  registered: number;

  @Field(() => [LoanTapeNewLoanType], {
    description:
      'The file\u2019s new loans that passed registration, with the coverage decided (loanId null unless applied)',
  })
  newLoans: LoanTapeNewLoanType[];
}

export enum TapeFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(TapeFormat, { name: 'TapeFormat' });

@ObjectType('DownloadableFile')
export class DownloadableFileType {
  @Field()
  fileName: string;

  @Field()
  mimeType: string;

  @Field()
  contentBase64: string;
}

@ObjectType('BorrowerOption', {
  description: 'An enterprise the caller may lend to, with the IP it can pledge (for the registration form)',
})
export class BorrowerOptionType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  creditCode: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Art 21: loans issued on or after it are not covered',
  })
  blacklistedSince: string | null;

  @Field(() => [LoanCollateralType])
  ipAssets: LoanCollateralType[];
}
