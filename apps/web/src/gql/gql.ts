/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n": typeof types.ViewerPermissionsDocument,
    "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n": typeof types.PolicyParamDaysFragmentDoc,
    "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n": typeof types.PolicyDocument,
    "\n  query ActivityLog($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activityLog(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          businessDate\n          userId\n          userName\n          organizationId\n          organizationName\n          orgKind\n          operation\n          targetType\n          targetId\n          outcome\n          article\n          detail\n          rowHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ActivityLogDocument,
    "\n  query VerifyActivityChain {\n    verifyActivityChain {\n      ok\n      checked\n      firstBrokenId\n    }\n  }\n": typeof types.VerifyActivityChainDocument,
    "\n  fragment EngagementFields on AuditEngagement {\n    id\n    auditor {\n      id\n      name\n    }\n    scope\n    subjects\n    startsOn\n    endsOn\n    status\n    activeToday\n    engagedOn\n    endedOn\n    endReason\n    article\n  }\n": typeof types.EngagementFieldsFragmentDoc,
    "\n  query AuditEngagements {\n    auditEngagements {\n      ...EngagementFields\n    }\n  }\n": typeof types.AuditEngagementsDocument,
    "\n  query AuditFirms {\n    auditFirms {\n      id\n      name\n    }\n  }\n": typeof types.AuditFirmsDocument,
    "\n  mutation EngageAuditor($input: EngageAuditorInput!) {\n    engageAuditor(input: $input) {\n      ...EngagementFields\n    }\n  }\n": typeof types.EngageAuditorDocument,
    "\n  mutation EndAuditEngagement($id: ID!, $reason: String!) {\n    endAuditEngagement(id: $id, reason: $reason) {\n      ...EngagementFields\n    }\n  }\n": typeof types.EndAuditEngagementDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n": typeof types.PortalInfoDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      expiresAt\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment ClaimApprovalFields on ClaimApproval {\n    organization {\n      id\n      name\n      kind\n    }\n    decision\n    comment\n    decidedAt\n    businessDate\n  }\n": typeof types.ClaimApprovalFieldsFragmentDoc,
    "\n  query Claims($first: Int, $after: String, $filter: ClaimFilter, $orderBy: ClaimOrder) {\n    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          threeParty\n          filedOn\n          lossBase\n          fundShare\n          guarantorShare\n          bankShare\n          loan {\n            id\n            contractNo\n            bankName\n            enterpriseName\n          }\n          approvals {\n            ...ClaimApprovalFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClaimsDocument,
    "\n  fragment ClaimComputationFields on ClaimComputation {\n    asOf\n    lossBase\n    tier\n    tierCapRate\n    fundRate\n    fundShareBeforeCaps\n    fundShareAfterLoanCap\n    fundShare\n    guarantorRate\n    guarantorShare\n    bankShare\n    limitedBy\n    enterpriseYearCompensatedSoFar\n    enterpriseYearCapReduction\n    reasons {\n      article\n      code\n      message\n    }\n  }\n": typeof types.ClaimComputationFieldsFragmentDoc,
    "\n  fragment RecoveryFields on Recovery {\n    id\n    claimId\n    amount\n    receivedOn\n    amountOwedToFund\n    dueOn\n    remittedOn\n    overdue\n    remittanceStatus\n    declaredRemittedOn\n    declaredReference\n    rejectionReason\n    bankStatementRef\n    viewerCan\n  }\n": typeof types.RecoveryFieldsFragmentDoc,
    "\n  fragment ClaimDocumentFields on ClaimDocument {\n    id\n    kind\n    fileName\n    contentType\n    sizeBytes\n    sha256\n    uploadedAt\n    downloadUrl\n  }\n": typeof types.ClaimDocumentFieldsFragmentDoc,
    "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      id\n      status\n      threeParty\n      filedOn\n      overdueDaysAtFiling\n      outstandingPrincipal\n      lossBase\n      fundShare\n      guarantorShare\n      bankShare\n      limitedBy\n      filing {\n        ...ClaimComputationFields\n      }\n      final {\n        ...ClaimComputationFields\n      }\n      approvedOn\n      paidOn\n      payoutTransactionId\n      loan {\n        id\n        contractNo\n        bankName\n        enterpriseName\n        guarantorName\n        principal\n        ipPledgedPrincipal\n      }\n      approvals {\n        ...ClaimApprovalFields\n      }\n      history {\n        action\n        fromStatus\n        toStatus\n        organization {\n          id\n          name\n          kind\n        }\n        userDisplayName\n        comment\n        occurredAt\n        businessDate\n      }\n      documents {\n        ...ClaimDocumentFields\n      }\n      documentChecklist {\n        kind\n        label\n        required\n        present\n      }\n      recoveries {\n        ...RecoveryFields\n      }\n      allowedActions\n      viewerCan\n    }\n  }\n": typeof types.ClaimDocument,
    "\n  query OpenRemittances {\n    openRemittances {\n      ...RecoveryFields\n    }\n  }\n": typeof types.OpenRemittancesDocument,
    "\n  fragment FundStatusFields on FundStatus {\n    principalBalance\n    interestBalance\n    cumulativeCompensation\n    suspended\n    viewerCan\n  }\n": typeof types.FundStatusFieldsFragmentDoc,
    "\n  query ClaimsFundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n  }\n": typeof types.ClaimsFundStatusDocument,
    "\n  query FundResumptionVotes {\n    fundResumptionVotes {\n      orgKind\n      comment\n      businessDate\n      occurredAt\n    }\n  }\n": typeof types.FundResumptionVotesDocument,
    "\n  query LoansForClaim($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          principal\n          ipPledgedPrincipal\n          outstandingPrincipal\n          overdueDays\n          status\n          covered\n          enterprise {\n            id\n            name\n          }\n          guarantor {\n            id\n            name\n          }\n          viewerCan\n        }\n      }\n    }\n  }\n": typeof types.LoansForClaimDocument,
    "\n  mutation SubmitClaim($input: SubmitClaimInput!) {\n    submitClaim(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitClaimDocument,
    "\n  mutation ResubmitClaim($claimId: ID!, $comment: String) {\n    resubmitClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ResubmitClaimDocument,
    "\n  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {\n    confirmGuarantorShare(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmGuarantorShareDocument,
    "\n  mutation VerifyClaim($claimId: ID!, $comment: String) {\n    verifyClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.VerifyClaimDocument,
    "\n  mutation ReturnClaim($claimId: ID!, $comment: String!) {\n    returnClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ReturnClaimDocument,
    "\n  mutation ApproveClaim($claimId: ID!, $comment: String) {\n    approveClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveClaimDocument,
    "\n  mutation RejectClaim($claimId: ID!, $reason: String!) {\n    rejectClaim(claimId: $claimId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RejectClaimDocument,
    "\n  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {\n    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.PayClaimDocument,
    "\n  mutation UploadClaimDocument($input: UploadClaimDocumentInput!) {\n    uploadClaimDocument(input: $input) {\n      id\n      kind\n      fileName\n      contentType\n      sizeBytes\n      sha256\n    }\n  }\n": typeof types.UploadClaimDocumentDocument,
    "\n  mutation RecordRecovery($input: RecordRecoveryInput!) {\n    recordRecovery(input: $input) {\n      ...RecoveryFields\n    }\n  }\n": typeof types.RecordRecoveryDocument,
    "\n  mutation RecordRemittance(\n    $recoveryId: ID!\n    $idempotencyKey: String!\n    $declaration: RemittanceDeclarationInput\n  ) {\n    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {\n      ...RecoveryFields\n    }\n  }\n": typeof types.RecordRemittanceDocument,
    "\n  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {\n    confirmRemittance(input: $input) {\n      ...RecoveryFields\n    }\n  }\n": typeof types.ConfirmRemittanceDocument,
    "\n  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {\n    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {\n      ...RecoveryFields\n    }\n  }\n": typeof types.RejectRemittanceDocument,
    "\n  mutation ConsentToResumeFund($comment: String!) {\n    consentToResumeFund(comment: $comment) {\n      resumed\n      votes\n    }\n  }\n": typeof types.ConsentToResumeFundDocument,
    "\n  query PaidClaimRefs($first: Int) {\n    claims(first: $first, status: PAID) {\n      totalCount\n      edges {\n        node {\n          id\n          loan {\n            id\n            contractNo\n            enterpriseName\n            bankName\n          }\n        }\n      }\n    }\n  }\n": typeof types.PaidClaimRefsDocument,
    "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    district\n    industry\n    blacklisted\n    blacklistedSince\n    blacklistReason\n    ipAssets {\n      id\n      kind\n      registrationNo\n      title\n    }\n    viewerCan\n  }\n": typeof types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($first: Int, $after: String, $search: String) {\n    enterprises(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EnterprisesDocument,
    "\n  query Enterprise($id: ID!) {\n    enterprise(id: $id) {\n      ...EnterpriseFields\n    }\n  }\n": typeof types.EnterpriseDocument,
    "\n  fragment LibraryEntryFields on LibraryEntry {\n    id\n    name\n    creditCode\n    alreadyInLibrary\n  }\n": typeof types.LibraryEntryFieldsFragmentDoc,
    "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      ...LibraryEntryFields\n    }\n  }\n": typeof types.CreateEnterpriseDocument,
    "\n  query EnterpriseByCreditCode($creditCode: String!) {\n    enterpriseByCreditCode(creditCode: $creditCode) {\n      ...LibraryEntryFields\n    }\n  }\n": typeof types.EnterpriseByCreditCodeDocument,
    "\n  mutation AddIpAsset($input: AddIpAssetInput!) {\n    addIpAsset(input: $input) {\n      id\n      kind\n      registrationNo\n      title\n    }\n  }\n": typeof types.AddIpAssetDocument,
    "\n  fragment BlacklistProposalFields on BlacklistProposal {\n    id\n    enterprise {\n      id\n      name\n      blacklisted\n    }\n    reason\n    proposedOn\n    proposedBy {\n      id\n      name\n    }\n    status\n    decidedOn\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    viewerCan\n  }\n": typeof types.BlacklistProposalFieldsFragmentDoc,
    "\n  query BlacklistProposals {\n    blacklistProposals {\n      ...BlacklistProposalFields\n    }\n  }\n": typeof types.BlacklistProposalsDocument,
    "\n  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {\n    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {\n      ...BlacklistProposalFields\n    }\n  }\n": typeof types.ProposeBlacklistDocument,
    "\n  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {\n    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {\n      ...BlacklistProposalFields\n    }\n  }\n": typeof types.DecideBlacklistDocument,
    "\n  fragment RoundFields on EvaluationRound {\n    id\n    half\n    periodFrom\n    periodTo\n    asOf\n    status\n    policyId\n    weights {\n      criterion\n      weight\n    }\n    computedOn\n    submittedOn\n    article\n    viewerCan\n    entries {\n      id\n      partner {\n        id\n        name\n      }\n      partnerKind\n      indicators {\n        loansGranted\n        amountGranted\n        enterprises\n        firstTimeBorrowers\n        loanShare\n        registrationTimeliness\n        remittanceTimeliness\n        overdueRate\n        compensationRate\n      }\n      scores {\n        productInnovation\n        creditGranted\n        enterpriseReach\n        loanEfficiency\n        assetQuality\n        workEffectiveness\n      }\n      scoreComment\n      totalScore\n      rank\n      viewerCan\n    }\n  }\n": typeof types.RoundFieldsFragmentDoc,
    "\n  query EvaluationRounds {\n    evaluationRounds {\n      ...RoundFields\n    }\n  }\n": typeof types.EvaluationRoundsDocument,
    "\n  mutation ComputeEvaluation($period: String!) {\n    computeEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n": typeof types.ComputeEvaluationDocument,
    "\n  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {\n    scorePartnerEvaluation(entryId: $entryId, input: $input) {\n      ...RoundFields\n    }\n  }\n": typeof types.ScorePartnerEvaluationDocument,
    "\n  mutation SubmitEvaluation($period: String!) {\n    submitEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n": typeof types.SubmitEvaluationDocument,
    "\n  query Dashboard {\n    dashboard {\n      asOf\n      portfolio {\n        loanCount\n        outstandingPrincipal\n        overdueLoans\n        overduePrincipal\n        riskOverdueLoans\n      }\n      loansByStatus {\n        status\n        count\n        amount\n      }\n      claimsByStatus {\n        status\n        count\n        amount\n      }\n      quarters {\n        quarter\n        endsOn\n        loansIssued\n        principalIssued\n        claimsFiled\n        compensationApproved\n        compensationPaid\n        cumulativeCompensation\n      }\n      riskHistory {\n        bank {\n          id\n          name\n        }\n        points {\n          asOf\n          ratio\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query HomeRecentLoans($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          bank {\n            id\n            name\n          }\n          enterprise {\n            id\n            name\n          }\n          outstandingPrincipal\n          issuedOn\n          overdueDays\n          status\n        }\n      }\n    }\n  }\n": typeof types.HomeRecentLoansDocument,
    "\n  query HomeRecentClaims($first: Int) {\n    claims(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          filedOn\n          fundShare\n          loan {\n            id\n            contractNo\n            enterpriseName\n          }\n        }\n      }\n    }\n  }\n": typeof types.HomeRecentClaimsDocument,
    "\n  query FundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n": typeof types.FundStatusDocument,
    "\n  fragment TrialBalanceLineFields on TrialBalanceLine {\n    accountCode\n    name\n    type\n    normalSide\n    debitTotal\n    creditTotal\n    balance\n    depositBank\n    depositAccountNo\n  }\n": typeof types.TrialBalanceLineFieldsFragmentDoc,
    "\n  query TrialBalance {\n    trialBalance {\n      balanced\n      debitTotal\n      creditTotal\n      lines {\n        ...TrialBalanceLineFields\n      }\n    }\n  }\n": typeof types.TrialBalanceDocument,
    "\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    seq\n    kind\n    memo\n    referenceType\n    referenceId\n    businessDate\n    reversesTransactionId\n    reversedByTransactionId\n    createdBy\n    createdByOrganization\n  }\n": typeof types.LedgerTransactionFieldsFragmentDoc,
    "\n  query LedgerEntries($first: Int, $after: String, $filter: LedgerEntryFilter, $orderBy: LedgerEntryOrder) {\n    ledgerEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          accountCode\n          accountName\n          debit\n          credit\n          transaction {\n            ...LedgerTransactionFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.LedgerEntriesDocument,
    "\n  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {\n    recordInterestIncome(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n": typeof types.RecordInterestIncomeDocument,
    "\n  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {\n    recordProgrammeCost(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n": typeof types.RecordProgrammeCostDocument,
    "\n  mutation ReverseLedgerTransaction($transactionId: ID!, $reason: String!, $idempotencyKey: String!) {\n    reverseLedgerTransaction(transactionId: $transactionId, reason: $reason, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n      kind\n    }\n  }\n": typeof types.ReverseLedgerTransactionDocument,
    "\n  query PreviewLoanCoverage($input: PreviewLoanCoverageInput!) {\n    previewLoanCoverage(input: $input) {\n      verdict\n      verdictLabel\n      tier\n      tierCapRate\n      loanKind\n      reasons {\n        article\n        code\n        message\n      }\n    }\n  }\n": typeof types.PreviewLoanCoverageDocument,
    "\n  fragment LoanRowFields on Loan {\n    id\n    contractNo\n    principal\n    ipPledgedPrincipal\n    outstandingPrincipal\n    issuedOn\n    maturesOn\n    purpose\n    earliestUnpaidDueDate\n    statusAsOf\n    overdueDays\n    status\n    covered\n    coverageReasons {\n      article\n      code\n      message\n    }\n    acknowledgedAt\n    acknowledgedBy\n    enterprise {\n      id\n      name\n    }\n    bank {\n      id\n      name\n    }\n    guarantor {\n      id\n      name\n    }\n    viewerCan\n  }\n": typeof types.LoanRowFieldsFragmentDoc,
    "\n  query Loans($first: Int, $after: String, $filter: LoanFilter, $orderBy: LoanOrder) {\n    loans(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...LoanRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.LoansDocument,
    "\n  query LoanDetail($id: ID!) {\n    loan(id: $id) {\n      ...LoanRowFields\n      collateral {\n        id\n        kind\n        registrationNo\n        title\n      }\n      statusReports {\n        id\n        asOf\n        outstandingPrincipal\n        earliestUnpaidDueDate\n        closed\n        source\n        fileName\n        businessDate\n      }\n    }\n  }\n": typeof types.LoanDetailDocument,
    "\n  query LoanRegistrationOptions {\n    borrowerOptions {\n      id\n      name\n      creditCode\n      blacklistedSince\n      ipAssets {\n        id\n        kind\n        registrationNo\n        title\n      }\n    }\n    guarantorOptions {\n      id\n      name\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n": typeof types.LoanRegistrationOptionsDocument,
    "\n  mutation RegisterLoan($input: RegisterLoanInput!) {\n    registerLoan(input: $input) {\n      ...LoanRowFields\n    }\n  }\n": typeof types.RegisterLoanDocument,
    "\n  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {\n    reportLoanStatus(input: $input) {\n      ...LoanRowFields\n    }\n  }\n": typeof types.ReportLoanStatusDocument,
    "\n  mutation AcknowledgeLoan($loanId: ID!) {\n    acknowledgeLoan(loanId: $loanId) {\n      ...LoanRowFields\n    }\n  }\n": typeof types.AcknowledgeLoanDocument,
    "\n  mutation UploadLoanTape($input: UploadLoanTapeInput!) {\n    uploadLoanTape(input: $input) {\n      totalRows\n      validRows\n      applied\n      errors {\n        line\n        column\n        field\n        code\n        reason\n      }\n    }\n  }\n": typeof types.UploadLoanTapeDocument,
    "\n  query LoanTapeTemplate($format: TapeFormat!) {\n    loanTapeTemplate(format: $format) {\n      fileName\n      mimeType\n      contentBase64\n    }\n  }\n": typeof types.LoanTapeTemplateDocument,
    "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n": typeof types.PortalClockDocument,
    "\n  fragment PartnerFields on Partner {\n    id\n    kind\n    name\n    shortName\n    status\n    licenceNo\n    statusReason\n    statusChangedOn\n    viewerCan\n  }\n": typeof types.PartnerFieldsFragmentDoc,
    "\n  query Partners {\n    partners {\n      ...PartnerFields\n    }\n  }\n": typeof types.PartnersDocument,
    "\n  mutation AdmitPartner($input: AdmitPartnerInput!) {\n    admitPartner(input: $input) {\n      ...PartnerFields\n    }\n  }\n": typeof types.AdmitPartnerDocument,
    "\n  mutation RetirePartner($orgId: ID!, $reason: String!) {\n    retirePartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n": typeof types.RetirePartnerDocument,
    "\n  mutation DisqualifyPartner($orgId: ID!, $reason: String!) {\n    disqualifyPartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n": typeof types.DisqualifyPartnerDocument,
    "\n  fragment AgreementFields on CooperationAgreement {\n    id\n    bank {\n      id\n      name\n    }\n    effectiveFrom\n    fundRateLowTier\n    fundRateHighTier\n    guarantorRate\n    inForce\n    recordedOn\n  }\n": typeof types.AgreementFieldsFragmentDoc,
    "\n  query Agreements($bankId: ID) {\n    agreements(bankId: $bankId) {\n      ...AgreementFields\n    }\n  }\n": typeof types.AgreementsDocument,
    "\n  mutation RecordAgreement($input: RecordAgreementInput!) {\n    recordAgreement(input: $input) {\n      ...AgreementFields\n    }\n  }\n": typeof types.RecordAgreementDocument,
    "\n  fragment ManagedUserFields on ManagedUser {\n    id\n    username\n    displayName\n    active\n  }\n": typeof types.ManagedUserFieldsFragmentDoc,
    "\n  query OrganizationUsers($organizationId: ID!) {\n    organizationUsers(organizationId: $organizationId) {\n      ...ManagedUserFields\n    }\n  }\n": typeof types.OrganizationUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ManagedUserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserFields\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query LoginLockouts {\n    loginLockouts {\n      kind\n      subject\n      failures\n      blockedUntil\n    }\n  }\n": typeof types.LoginLockoutsDocument,
    "\n  mutation ClearLoginLockout($username: String!) {\n    clearLoginLockout(username: $username)\n  }\n": typeof types.ClearLoginLockoutDocument,
    "\n  query MyTasks($first: Int, $after: String) {\n    myTasks(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        kind\n        title\n        dueOn\n        operation\n        article\n        subject {\n          __typename\n          ... on Claim {\n            id\n          }\n          ... on Loan {\n            id\n          }\n          ... on Recovery {\n            id\n            claimId\n          }\n          ... on SuspensionProposal {\n            id\n          }\n          ... on BlacklistProposal {\n            id\n          }\n          ... on BankRisk {\n            bank {\n              id\n              name\n            }\n          }\n          ... on RiskEvent {\n            id\n          }\n          ... on Enterprise {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  query MyTaskCount {\n    myTasks(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.MyTaskCountDocument,
};
const documents: Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": types.MeDocument,
    "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n": types.ViewerPermissionsDocument,
    "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n": types.PolicyParamDaysFragmentDoc,
    "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n": types.PolicyDocument,
    "\n  query ActivityLog($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activityLog(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          businessDate\n          userId\n          userName\n          organizationId\n          organizationName\n          orgKind\n          operation\n          targetType\n          targetId\n          outcome\n          article\n          detail\n          rowHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ActivityLogDocument,
    "\n  query VerifyActivityChain {\n    verifyActivityChain {\n      ok\n      checked\n      firstBrokenId\n    }\n  }\n": types.VerifyActivityChainDocument,
    "\n  fragment EngagementFields on AuditEngagement {\n    id\n    auditor {\n      id\n      name\n    }\n    scope\n    subjects\n    startsOn\n    endsOn\n    status\n    activeToday\n    engagedOn\n    endedOn\n    endReason\n    article\n  }\n": types.EngagementFieldsFragmentDoc,
    "\n  query AuditEngagements {\n    auditEngagements {\n      ...EngagementFields\n    }\n  }\n": types.AuditEngagementsDocument,
    "\n  query AuditFirms {\n    auditFirms {\n      id\n      name\n    }\n  }\n": types.AuditFirmsDocument,
    "\n  mutation EngageAuditor($input: EngageAuditorInput!) {\n    engageAuditor(input: $input) {\n      ...EngagementFields\n    }\n  }\n": types.EngageAuditorDocument,
    "\n  mutation EndAuditEngagement($id: ID!, $reason: String!) {\n    endAuditEngagement(id: $id, reason: $reason) {\n      ...EngagementFields\n    }\n  }\n": types.EndAuditEngagementDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n": types.PortalInfoDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      expiresAt\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  fragment ClaimApprovalFields on ClaimApproval {\n    organization {\n      id\n      name\n      kind\n    }\n    decision\n    comment\n    decidedAt\n    businessDate\n  }\n": types.ClaimApprovalFieldsFragmentDoc,
    "\n  query Claims($first: Int, $after: String, $filter: ClaimFilter, $orderBy: ClaimOrder) {\n    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          threeParty\n          filedOn\n          lossBase\n          fundShare\n          guarantorShare\n          bankShare\n          loan {\n            id\n            contractNo\n            bankName\n            enterpriseName\n          }\n          approvals {\n            ...ClaimApprovalFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClaimsDocument,
    "\n  fragment ClaimComputationFields on ClaimComputation {\n    asOf\n    lossBase\n    tier\n    tierCapRate\n    fundRate\n    fundShareBeforeCaps\n    fundShareAfterLoanCap\n    fundShare\n    guarantorRate\n    guarantorShare\n    bankShare\n    limitedBy\n    enterpriseYearCompensatedSoFar\n    enterpriseYearCapReduction\n    reasons {\n      article\n      code\n      message\n    }\n  }\n": types.ClaimComputationFieldsFragmentDoc,
    "\n  fragment RecoveryFields on Recovery {\n    id\n    claimId\n    amount\n    receivedOn\n    amountOwedToFund\n    dueOn\n    remittedOn\n    overdue\n    remittanceStatus\n    declaredRemittedOn\n    declaredReference\n    rejectionReason\n    bankStatementRef\n    viewerCan\n  }\n": types.RecoveryFieldsFragmentDoc,
    "\n  fragment ClaimDocumentFields on ClaimDocument {\n    id\n    kind\n    fileName\n    contentType\n    sizeBytes\n    sha256\n    uploadedAt\n    downloadUrl\n  }\n": types.ClaimDocumentFieldsFragmentDoc,
    "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      id\n      status\n      threeParty\n      filedOn\n      overdueDaysAtFiling\n      outstandingPrincipal\n      lossBase\n      fundShare\n      guarantorShare\n      bankShare\n      limitedBy\n      filing {\n        ...ClaimComputationFields\n      }\n      final {\n        ...ClaimComputationFields\n      }\n      approvedOn\n      paidOn\n      payoutTransactionId\n      loan {\n        id\n        contractNo\n        bankName\n        enterpriseName\n        guarantorName\n        principal\n        ipPledgedPrincipal\n      }\n      approvals {\n        ...ClaimApprovalFields\n      }\n      history {\n        action\n        fromStatus\n        toStatus\n        organization {\n          id\n          name\n          kind\n        }\n        userDisplayName\n        comment\n        occurredAt\n        businessDate\n      }\n      documents {\n        ...ClaimDocumentFields\n      }\n      documentChecklist {\n        kind\n        label\n        required\n        present\n      }\n      recoveries {\n        ...RecoveryFields\n      }\n      allowedActions\n      viewerCan\n    }\n  }\n": types.ClaimDocument,
    "\n  query OpenRemittances {\n    openRemittances {\n      ...RecoveryFields\n    }\n  }\n": types.OpenRemittancesDocument,
    "\n  fragment FundStatusFields on FundStatus {\n    principalBalance\n    interestBalance\n    cumulativeCompensation\n    suspended\n    viewerCan\n  }\n": types.FundStatusFieldsFragmentDoc,
    "\n  query ClaimsFundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n  }\n": types.ClaimsFundStatusDocument,
    "\n  query FundResumptionVotes {\n    fundResumptionVotes {\n      orgKind\n      comment\n      businessDate\n      occurredAt\n    }\n  }\n": types.FundResumptionVotesDocument,
    "\n  query LoansForClaim($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          principal\n          ipPledgedPrincipal\n          outstandingPrincipal\n          overdueDays\n          status\n          covered\n          enterprise {\n            id\n            name\n          }\n          guarantor {\n            id\n            name\n          }\n          viewerCan\n        }\n      }\n    }\n  }\n": types.LoansForClaimDocument,
    "\n  mutation SubmitClaim($input: SubmitClaimInput!) {\n    submitClaim(input: $input) {\n      id\n      status\n    }\n  }\n": types.SubmitClaimDocument,
    "\n  mutation ResubmitClaim($claimId: ID!, $comment: String) {\n    resubmitClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ResubmitClaimDocument,
    "\n  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {\n    confirmGuarantorShare(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ConfirmGuarantorShareDocument,
    "\n  mutation VerifyClaim($claimId: ID!, $comment: String) {\n    verifyClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.VerifyClaimDocument,
    "\n  mutation ReturnClaim($claimId: ID!, $comment: String!) {\n    returnClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ReturnClaimDocument,
    "\n  mutation ApproveClaim($claimId: ID!, $comment: String) {\n    approveClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ApproveClaimDocument,
    "\n  mutation RejectClaim($claimId: ID!, $reason: String!) {\n    rejectClaim(claimId: $claimId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RejectClaimDocument,
    "\n  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {\n    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.PayClaimDocument,
    "\n  mutation UploadClaimDocument($input: UploadClaimDocumentInput!) {\n    uploadClaimDocument(input: $input) {\n      id\n      kind\n      fileName\n      contentType\n      sizeBytes\n      sha256\n    }\n  }\n": types.UploadClaimDocumentDocument,
    "\n  mutation RecordRecovery($input: RecordRecoveryInput!) {\n    recordRecovery(input: $input) {\n      ...RecoveryFields\n    }\n  }\n": types.RecordRecoveryDocument,
    "\n  mutation RecordRemittance(\n    $recoveryId: ID!\n    $idempotencyKey: String!\n    $declaration: RemittanceDeclarationInput\n  ) {\n    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {\n      ...RecoveryFields\n    }\n  }\n": types.RecordRemittanceDocument,
    "\n  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {\n    confirmRemittance(input: $input) {\n      ...RecoveryFields\n    }\n  }\n": types.ConfirmRemittanceDocument,
    "\n  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {\n    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {\n      ...RecoveryFields\n    }\n  }\n": types.RejectRemittanceDocument,
    "\n  mutation ConsentToResumeFund($comment: String!) {\n    consentToResumeFund(comment: $comment) {\n      resumed\n      votes\n    }\n  }\n": types.ConsentToResumeFundDocument,
    "\n  query PaidClaimRefs($first: Int) {\n    claims(first: $first, status: PAID) {\n      totalCount\n      edges {\n        node {\n          id\n          loan {\n            id\n            contractNo\n            enterpriseName\n            bankName\n          }\n        }\n      }\n    }\n  }\n": types.PaidClaimRefsDocument,
    "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    district\n    industry\n    blacklisted\n    blacklistedSince\n    blacklistReason\n    ipAssets {\n      id\n      kind\n      registrationNo\n      title\n    }\n    viewerCan\n  }\n": types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($first: Int, $after: String, $search: String) {\n    enterprises(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EnterprisesDocument,
    "\n  query Enterprise($id: ID!) {\n    enterprise(id: $id) {\n      ...EnterpriseFields\n    }\n  }\n": types.EnterpriseDocument,
    "\n  fragment LibraryEntryFields on LibraryEntry {\n    id\n    name\n    creditCode\n    alreadyInLibrary\n  }\n": types.LibraryEntryFieldsFragmentDoc,
    "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      ...LibraryEntryFields\n    }\n  }\n": types.CreateEnterpriseDocument,
    "\n  query EnterpriseByCreditCode($creditCode: String!) {\n    enterpriseByCreditCode(creditCode: $creditCode) {\n      ...LibraryEntryFields\n    }\n  }\n": types.EnterpriseByCreditCodeDocument,
    "\n  mutation AddIpAsset($input: AddIpAssetInput!) {\n    addIpAsset(input: $input) {\n      id\n      kind\n      registrationNo\n      title\n    }\n  }\n": types.AddIpAssetDocument,
    "\n  fragment BlacklistProposalFields on BlacklistProposal {\n    id\n    enterprise {\n      id\n      name\n      blacklisted\n    }\n    reason\n    proposedOn\n    proposedBy {\n      id\n      name\n    }\n    status\n    decidedOn\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    viewerCan\n  }\n": types.BlacklistProposalFieldsFragmentDoc,
    "\n  query BlacklistProposals {\n    blacklistProposals {\n      ...BlacklistProposalFields\n    }\n  }\n": types.BlacklistProposalsDocument,
    "\n  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {\n    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {\n      ...BlacklistProposalFields\n    }\n  }\n": types.ProposeBlacklistDocument,
    "\n  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {\n    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {\n      ...BlacklistProposalFields\n    }\n  }\n": types.DecideBlacklistDocument,
    "\n  fragment RoundFields on EvaluationRound {\n    id\n    half\n    periodFrom\n    periodTo\n    asOf\n    status\n    policyId\n    weights {\n      criterion\n      weight\n    }\n    computedOn\n    submittedOn\n    article\n    viewerCan\n    entries {\n      id\n      partner {\n        id\n        name\n      }\n      partnerKind\n      indicators {\n        loansGranted\n        amountGranted\n        enterprises\n        firstTimeBorrowers\n        loanShare\n        registrationTimeliness\n        remittanceTimeliness\n        overdueRate\n        compensationRate\n      }\n      scores {\n        productInnovation\n        creditGranted\n        enterpriseReach\n        loanEfficiency\n        assetQuality\n        workEffectiveness\n      }\n      scoreComment\n      totalScore\n      rank\n      viewerCan\n    }\n  }\n": types.RoundFieldsFragmentDoc,
    "\n  query EvaluationRounds {\n    evaluationRounds {\n      ...RoundFields\n    }\n  }\n": types.EvaluationRoundsDocument,
    "\n  mutation ComputeEvaluation($period: String!) {\n    computeEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n": types.ComputeEvaluationDocument,
    "\n  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {\n    scorePartnerEvaluation(entryId: $entryId, input: $input) {\n      ...RoundFields\n    }\n  }\n": types.ScorePartnerEvaluationDocument,
    "\n  mutation SubmitEvaluation($period: String!) {\n    submitEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n": types.SubmitEvaluationDocument,
    "\n  query Dashboard {\n    dashboard {\n      asOf\n      portfolio {\n        loanCount\n        outstandingPrincipal\n        overdueLoans\n        overduePrincipal\n        riskOverdueLoans\n      }\n      loansByStatus {\n        status\n        count\n        amount\n      }\n      claimsByStatus {\n        status\n        count\n        amount\n      }\n      quarters {\n        quarter\n        endsOn\n        loansIssued\n        principalIssued\n        claimsFiled\n        compensationApproved\n        compensationPaid\n        cumulativeCompensation\n      }\n      riskHistory {\n        bank {\n          id\n          name\n        }\n        points {\n          asOf\n          ratio\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query HomeRecentLoans($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          bank {\n            id\n            name\n          }\n          enterprise {\n            id\n            name\n          }\n          outstandingPrincipal\n          issuedOn\n          overdueDays\n          status\n        }\n      }\n    }\n  }\n": types.HomeRecentLoansDocument,
    "\n  query HomeRecentClaims($first: Int) {\n    claims(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          filedOn\n          fundShare\n          loan {\n            id\n            contractNo\n            enterpriseName\n          }\n        }\n      }\n    }\n  }\n": types.HomeRecentClaimsDocument,
    "\n  query FundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n": types.FundStatusDocument,
    "\n  fragment TrialBalanceLineFields on TrialBalanceLine {\n    accountCode\n    name\n    type\n    normalSide\n    debitTotal\n    creditTotal\n    balance\n    depositBank\n    depositAccountNo\n  }\n": types.TrialBalanceLineFieldsFragmentDoc,
    "\n  query TrialBalance {\n    trialBalance {\n      balanced\n      debitTotal\n      creditTotal\n      lines {\n        ...TrialBalanceLineFields\n      }\n    }\n  }\n": types.TrialBalanceDocument,
    "\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    seq\n    kind\n    memo\n    referenceType\n    referenceId\n    businessDate\n    reversesTransactionId\n    reversedByTransactionId\n    createdBy\n    createdByOrganization\n  }\n": types.LedgerTransactionFieldsFragmentDoc,
    "\n  query LedgerEntries($first: Int, $after: String, $filter: LedgerEntryFilter, $orderBy: LedgerEntryOrder) {\n    ledgerEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          accountCode\n          accountName\n          debit\n          credit\n          transaction {\n            ...LedgerTransactionFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.LedgerEntriesDocument,
    "\n  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {\n    recordInterestIncome(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n": types.RecordInterestIncomeDocument,
    "\n  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {\n    recordProgrammeCost(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n": types.RecordProgrammeCostDocument,
    "\n  mutation ReverseLedgerTransaction($transactionId: ID!, $reason: String!, $idempotencyKey: String!) {\n    reverseLedgerTransaction(transactionId: $transactionId, reason: $reason, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n      kind\n    }\n  }\n": types.ReverseLedgerTransactionDocument,
    "\n  query PreviewLoanCoverage($input: PreviewLoanCoverageInput!) {\n    previewLoanCoverage(input: $input) {\n      verdict\n      verdictLabel\n      tier\n      tierCapRate\n      loanKind\n      reasons {\n        article\n        code\n        message\n      }\n    }\n  }\n": types.PreviewLoanCoverageDocument,
    "\n  fragment LoanRowFields on Loan {\n    id\n    contractNo\n    principal\n    ipPledgedPrincipal\n    outstandingPrincipal\n    issuedOn\n    maturesOn\n    purpose\n    earliestUnpaidDueDate\n    statusAsOf\n    overdueDays\n    status\n    covered\n    coverageReasons {\n      article\n      code\n      message\n    }\n    acknowledgedAt\n    acknowledgedBy\n    enterprise {\n      id\n      name\n    }\n    bank {\n      id\n      name\n    }\n    guarantor {\n      id\n      name\n    }\n    viewerCan\n  }\n": types.LoanRowFieldsFragmentDoc,
    "\n  query Loans($first: Int, $after: String, $filter: LoanFilter, $orderBy: LoanOrder) {\n    loans(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...LoanRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.LoansDocument,
    "\n  query LoanDetail($id: ID!) {\n    loan(id: $id) {\n      ...LoanRowFields\n      collateral {\n        id\n        kind\n        registrationNo\n        title\n      }\n      statusReports {\n        id\n        asOf\n        outstandingPrincipal\n        earliestUnpaidDueDate\n        closed\n        source\n        fileName\n        businessDate\n      }\n    }\n  }\n": types.LoanDetailDocument,
    "\n  query LoanRegistrationOptions {\n    borrowerOptions {\n      id\n      name\n      creditCode\n      blacklistedSince\n      ipAssets {\n        id\n        kind\n        registrationNo\n        title\n      }\n    }\n    guarantorOptions {\n      id\n      name\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n": types.LoanRegistrationOptionsDocument,
    "\n  mutation RegisterLoan($input: RegisterLoanInput!) {\n    registerLoan(input: $input) {\n      ...LoanRowFields\n    }\n  }\n": types.RegisterLoanDocument,
    "\n  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {\n    reportLoanStatus(input: $input) {\n      ...LoanRowFields\n    }\n  }\n": types.ReportLoanStatusDocument,
    "\n  mutation AcknowledgeLoan($loanId: ID!) {\n    acknowledgeLoan(loanId: $loanId) {\n      ...LoanRowFields\n    }\n  }\n": types.AcknowledgeLoanDocument,
    "\n  mutation UploadLoanTape($input: UploadLoanTapeInput!) {\n    uploadLoanTape(input: $input) {\n      totalRows\n      validRows\n      applied\n      errors {\n        line\n        column\n        field\n        code\n        reason\n      }\n    }\n  }\n": types.UploadLoanTapeDocument,
    "\n  query LoanTapeTemplate($format: TapeFormat!) {\n    loanTapeTemplate(format: $format) {\n      fileName\n      mimeType\n      contentBase64\n    }\n  }\n": types.LoanTapeTemplateDocument,
    "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n": types.PortalClockDocument,
    "\n  fragment PartnerFields on Partner {\n    id\n    kind\n    name\n    shortName\n    status\n    licenceNo\n    statusReason\n    statusChangedOn\n    viewerCan\n  }\n": types.PartnerFieldsFragmentDoc,
    "\n  query Partners {\n    partners {\n      ...PartnerFields\n    }\n  }\n": types.PartnersDocument,
    "\n  mutation AdmitPartner($input: AdmitPartnerInput!) {\n    admitPartner(input: $input) {\n      ...PartnerFields\n    }\n  }\n": types.AdmitPartnerDocument,
    "\n  mutation RetirePartner($orgId: ID!, $reason: String!) {\n    retirePartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n": types.RetirePartnerDocument,
    "\n  mutation DisqualifyPartner($orgId: ID!, $reason: String!) {\n    disqualifyPartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n": types.DisqualifyPartnerDocument,
    "\n  fragment AgreementFields on CooperationAgreement {\n    id\n    bank {\n      id\n      name\n    }\n    effectiveFrom\n    fundRateLowTier\n    fundRateHighTier\n    guarantorRate\n    inForce\n    recordedOn\n  }\n": types.AgreementFieldsFragmentDoc,
    "\n  query Agreements($bankId: ID) {\n    agreements(bankId: $bankId) {\n      ...AgreementFields\n    }\n  }\n": types.AgreementsDocument,
    "\n  mutation RecordAgreement($input: RecordAgreementInput!) {\n    recordAgreement(input: $input) {\n      ...AgreementFields\n    }\n  }\n": types.RecordAgreementDocument,
    "\n  fragment ManagedUserFields on ManagedUser {\n    id\n    username\n    displayName\n    active\n  }\n": types.ManagedUserFieldsFragmentDoc,
    "\n  query OrganizationUsers($organizationId: ID!) {\n    organizationUsers(organizationId: $organizationId) {\n      ...ManagedUserFields\n    }\n  }\n": types.OrganizationUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ManagedUserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserFields\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query LoginLockouts {\n    loginLockouts {\n      kind\n      subject\n      failures\n      blockedUntil\n    }\n  }\n": types.LoginLockoutsDocument,
    "\n  mutation ClearLoginLockout($username: String!) {\n    clearLoginLockout(username: $username)\n  }\n": types.ClearLoginLockoutDocument,
    "\n  query MyTasks($first: Int, $after: String) {\n    myTasks(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        kind\n        title\n        dueOn\n        operation\n        article\n        subject {\n          __typename\n          ... on Claim {\n            id\n          }\n          ... on Loan {\n            id\n          }\n          ... on Recovery {\n            id\n            claimId\n          }\n          ... on SuspensionProposal {\n            id\n          }\n          ... on BlacklistProposal {\n            id\n          }\n          ... on BankRisk {\n            bank {\n              id\n              name\n            }\n          }\n          ... on RiskEvent {\n            id\n          }\n          ... on Enterprise {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyTasksDocument,
    "\n  query MyTaskCount {\n    myTasks(first: 1) {\n      totalCount\n    }\n  }\n": types.MyTaskCountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n"): (typeof documents)["\n  query ViewerPermissions {\n    viewerPermissions {\n      operations\n      readable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n"): (typeof documents)["\n  fragment PolicyParamDays on PolicyDaysParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamRate on PolicyRateParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamAmount on PolicyAmountParam {\n    value\n    article\n    note\n  }\n  fragment PolicyParamKinds on PolicyKindsParam {\n    value\n    article\n    note\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query Policy {\n    policy {\n      id\n      name\n      sourceDocument\n      effectiveFrom\n      initialCapital {\n        ...PolicyParamAmount\n      }\n      tierThreshold {\n        ...PolicyParamAmount\n      }\n      lowTierCapRate {\n        ...PolicyParamRate\n      }\n      highTierCapRate {\n        ...PolicyParamRate\n      }\n      perLoanCap {\n        ...PolicyParamAmount\n      }\n      perEnterpriseYearCap {\n        ...PolicyParamAmount\n      }\n      riskOverdueDays {\n        ...PolicyParamDays\n      }\n      claimOverdueDays {\n        ...PolicyParamDays\n      }\n      warningRatio {\n        ...PolicyParamRate\n      }\n      suspensionRatio {\n        ...PolicyParamRate\n      }\n      minGuarantorRate {\n        ...PolicyParamRate\n      }\n      circuitBreakerCumulative {\n        ...PolicyParamAmount\n      }\n      remittanceDays {\n        ...PolicyParamDays\n      }\n      allowedLoanPurposes {\n        ...PolicyParamKinds\n      }\n      allowedCollateralKinds {\n        ...PolicyParamKinds\n      }\n      coSigningOffices {\n        ...PolicyParamKinds\n      }\n      resumptionVoters {\n        ...PolicyParamKinds\n      }\n      provisions {\n        key\n        article\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityLog($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activityLog(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          businessDate\n          userId\n          userName\n          organizationId\n          organizationName\n          orgKind\n          operation\n          targetType\n          targetId\n          outcome\n          article\n          detail\n          rowHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActivityLog($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activityLog(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          businessDate\n          userId\n          userName\n          organizationId\n          organizationName\n          orgKind\n          operation\n          targetType\n          targetId\n          outcome\n          article\n          detail\n          rowHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyActivityChain {\n    verifyActivityChain {\n      ok\n      checked\n      firstBrokenId\n    }\n  }\n"): (typeof documents)["\n  query VerifyActivityChain {\n    verifyActivityChain {\n      ok\n      checked\n      firstBrokenId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EngagementFields on AuditEngagement {\n    id\n    auditor {\n      id\n      name\n    }\n    scope\n    subjects\n    startsOn\n    endsOn\n    status\n    activeToday\n    engagedOn\n    endedOn\n    endReason\n    article\n  }\n"): (typeof documents)["\n  fragment EngagementFields on AuditEngagement {\n    id\n    auditor {\n      id\n      name\n    }\n    scope\n    subjects\n    startsOn\n    endsOn\n    status\n    activeToday\n    engagedOn\n    endedOn\n    endReason\n    article\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEngagements {\n    auditEngagements {\n      ...EngagementFields\n    }\n  }\n"): (typeof documents)["\n  query AuditEngagements {\n    auditEngagements {\n      ...EngagementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditFirms {\n    auditFirms {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditFirms {\n    auditFirms {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EngageAuditor($input: EngageAuditorInput!) {\n    engageAuditor(input: $input) {\n      ...EngagementFields\n    }\n  }\n"): (typeof documents)["\n  mutation EngageAuditor($input: EngageAuditorInput!) {\n    engageAuditor(input: $input) {\n      ...EngagementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndAuditEngagement($id: ID!, $reason: String!) {\n    endAuditEngagement(id: $id, reason: $reason) {\n      ...EngagementFields\n    }\n  }\n"): (typeof documents)["\n  mutation EndAuditEngagement($id: ID!, $reason: String!) {\n    endAuditEngagement(id: $id, reason: $reason) {\n      ...EngagementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n"): (typeof documents)["\n  query PortalInfo {\n    portalInfo {\n      demoMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimApprovalFields on ClaimApproval {\n    organization {\n      id\n      name\n      kind\n    }\n    decision\n    comment\n    decidedAt\n    businessDate\n  }\n"): (typeof documents)["\n  fragment ClaimApprovalFields on ClaimApproval {\n    organization {\n      id\n      name\n      kind\n    }\n    decision\n    comment\n    decidedAt\n    businessDate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Claims($first: Int, $after: String, $filter: ClaimFilter, $orderBy: ClaimOrder) {\n    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          threeParty\n          filedOn\n          lossBase\n          fundShare\n          guarantorShare\n          bankShare\n          loan {\n            id\n            contractNo\n            bankName\n            enterpriseName\n          }\n          approvals {\n            ...ClaimApprovalFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Claims($first: Int, $after: String, $filter: ClaimFilter, $orderBy: ClaimOrder) {\n    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          threeParty\n          filedOn\n          lossBase\n          fundShare\n          guarantorShare\n          bankShare\n          loan {\n            id\n            contractNo\n            bankName\n            enterpriseName\n          }\n          approvals {\n            ...ClaimApprovalFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimComputationFields on ClaimComputation {\n    asOf\n    lossBase\n    tier\n    tierCapRate\n    fundRate\n    fundShareBeforeCaps\n    fundShareAfterLoanCap\n    fundShare\n    guarantorRate\n    guarantorShare\n    bankShare\n    limitedBy\n    enterpriseYearCompensatedSoFar\n    enterpriseYearCapReduction\n    reasons {\n      article\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment ClaimComputationFields on ClaimComputation {\n    asOf\n    lossBase\n    tier\n    tierCapRate\n    fundRate\n    fundShareBeforeCaps\n    fundShareAfterLoanCap\n    fundShare\n    guarantorRate\n    guarantorShare\n    bankShare\n    limitedBy\n    enterpriseYearCompensatedSoFar\n    enterpriseYearCapReduction\n    reasons {\n      article\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecoveryFields on Recovery {\n    id\n    claimId\n    amount\n    receivedOn\n    amountOwedToFund\n    dueOn\n    remittedOn\n    overdue\n    remittanceStatus\n    declaredRemittedOn\n    declaredReference\n    rejectionReason\n    bankStatementRef\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment RecoveryFields on Recovery {\n    id\n    claimId\n    amount\n    receivedOn\n    amountOwedToFund\n    dueOn\n    remittedOn\n    overdue\n    remittanceStatus\n    declaredRemittedOn\n    declaredReference\n    rejectionReason\n    bankStatementRef\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimDocumentFields on ClaimDocument {\n    id\n    kind\n    fileName\n    contentType\n    sizeBytes\n    sha256\n    uploadedAt\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment ClaimDocumentFields on ClaimDocument {\n    id\n    kind\n    fileName\n    contentType\n    sizeBytes\n    sha256\n    uploadedAt\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      id\n      status\n      threeParty\n      filedOn\n      overdueDaysAtFiling\n      outstandingPrincipal\n      lossBase\n      fundShare\n      guarantorShare\n      bankShare\n      limitedBy\n      filing {\n        ...ClaimComputationFields\n      }\n      final {\n        ...ClaimComputationFields\n      }\n      approvedOn\n      paidOn\n      payoutTransactionId\n      loan {\n        id\n        contractNo\n        bankName\n        enterpriseName\n        guarantorName\n        principal\n        ipPledgedPrincipal\n      }\n      approvals {\n        ...ClaimApprovalFields\n      }\n      history {\n        action\n        fromStatus\n        toStatus\n        organization {\n          id\n          name\n          kind\n        }\n        userDisplayName\n        comment\n        occurredAt\n        businessDate\n      }\n      documents {\n        ...ClaimDocumentFields\n      }\n      documentChecklist {\n        kind\n        label\n        required\n        present\n      }\n      recoveries {\n        ...RecoveryFields\n      }\n      allowedActions\n      viewerCan\n    }\n  }\n"): (typeof documents)["\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      id\n      status\n      threeParty\n      filedOn\n      overdueDaysAtFiling\n      outstandingPrincipal\n      lossBase\n      fundShare\n      guarantorShare\n      bankShare\n      limitedBy\n      filing {\n        ...ClaimComputationFields\n      }\n      final {\n        ...ClaimComputationFields\n      }\n      approvedOn\n      paidOn\n      payoutTransactionId\n      loan {\n        id\n        contractNo\n        bankName\n        enterpriseName\n        guarantorName\n        principal\n        ipPledgedPrincipal\n      }\n      approvals {\n        ...ClaimApprovalFields\n      }\n      history {\n        action\n        fromStatus\n        toStatus\n        organization {\n          id\n          name\n          kind\n        }\n        userDisplayName\n        comment\n        occurredAt\n        businessDate\n      }\n      documents {\n        ...ClaimDocumentFields\n      }\n      documentChecklist {\n        kind\n        label\n        required\n        present\n      }\n      recoveries {\n        ...RecoveryFields\n      }\n      allowedActions\n      viewerCan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenRemittances {\n    openRemittances {\n      ...RecoveryFields\n    }\n  }\n"): (typeof documents)["\n  query OpenRemittances {\n    openRemittances {\n      ...RecoveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FundStatusFields on FundStatus {\n    principalBalance\n    interestBalance\n    cumulativeCompensation\n    suspended\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment FundStatusFields on FundStatus {\n    principalBalance\n    interestBalance\n    cumulativeCompensation\n    suspended\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimsFundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n  }\n"): (typeof documents)["\n  query ClaimsFundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundResumptionVotes {\n    fundResumptionVotes {\n      orgKind\n      comment\n      businessDate\n      occurredAt\n    }\n  }\n"): (typeof documents)["\n  query FundResumptionVotes {\n    fundResumptionVotes {\n      orgKind\n      comment\n      businessDate\n      occurredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoansForClaim($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          principal\n          ipPledgedPrincipal\n          outstandingPrincipal\n          overdueDays\n          status\n          covered\n          enterprise {\n            id\n            name\n          }\n          guarantor {\n            id\n            name\n          }\n          viewerCan\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoansForClaim($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          principal\n          ipPledgedPrincipal\n          outstandingPrincipal\n          overdueDays\n          status\n          covered\n          enterprise {\n            id\n            name\n          }\n          guarantor {\n            id\n            name\n          }\n          viewerCan\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitClaim($input: SubmitClaimInput!) {\n    submitClaim(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitClaim($input: SubmitClaimInput!) {\n    submitClaim(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResubmitClaim($claimId: ID!, $comment: String) {\n    resubmitClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResubmitClaim($claimId: ID!, $comment: String) {\n    resubmitClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {\n    confirmGuarantorShare(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {\n    confirmGuarantorShare(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyClaim($claimId: ID!, $comment: String) {\n    verifyClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyClaim($claimId: ID!, $comment: String) {\n    verifyClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnClaim($claimId: ID!, $comment: String!) {\n    returnClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnClaim($claimId: ID!, $comment: String!) {\n    returnClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveClaim($claimId: ID!, $comment: String) {\n    approveClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveClaim($claimId: ID!, $comment: String) {\n    approveClaim(claimId: $claimId, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectClaim($claimId: ID!, $reason: String!) {\n    rejectClaim(claimId: $claimId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RejectClaim($claimId: ID!, $reason: String!) {\n    rejectClaim(claimId: $claimId, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {\n    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {\n    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadClaimDocument($input: UploadClaimDocumentInput!) {\n    uploadClaimDocument(input: $input) {\n      id\n      kind\n      fileName\n      contentType\n      sizeBytes\n      sha256\n    }\n  }\n"): (typeof documents)["\n  mutation UploadClaimDocument($input: UploadClaimDocumentInput!) {\n    uploadClaimDocument(input: $input) {\n      id\n      kind\n      fileName\n      contentType\n      sizeBytes\n      sha256\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRecovery($input: RecordRecoveryInput!) {\n    recordRecovery(input: $input) {\n      ...RecoveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRecovery($input: RecordRecoveryInput!) {\n    recordRecovery(input: $input) {\n      ...RecoveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRemittance(\n    $recoveryId: ID!\n    $idempotencyKey: String!\n    $declaration: RemittanceDeclarationInput\n  ) {\n    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {\n      ...RecoveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRemittance(\n    $recoveryId: ID!\n    $idempotencyKey: String!\n    $declaration: RemittanceDeclarationInput\n  ) {\n    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {\n      ...RecoveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {\n    confirmRemittance(input: $input) {\n      ...RecoveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {\n    confirmRemittance(input: $input) {\n      ...RecoveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {\n    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {\n      ...RecoveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {\n    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {\n      ...RecoveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentToResumeFund($comment: String!) {\n    consentToResumeFund(comment: $comment) {\n      resumed\n      votes\n    }\n  }\n"): (typeof documents)["\n  mutation ConsentToResumeFund($comment: String!) {\n    consentToResumeFund(comment: $comment) {\n      resumed\n      votes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaidClaimRefs($first: Int) {\n    claims(first: $first, status: PAID) {\n      totalCount\n      edges {\n        node {\n          id\n          loan {\n            id\n            contractNo\n            enterpriseName\n            bankName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaidClaimRefs($first: Int) {\n    claims(first: $first, status: PAID) {\n      totalCount\n      edges {\n        node {\n          id\n          loan {\n            id\n            contractNo\n            enterpriseName\n            bankName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    district\n    industry\n    blacklisted\n    blacklistedSince\n    blacklistReason\n    ipAssets {\n      id\n      kind\n      registrationNo\n      title\n    }\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    district\n    industry\n    blacklisted\n    blacklistedSince\n    blacklistReason\n    ipAssets {\n      id\n      kind\n      registrationNo\n      title\n    }\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprises($first: Int, $after: String, $search: String) {\n    enterprises(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Enterprises($first: Int, $after: String, $search: String) {\n    enterprises(first: $first, after: $after, search: $search) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprise($id: ID!) {\n    enterprise(id: $id) {\n      ...EnterpriseFields\n    }\n  }\n"): (typeof documents)["\n  query Enterprise($id: ID!) {\n    enterprise(id: $id) {\n      ...EnterpriseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LibraryEntryFields on LibraryEntry {\n    id\n    name\n    creditCode\n    alreadyInLibrary\n  }\n"): (typeof documents)["\n  fragment LibraryEntryFields on LibraryEntry {\n    id\n    name\n    creditCode\n    alreadyInLibrary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      ...LibraryEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      ...LibraryEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseByCreditCode($creditCode: String!) {\n    enterpriseByCreditCode(creditCode: $creditCode) {\n      ...LibraryEntryFields\n    }\n  }\n"): (typeof documents)["\n  query EnterpriseByCreditCode($creditCode: String!) {\n    enterpriseByCreditCode(creditCode: $creditCode) {\n      ...LibraryEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIpAsset($input: AddIpAssetInput!) {\n    addIpAsset(input: $input) {\n      id\n      kind\n      registrationNo\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AddIpAsset($input: AddIpAssetInput!) {\n    addIpAsset(input: $input) {\n      id\n      kind\n      registrationNo\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlacklistProposalFields on BlacklistProposal {\n    id\n    enterprise {\n      id\n      name\n      blacklisted\n    }\n    reason\n    proposedOn\n    proposedBy {\n      id\n      name\n    }\n    status\n    decidedOn\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment BlacklistProposalFields on BlacklistProposal {\n    id\n    enterprise {\n      id\n      name\n      blacklisted\n    }\n    reason\n    proposedOn\n    proposedBy {\n      id\n      name\n    }\n    status\n    decidedOn\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlacklistProposals {\n    blacklistProposals {\n      ...BlacklistProposalFields\n    }\n  }\n"): (typeof documents)["\n  query BlacklistProposals {\n    blacklistProposals {\n      ...BlacklistProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {\n    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {\n      ...BlacklistProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeBlacklist($enterpriseId: ID!, $reason: String!) {\n    proposeBlacklist(enterpriseId: $enterpriseId, reason: $reason) {\n      ...BlacklistProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {\n    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {\n      ...BlacklistProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation DecideBlacklist($proposalId: ID!, $approve: Boolean!, $comment: String) {\n    decideBlacklist(proposalId: $proposalId, approve: $approve, comment: $comment) {\n      ...BlacklistProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoundFields on EvaluationRound {\n    id\n    half\n    periodFrom\n    periodTo\n    asOf\n    status\n    policyId\n    weights {\n      criterion\n      weight\n    }\n    computedOn\n    submittedOn\n    article\n    viewerCan\n    entries {\n      id\n      partner {\n        id\n        name\n      }\n      partnerKind\n      indicators {\n        loansGranted\n        amountGranted\n        enterprises\n        firstTimeBorrowers\n        loanShare\n        registrationTimeliness\n        remittanceTimeliness\n        overdueRate\n        compensationRate\n      }\n      scores {\n        productInnovation\n        creditGranted\n        enterpriseReach\n        loanEfficiency\n        assetQuality\n        workEffectiveness\n      }\n      scoreComment\n      totalScore\n      rank\n      viewerCan\n    }\n  }\n"): (typeof documents)["\n  fragment RoundFields on EvaluationRound {\n    id\n    half\n    periodFrom\n    periodTo\n    asOf\n    status\n    policyId\n    weights {\n      criterion\n      weight\n    }\n    computedOn\n    submittedOn\n    article\n    viewerCan\n    entries {\n      id\n      partner {\n        id\n        name\n      }\n      partnerKind\n      indicators {\n        loansGranted\n        amountGranted\n        enterprises\n        firstTimeBorrowers\n        loanShare\n        registrationTimeliness\n        remittanceTimeliness\n        overdueRate\n        compensationRate\n      }\n      scores {\n        productInnovation\n        creditGranted\n        enterpriseReach\n        loanEfficiency\n        assetQuality\n        workEffectiveness\n      }\n      scoreComment\n      totalScore\n      rank\n      viewerCan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluationRounds {\n    evaluationRounds {\n      ...RoundFields\n    }\n  }\n"): (typeof documents)["\n  query EvaluationRounds {\n    evaluationRounds {\n      ...RoundFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComputeEvaluation($period: String!) {\n    computeEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n"): (typeof documents)["\n  mutation ComputeEvaluation($period: String!) {\n    computeEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {\n    scorePartnerEvaluation(entryId: $entryId, input: $input) {\n      ...RoundFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScorePartnerEvaluation($entryId: ID!, $input: ScorePartnerInput!) {\n    scorePartnerEvaluation(entryId: $entryId, input: $input) {\n      ...RoundFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitEvaluation($period: String!) {\n    submitEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitEvaluation($period: String!) {\n    submitEvaluation(period: $period) {\n      ...RoundFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      asOf\n      portfolio {\n        loanCount\n        outstandingPrincipal\n        overdueLoans\n        overduePrincipal\n        riskOverdueLoans\n      }\n      loansByStatus {\n        status\n        count\n        amount\n      }\n      claimsByStatus {\n        status\n        count\n        amount\n      }\n      quarters {\n        quarter\n        endsOn\n        loansIssued\n        principalIssued\n        claimsFiled\n        compensationApproved\n        compensationPaid\n        cumulativeCompensation\n      }\n      riskHistory {\n        bank {\n          id\n          name\n        }\n        points {\n          asOf\n          ratio\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard {\n      asOf\n      portfolio {\n        loanCount\n        outstandingPrincipal\n        overdueLoans\n        overduePrincipal\n        riskOverdueLoans\n      }\n      loansByStatus {\n        status\n        count\n        amount\n      }\n      claimsByStatus {\n        status\n        count\n        amount\n      }\n      quarters {\n        quarter\n        endsOn\n        loansIssued\n        principalIssued\n        claimsFiled\n        compensationApproved\n        compensationPaid\n        cumulativeCompensation\n      }\n      riskHistory {\n        bank {\n          id\n          name\n        }\n        points {\n          asOf\n          ratio\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeRecentLoans($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          bank {\n            id\n            name\n          }\n          enterprise {\n            id\n            name\n          }\n          outstandingPrincipal\n          issuedOn\n          overdueDays\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeRecentLoans($first: Int) {\n    loans(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          contractNo\n          bank {\n            id\n            name\n          }\n          enterprise {\n            id\n            name\n          }\n          outstandingPrincipal\n          issuedOn\n          overdueDays\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeRecentClaims($first: Int) {\n    claims(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          filedOn\n          fundShare\n          loan {\n            id\n            contractNo\n            enterpriseName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeRecentClaims($first: Int) {\n    claims(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          filedOn\n          fundShare\n          loan {\n            id\n            contractNo\n            enterpriseName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n"): (typeof documents)["\n  query FundStatus {\n    fundStatus {\n      ...FundStatusFields\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrialBalanceLineFields on TrialBalanceLine {\n    accountCode\n    name\n    type\n    normalSide\n    debitTotal\n    creditTotal\n    balance\n    depositBank\n    depositAccountNo\n  }\n"): (typeof documents)["\n  fragment TrialBalanceLineFields on TrialBalanceLine {\n    accountCode\n    name\n    type\n    normalSide\n    debitTotal\n    creditTotal\n    balance\n    depositBank\n    depositAccountNo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialBalance {\n    trialBalance {\n      balanced\n      debitTotal\n      creditTotal\n      lines {\n        ...TrialBalanceLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialBalance {\n    trialBalance {\n      balanced\n      debitTotal\n      creditTotal\n      lines {\n        ...TrialBalanceLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    seq\n    kind\n    memo\n    referenceType\n    referenceId\n    businessDate\n    reversesTransactionId\n    reversedByTransactionId\n    createdBy\n    createdByOrganization\n  }\n"): (typeof documents)["\n  fragment LedgerTransactionFields on LedgerTransaction {\n    id\n    seq\n    kind\n    memo\n    referenceType\n    referenceId\n    businessDate\n    reversesTransactionId\n    reversedByTransactionId\n    createdBy\n    createdByOrganization\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerEntries($first: Int, $after: String, $filter: LedgerEntryFilter, $orderBy: LedgerEntryOrder) {\n    ledgerEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          accountCode\n          accountName\n          debit\n          credit\n          transaction {\n            ...LedgerTransactionFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query LedgerEntries($first: Int, $after: String, $filter: LedgerEntryFilter, $orderBy: LedgerEntryOrder) {\n    ledgerEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          accountCode\n          accountName\n          debit\n          credit\n          transaction {\n            ...LedgerTransactionFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {\n    recordInterestIncome(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation RecordInterestIncome($input: RecordInterestIncomeInput!) {\n    recordInterestIncome(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {\n    recordProgrammeCost(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation RecordProgrammeCost($input: RecordProgrammeCostInput!) {\n    recordProgrammeCost(input: $input) {\n      id\n      seq\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReverseLedgerTransaction($transactionId: ID!, $reason: String!, $idempotencyKey: String!) {\n    reverseLedgerTransaction(transactionId: $transactionId, reason: $reason, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation ReverseLedgerTransaction($transactionId: ID!, $reason: String!, $idempotencyKey: String!) {\n    reverseLedgerTransaction(transactionId: $transactionId, reason: $reason, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewLoanCoverage($input: PreviewLoanCoverageInput!) {\n    previewLoanCoverage(input: $input) {\n      verdict\n      verdictLabel\n      tier\n      tierCapRate\n      loanKind\n      reasons {\n        article\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewLoanCoverage($input: PreviewLoanCoverageInput!) {\n    previewLoanCoverage(input: $input) {\n      verdict\n      verdictLabel\n      tier\n      tierCapRate\n      loanKind\n      reasons {\n        article\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoanRowFields on Loan {\n    id\n    contractNo\n    principal\n    ipPledgedPrincipal\n    outstandingPrincipal\n    issuedOn\n    maturesOn\n    purpose\n    earliestUnpaidDueDate\n    statusAsOf\n    overdueDays\n    status\n    covered\n    coverageReasons {\n      article\n      code\n      message\n    }\n    acknowledgedAt\n    acknowledgedBy\n    enterprise {\n      id\n      name\n    }\n    bank {\n      id\n      name\n    }\n    guarantor {\n      id\n      name\n    }\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment LoanRowFields on Loan {\n    id\n    contractNo\n    principal\n    ipPledgedPrincipal\n    outstandingPrincipal\n    issuedOn\n    maturesOn\n    purpose\n    earliestUnpaidDueDate\n    statusAsOf\n    overdueDays\n    status\n    covered\n    coverageReasons {\n      article\n      code\n      message\n    }\n    acknowledgedAt\n    acknowledgedBy\n    enterprise {\n      id\n      name\n    }\n    bank {\n      id\n      name\n    }\n    guarantor {\n      id\n      name\n    }\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Loans($first: Int, $after: String, $filter: LoanFilter, $orderBy: LoanOrder) {\n    loans(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...LoanRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Loans($first: Int, $after: String, $filter: LoanFilter, $orderBy: LoanOrder) {\n    loans(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...LoanRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoanDetail($id: ID!) {\n    loan(id: $id) {\n      ...LoanRowFields\n      collateral {\n        id\n        kind\n        registrationNo\n        title\n      }\n      statusReports {\n        id\n        asOf\n        outstandingPrincipal\n        earliestUnpaidDueDate\n        closed\n        source\n        fileName\n        businessDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoanDetail($id: ID!) {\n    loan(id: $id) {\n      ...LoanRowFields\n      collateral {\n        id\n        kind\n        registrationNo\n        title\n      }\n      statusReports {\n        id\n        asOf\n        outstandingPrincipal\n        earliestUnpaidDueDate\n        closed\n        source\n        fileName\n        businessDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoanRegistrationOptions {\n    borrowerOptions {\n      id\n      name\n      creditCode\n      blacklistedSince\n      ipAssets {\n        id\n        kind\n        registrationNo\n        title\n      }\n    }\n    guarantorOptions {\n      id\n      name\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n"): (typeof documents)["\n  query LoanRegistrationOptions {\n    borrowerOptions {\n      id\n      name\n      creditCode\n      blacklistedSince\n      ipAssets {\n        id\n        kind\n        registrationNo\n        title\n      }\n    }\n    guarantorOptions {\n      id\n      name\n    }\n    portalInfo {\n      businessDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterLoan($input: RegisterLoanInput!) {\n    registerLoan(input: $input) {\n      ...LoanRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterLoan($input: RegisterLoanInput!) {\n    registerLoan(input: $input) {\n      ...LoanRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {\n    reportLoanStatus(input: $input) {\n      ...LoanRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {\n    reportLoanStatus(input: $input) {\n      ...LoanRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeLoan($loanId: ID!) {\n    acknowledgeLoan(loanId: $loanId) {\n      ...LoanRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeLoan($loanId: ID!) {\n    acknowledgeLoan(loanId: $loanId) {\n      ...LoanRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadLoanTape($input: UploadLoanTapeInput!) {\n    uploadLoanTape(input: $input) {\n      totalRows\n      validRows\n      applied\n      errors {\n        line\n        column\n        field\n        code\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadLoanTape($input: UploadLoanTapeInput!) {\n    uploadLoanTape(input: $input) {\n      totalRows\n      validRows\n      applied\n      errors {\n        line\n        column\n        field\n        code\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoanTapeTemplate($format: TapeFormat!) {\n    loanTapeTemplate(format: $format) {\n      fileName\n      mimeType\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query LoanTapeTemplate($format: TapeFormat!) {\n    loanTapeTemplate(format: $format) {\n      fileName\n      mimeType\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n"): (typeof documents)["\n  query PortalClock {\n    portalInfo {\n      demoMode\n      businessDate\n      businessDateSettable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnerFields on Partner {\n    id\n    kind\n    name\n    shortName\n    status\n    licenceNo\n    statusReason\n    statusChangedOn\n    viewerCan\n  }\n"): (typeof documents)["\n  fragment PartnerFields on Partner {\n    id\n    kind\n    name\n    shortName\n    status\n    licenceNo\n    statusReason\n    statusChangedOn\n    viewerCan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partners {\n    partners {\n      ...PartnerFields\n    }\n  }\n"): (typeof documents)["\n  query Partners {\n    partners {\n      ...PartnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmitPartner($input: AdmitPartnerInput!) {\n    admitPartner(input: $input) {\n      ...PartnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdmitPartner($input: AdmitPartnerInput!) {\n    admitPartner(input: $input) {\n      ...PartnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetirePartner($orgId: ID!, $reason: String!) {\n    retirePartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetirePartner($orgId: ID!, $reason: String!) {\n    retirePartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisqualifyPartner($orgId: ID!, $reason: String!) {\n    disqualifyPartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisqualifyPartner($orgId: ID!, $reason: String!) {\n    disqualifyPartner(orgId: $orgId, reason: $reason) {\n      ...PartnerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementFields on CooperationAgreement {\n    id\n    bank {\n      id\n      name\n    }\n    effectiveFrom\n    fundRateLowTier\n    fundRateHighTier\n    guarantorRate\n    inForce\n    recordedOn\n  }\n"): (typeof documents)["\n  fragment AgreementFields on CooperationAgreement {\n    id\n    bank {\n      id\n      name\n    }\n    effectiveFrom\n    fundRateLowTier\n    fundRateHighTier\n    guarantorRate\n    inForce\n    recordedOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agreements($bankId: ID) {\n    agreements(bankId: $bankId) {\n      ...AgreementFields\n    }\n  }\n"): (typeof documents)["\n  query Agreements($bankId: ID) {\n    agreements(bankId: $bankId) {\n      ...AgreementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAgreement($input: RecordAgreementInput!) {\n    recordAgreement(input: $input) {\n      ...AgreementFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAgreement($input: RecordAgreementInput!) {\n    recordAgreement(input: $input) {\n      ...AgreementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ManagedUserFields on ManagedUser {\n    id\n    username\n    displayName\n    active\n  }\n"): (typeof documents)["\n  fragment ManagedUserFields on ManagedUser {\n    id\n    username\n    displayName\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsers($organizationId: ID!) {\n    organizationUsers(organizationId: $organizationId) {\n      ...ManagedUserFields\n    }\n  }\n"): (typeof documents)["\n  query OrganizationUsers($organizationId: ID!) {\n    organizationUsers(organizationId: $organizationId) {\n      ...ManagedUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ManagedUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ManagedUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...ManagedUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginLockouts {\n    loginLockouts {\n      kind\n      subject\n      failures\n      blockedUntil\n    }\n  }\n"): (typeof documents)["\n  query LoginLockouts {\n    loginLockouts {\n      kind\n      subject\n      failures\n      blockedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearLoginLockout($username: String!) {\n    clearLoginLockout(username: $username)\n  }\n"): (typeof documents)["\n  mutation ClearLoginLockout($username: String!) {\n    clearLoginLockout(username: $username)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks($first: Int, $after: String) {\n    myTasks(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        kind\n        title\n        dueOn\n        operation\n        article\n        subject {\n          __typename\n          ... on Claim {\n            id\n          }\n          ... on Loan {\n            id\n          }\n          ... on Recovery {\n            id\n            claimId\n          }\n          ... on SuspensionProposal {\n            id\n          }\n          ... on BlacklistProposal {\n            id\n          }\n          ... on BankRisk {\n            bank {\n              id\n              name\n            }\n          }\n          ... on RiskEvent {\n            id\n          }\n          ... on Enterprise {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks($first: Int, $after: String) {\n    myTasks(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        kind\n        title\n        dueOn\n        operation\n        article\n        subject {\n          __typename\n          ... on Claim {\n            id\n          }\n          ... on Loan {\n            id\n          }\n          ... on Recovery {\n            id\n            claimId\n          }\n          ... on SuspensionProposal {\n            id\n          }\n          ... on BlacklistProposal {\n            id\n          }\n          ... on BankRisk {\n            bank {\n              id\n              name\n            }\n          }\n          ... on RiskEvent {\n            id\n          }\n          ... on Enterprise {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTaskCount {\n    myTasks(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MyTaskCount {\n    myTasks(first: 1) {\n      totalCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;