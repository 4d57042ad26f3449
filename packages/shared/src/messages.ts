import { formatArticle, formatMoney, type Lang } from './i18n';

/**
 * Every text the API sends in an error, under a stable key, in both languages. The API answers
 * `extensions.messageKey` and `extensions.params` with each error and renders `message` in the
 * language of `Accept-Language` (English without one); the web renders the same key in the user's
 * language. Params stay raw values (an amount "9999999.00", an article "Art 12", a status "PAID"):
 * the template says how each is written, with `{name:kind}`:
 *   money   → formatMoney ("9,999,999.00 元" / "¥9,999,999.00")
 *   article → formatArticle ("第十二条" / "Art 12")
 *   term    → a word of the domain (an entity, a status, an organisation kind), from TERMS
 *   rule    → a rule of the measures by its code, from RULES; unknown codes fall back to `reason`
 * A new error adds its key here with both texts (the resource test checks both are present and use
 * the same placeholders).
 */
export const MESSAGES = {
  // Sessions and access
  'auth.notLoggedIn': {
    en: 'Not logged in or the session has expired',
    'zh-CN': '未登录或登录已过期',
  },
  'auth.loginFailed': { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  'auth.badAuthorizationHeader': {
    en: 'Authorization header must be "Bearer <token>"',
    'zh-CN': 'Authorization 请求头须为 "Bearer <token>"',
  },
  'auth.invalidToken': { en: 'Invalid or expired token', 'zh-CN': '登录凭证无效或已过期' },
  'auth.rateLimited': {
    en: 'Too many failed logins; try again in {seconds} s',
    'zh-CN': '登录失败次数过多，请 {seconds} 秒后再试',
  },
  'authz.forbidden': { en: 'Your organisation may not do this', 'zh-CN': '贵单位无权进行此操作' },
  'authz.operationForbidden': {
    en: 'Your organisation may not {summary}',
    'zh-CN': '贵单位无权进行此操作（{operation}）',
  },
  'authz.partnerRetired': {
    en: 'Your organisation has left the programme: it sees its business under way through, but opens no new business',
    'zh-CN': '贵单位已退出合作：在办业务可继续办结，但不得新增业务',
  },
  'authz.ledgerReaders': {
    en: 'Only the offices, the fund manager and the auditor read the ledger',
    'zh-CN': '仅主管部门、资金管理人和会计师事务所可查阅资金账簿',
  },
  'authz.resumptionReaders': {
    en: 'Only the offices, the fund manager and the auditor read the resumption consents',
    'zh-CN': '仅主管部门、资金管理人和会计师事务所可查阅恢复意见',
  },
  'clock.demoOnly': {
    en: 'The business date can only be set in demo or test mode',
    'zh-CN': '业务日期只能在演示或测试模式下设置',
  },

  // Requests refused before GraphQL runs (issue 9's limits; server.ts, graphql/limits.ts)
  'request.queryTooLong': {
    en: 'The query document exceeds {limit} characters',
    'zh-CN': '查询文本超过 {limit} 个字符',
  },
  'request.tooManyTokens': {
    en: 'The query document exceeds {limit} tokens',
    'zh-CN': '查询文本超过 {limit} 个词法单元',
  },
  'request.tooComplex': { en: 'The query is too complex: {detail}', 'zh-CN': '查询过于复杂：{detail}' },
  'request.bodyTooLarge': { en: 'The request body is too large', 'zh-CN': '请求内容过大' },
  'request.uploadOnly': {
    en: 'Only uploadLoanTape and uploadClaimDocument may send more than {limit} bytes (with the {header} header)',
    'zh-CN': '只有上传贷款台账和补偿申请材料的请求可超过 {limit} 字节（须带 {header} 请求头）',
  },
  'request.malformedJson': { en: 'Malformed JSON in the request body', 'zh-CN': '请求内容不是有效的 JSON' },
  'request.bad': { en: 'Bad request', 'zh-CN': '请求无效' },
  'request.notFound': { en: 'Not found', 'zh-CN': '请求的地址不存在' },

  // Generic input and state
  'common.invalidRequest': { en: '{detail}', 'zh-CN': '请求无效：{detail}' },
  'common.internal': { en: 'Internal error', 'zh-CN': '系统错误，请稍后重试' },
  'common.notFound': { en: '{what} not found', 'zh-CN': '{what:term}不存在' },
  'common.invalidCursor': { en: 'Invalid cursor', 'zh-CN': '翻页游标无效' },
  'common.pageSize': {
    en: 'first must be between 1 and {max}',
    'zh-CN': '每页条数须在 1 到 {max} 之间',
  },
  'common.notADate': { en: 'Not a date: {value}', 'zh-CN': '不是有效日期：{value}' },
  'common.dateField': { en: '{field} must be a date YYYY-MM-DD', 'zh-CN': '{field} 须为日期 YYYY-MM-DD' },
  'common.notAnAmount': { en: 'Not an amount: "{value}"', 'zh-CN': '不是有效金额："{value}"' },
  'common.amountPositive': { en: 'The amount must be positive', 'zh-CN': '金额须大于零' },
  'common.amountOutOfRange': {
    en: 'An amount is out of range: the fund keeps at most 16 integer digits (numeric(18,2))',
    'zh-CN': '金额超出范围：资金账簿最多记录 16 位整数',
  },
  'common.textUnstorable': {
    en: 'A text contains a character the database cannot store',
    'zh-CN': '文本中含有数据库无法保存的字符',
  },
  'common.textTooLongDb': { en: 'A text is too long', 'zh-CN': '文本过长' },
  'common.concurrentWrite': {
    en: 'A concurrent request recorded the same thing first; try again',
    'zh-CN': '另一请求已先行记录了相同内容，请重试',
  },
  'common.textTooLong': {
    en: '{field} is too long: at most {max} characters',
    'zh-CN': '{field} 过长：最多 {max} 个字符',
  },
  'common.textNul': { en: '{field} contains a NUL character', 'zh-CN': '{field} 含有 NUL 字符' },
  'common.textNotUnicode': {
    en: '{field} is not valid Unicode text',
    'zh-CN': '{field} 不是有效的 Unicode 文本',
  },
  'common.required': { en: '{field} is required', 'zh-CN': '请填写{field:term}' },
  'common.longerThan': {
    en: '{field} is longer than {max} characters',
    'zh-CN': '{field:term}超过 {max} 个字符',
  },
  'common.reasonRequired': { en: 'A reason is required', 'zh-CN': '请填写理由' },
  'common.notBase64': { en: 'contentBase64 is not base64', 'zh-CN': '文件内容不是有效的 base64 编码' },
  'common.idempotencyKey': {
    en: 'idempotencyKey must be 8–128 characters of letters, digits and . _ : -',
    'zh-CN': '幂等键须为 8–128 个字母、数字或 . _ : -',
  },
  'common.noMeasuresInForce': {
    en: 'No measures were in force on {date} ({source} applies from {from})',
    'zh-CN': '{date} 无有效的管理办法（{source} 自 {from} 起施行）',
  },
  /** A refusal by a rule of packages/policy: `rule` is its code, `reason` its English text. */
  'policy.refused': { en: '{reason}', 'zh-CN': '{rule:rule}' },

  // Loans and the loan tape
  'loan.contractNoLength': {
    en: 'contractNo must be 1 to {max} characters',
    'zh-CN': '合同编号须为 1 到 {max} 个字符',
  },
  'loan.principalPositive': { en: 'principal must be positive', 'zh-CN': '贷款本金须大于零' },
  'loan.ipPledgedRange': {
    en: 'ipPledgedPrincipal must be positive and at most the principal ({article})',
    'zh-CN': '知识产权质押部分须大于零且不超过贷款本金（{article:article}）',
  },
  'loan.issuedAfterToday': {
    en: 'issuedOn {issuedOn} is after the business date {today}',
    'zh-CN': '放款日 {issuedOn} 晚于业务日期 {today}',
  },
  'loan.maturesBeforeIssue': { en: 'maturesOn is before issuedOn', 'zh-CN': '到期日早于放款日' },
  'loan.guarantorNotActive': {
    en: 'The guarantor is not an active partner guarantor',
    'zh-CN': '该担保机构不是合作中的担保机构',
  },
  'loan.pledgeNotOwnIp': {
    en: 'Every pledged item must be a patent or trademark of the borrowing enterprise',
    'zh-CN': '质押物须为借款企业自有的专利或商标',
  },
  'loan.contractNoTaken': {
    en: 'Contract number {contractNo} is already registered by your bank',
    'zh-CN': '合同编号 {contractNo} 已由贵行登记',
  },
  'loan.statusReportRefused': { en: '{reason}', 'zh-CN': '{rule:rule}' },
  'tape.fileKind': {
    en: 'A loan tape must be a .csv or .xlsx file',
    'zh-CN': '贷款台账文件须为 .csv 或 .xlsx 格式',
  },
  'tape.tooLarge': { en: 'A loan tape may be at most {mb} MB', 'zh-CN': '贷款台账文件最大 {mb} MB' },
  'tape.empty': { en: 'The loan tape is empty', 'zh-CN': '贷款台账文件为空' },
  'tape.lineTooLong': {
    en: 'A line of the loan tape may have at most {max} characters',
    'zh-CN': '贷款台账每行最多 {max} 个字符',
  },
  'tape.tooManyCells': {
    en: 'A row of the loan tape may have at most {max} cells',
    'zh-CN': '贷款台账每行最多 {max} 个单元格',
  },
  'tape.cellTooLong': {
    en: 'A cell of the loan tape may have at most {max} characters',
    'zh-CN': '贷款台账每个单元格最多 {max} 个字符',
  },
  'tape.xlsxTooManyParts': {
    en: 'An .xlsx loan tape may have at most {max} parts',
    'zh-CN': '.xlsx 贷款台账最多包含 {max} 个部件',
  },
  'tape.xlsxTooLarge': {
    en: "The .xlsx loan tape unpacks to more than {mb} MB; a tape of at most 10,000 rows is far smaller — save only the tape's sheet",
    'zh-CN': '.xlsx 贷款台账解压后超过 {mb} MB；10,000 行以内的台账远小于此，请只保存台账所在的工作表',
  },
  'tape.xlsxDamaged': {
    en: 'The .xlsx file is damaged or forged: its parts do not have the sizes its directory declares',
    'zh-CN': '.xlsx 文件已损坏或被篡改：各部件大小与其目录声明不符',
  },

  // Enterprises, IP and the blacklist
  'enterprise.creditCodeCheck': {
    en: 'Unified social credit code {code}: the check character should be {expected}',
    'zh-CN': '统一社会信用代码 {code}：校验位应为 {expected}',
  },
  'enterprise.creditCodeFormat': {
    en: 'A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z',
    'zh-CN': '统一社会信用代码为 18 位，由 0-9 和除 I、O、S、V、Z 外的 A-Y 组成',
  },
  'enterprise.ipKind': { en: 'An IP item is a PATENT or a TRADEMARK', 'zh-CN': '知识产权须为专利或商标' },
  'enterprise.ipRegistrationNo': {
    en: 'The IP item needs its registration number',
    'zh-CN': '请填写知识产权的登记号',
  },
  'enterprise.ipTitle': { en: 'The IP item needs a title', 'zh-CN': '请填写知识产权的名称' },
  'enterprise.name': { en: 'The enterprise needs a name', 'zh-CN': '请填写企业名称' },
  'enterprise.ipTaken': {
    en: '{kind} {registrationNo} is registered to another enterprise',
    'zh-CN': '{kind:term} {registrationNo} 已登记在其他企业名下',
  },
  'blacklist.already': {
    en: 'The enterprise is blacklisted since {since}',
    'zh-CN': '该企业自 {since} 起已列入黑名单',
  },
  'blacklist.pending': {
    en: 'A proposal for this enterprise awaits the IP bureau',
    'zh-CN': '该企业已有一项提议等待区知识产权局决定',
  },
  'blacklist.alreadyDecided': {
    en: 'The proposal was already {status}',
    'zh-CN': '该提议已{status:term}',
  },
  'blacklist.declineReason': { en: 'Say why the proposal is declined', 'zh-CN': '请说明不同意的理由' },

  // Risk supervision
  'risk.notBelowWarning': {
    en: "The bank's risk ratio {ratio} is below the warning level {level} at {asOf} ({article:article})",
    'zh-CN': '截至 {asOf}，该行风险比例 {ratio} 低于{article:article}规定的预警线 {level}',
  },
  'risk.notBelowSuspension': {
    en: "The bank's risk ratio {ratio} is below the suspension level {level} at {asOf} ({article:article})",
    'zh-CN': '截至 {asOf}，该行风险比例 {ratio} 低于{article:article}规定的暂停线 {level}',
  },
  'risk.suspendedSince': {
    en: 'The bank is already suspended since {since}',
    'zh-CN': '该行自 {since} 起已暂停业务',
  },
  'risk.proposalPending': {
    en: 'A suspension proposal for this bank awaits the IP bureau',
    'zh-CN': '该行已有一项暂停提议等待区知识产权局决定',
  },
  'risk.proposalDecided': { en: 'The proposal was already {status}', 'zh-CN': '该提议已{status:term}' },
  'risk.alreadySuspended': { en: 'The bank is already suspended', 'zh-CN': '该行已暂停业务' },
  'risk.liftedAfterToday': {
    en: 'A suspension of this bank was lifted after the business date',
    'zh-CN': '该行有一次暂停在业务日期之后解除',
  },
  'risk.notSuspended': { en: 'The bank is not suspended', 'zh-CN': '该行未被暂停业务' },
  'risk.suspensionStartsLater': {
    en: 'The suspension starts {from}, after the business date',
    'zh-CN': '暂停自 {from} 起，晚于业务日期',
  },
  'risk.loanClosed': { en: 'Loan {contractNo} is closed', 'zh-CN': '贷款 {contractNo} 已结清' },
  'risk.eventVerified': { en: 'The risk event was already verified', 'zh-CN': '该风险事件已核实' },

  // Partners, agreements and users
  'partner.kind': {
    en: 'A partner is a LENDING_BANK or a GUARANTOR',
    'zh-CN': '合作机构须为贷款银行或担保机构',
  },
  'partner.name': { en: 'The partner needs a name', 'zh-CN': '请填写合作机构名称' },
  'partner.guarantorLicence': {
    en: 'A guarantor needs a financing-guarantee business licence (融资担保业务经营许可证) on record',
    'zh-CN': '担保机构须登记融资担保业务经营许可证',
  },
  'partner.nameTaken': {
    en: 'An organisation named "{name}" is already on record',
    'zh-CN': '名为"{name}"的机构已登记',
  },
  'partner.statusChange': {
    en: 'The partner is {status}; it cannot become {to}',
    'zh-CN': '该机构{status:term}，不能变为{to:term}',
  },
  'partner.usernameRequired': { en: 'A username is required', 'zh-CN': '请填写用户名' },
  'partner.usersCannotAct': {
    en: 'The partner is {status}; its users cannot act',
    'zh-CN': '该机构{status:term}，其用户不能办理业务',
  },
  'partner.usernameFormat': {
    en: 'Username: 2–64 characters, lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    'zh-CN': '用户名：2–64 个字符，可用小写字母、数字、"."、"_" 或 "-"，以字母或数字开头',
  },
  'partner.displayName': { en: 'A display name is required', 'zh-CN': '请填写姓名' },
  'partner.passwordLength': {
    en: 'The password needs at least {min} characters',
    'zh-CN': '密码至少 {min} 个字符',
  },
  'partner.usernameTaken': {
    en: 'The username "{username}" is taken',
    'zh-CN': '用户名"{username}"已被使用',
  },
  'partner.userInactive': { en: 'The user is already deactivated', 'zh-CN': '该用户已停用' },
  'agreement.rate': {
    en: '{field} must be a decimal between 0 and 1: "{value}"',
    'zh-CN': '{field} 须为 0 到 1 之间的小数："{value}"',
  },
  'agreement.partnerStatus': {
    en: 'The bank is {status}; no new agreement can be recorded',
    'zh-CN': '该行{status:term}，不能登记新的合作协议',
  },
  'agreement.refused': {
    en: 'Cooperation agreement refused: {reason}',
    'zh-CN': '合作协议不符合办法规定：{rule:rule}',
  },
  'agreement.notLater': {
    en: 'A version effective from {from} is on record; a new version must take effect later',
    'zh-CN': '已有自 {from} 起生效的版本；新版本须晚于该日期生效',
  },
  'agreement.noneInForce': {
    en: 'No cooperation agreement of the bank was in force on {date}',
    'zh-CN': '{date} 该行无有效的合作协议',
  },

  // Claims, documents, recoveries and the fund
  'claim.documentsClosed': {
    en: 'Documents cannot be added to a {status} claim',
    'zh-CN': '{status:term}的补偿申请不能再添加材料',
  },
  'claim.fileName': { en: 'Invalid file name', 'zh-CN': '文件名无效' },
  'claim.fileEmpty': { en: 'The file is empty', 'zh-CN': '文件为空' },
  'claim.fileTooLarge': { en: 'A claim document may be at most {mb} MB', 'zh-CN': '申请材料最大 {mb} MB' },
  'claim.documentInlineTooLarge': {
    en: 'This document is larger than {mb} MB; download it from its downloadUrl',
    'zh-CN': '该材料大于 {mb} MB，请通过下载链接获取',
  },
  'claim.keyForOtherLoan': {
    en: 'This idempotencyKey was already used for another loan',
    'zh-CN': '该幂等键已用于另一笔贷款',
  },
  'claim.loanClosed': {
    en: 'The loan is closed: there is no loss to compensate',
    'zh-CN': '该贷款已结清，没有可补偿的损失',
  },
  'claim.onePerLoan': {
    en: 'A claim on this loan is already open or paid (one claim per loan, {article})',
    'zh-CN': '该贷款已有在办或已支付的补偿申请（每笔贷款补偿一次，{article:article}）',
  },
  'claim.openOnLoan': {
    en: 'A claim on this loan is already open (one claim per loan, {article})',
    'zh-CN': '该贷款已有在办的补偿申请（每笔贷款补偿一次，{article:article}）',
  },
  'claim.nothingToCompensate': {
    en: "The fund's share is 0.00 ({limitedBy}): the claim cannot be approved",
    'zh-CN': '资金补偿金额为 0.00（{limitedBy:term}），不能批准该申请',
  },
  'claim.alreadyPaid': { en: 'The claim is already paid', 'zh-CN': '该申请已支付' },
  'claim.alreadyApproved': {
    en: '{orgKind} has already approved this claim',
    'zh-CN': '{orgKind:term}已会签同意该申请',
  },
  'claim.notEligible': { en: 'The loan is not eligible for a claim', 'zh-CN': '该贷款不符合申请补偿的条件' },
  'recovery.beforePayout': {
    en: 'Recoveries are recorded after the compensation is paid',
    'zh-CN': '补偿支付后方可登记追偿款',
  },
  'recovery.future': {
    en: 'A recovery cannot be received in the future',
    'zh-CN': '追偿款的收回日期不能晚于今天',
  },
  'recovery.predatesPayout': {
    en: 'The recovery predates the payout ({paidOn})',
    'zh-CN': '追偿款收回日期早于补偿支付日（{paidOn}）',
  },
  'recovery.amountPositive': { en: 'A recovery must be a positive amount', 'zh-CN': '追偿金额须大于零' },
  'fund.consentComment': {
    en: 'A resumption consent needs the measures agreed (comment)',
    'zh-CN': '同意恢复须写明商定的措施（意见）',
  },
  'fund.notSuspended': { en: 'The fund is not suspended', 'zh-CN': '风险补偿资金未暂停' },
  'fund.alreadyConsented': { en: '{orgKind} has already consented', 'zh-CN': '{orgKind:term}已表示同意' },
  // The fund's commitment, remittances and governance (issue 12: Art 3, 5, 6.5, 7, 18, 24)
  'fund.principalCommitted': {
    en: 'Not enough principal: this fund share is {fundShare:money}; the principal holds {principal:money}, of which {committed:money} is approved but not yet paid, leaving {available:money}',
    'zh-CN':
      '专户本金不足：本笔补偿 {fundShare:money}，本金余额 {principal:money}，其中已批准未支付 {committed:money}，可用 {available:money}',
  },
  'recovery.noneOwed': {
    en: 'Nothing is owed to the fund for this recovery',
    'zh-CN': '该笔追偿款无需返还风险补偿资金',
  },
  'recovery.declaredAlready': {
    en: 'The remittance was already declared on {declaredOn} and awaits the fund manager’s confirmation',
    'zh-CN': '该笔返还款已于 {declaredOn} 申报，待资金管理人确认',
  },
  'recovery.alreadyConfirmed': {
    en: 'The remittance was already confirmed on {confirmedOn} against bank statement {statementRef}',
    'zh-CN': '该笔返还款已于 {confirmedOn} 按银行流水 {statementRef} 确认到账',
  },
  'recovery.notDeclared': {
    en: 'The bank has not declared this remittance (status {status})',
    'zh-CN': '银行尚未申报该笔返还款（状态 {status}）',
  },
  'recovery.remittedBeforeRecovery': {
    en: 'The remittance date {remittedOn} is before the recovery was received ({receivedOn})',
    'zh-CN': '返还日期 {remittedOn} 早于追偿款收回日（{receivedOn}）',
  },
  'recovery.remittedInFuture': {
    en: 'The remittance date {remittedOn} is after today ({today})',
    'zh-CN': '返还日期 {remittedOn} 晚于今天（{today}）',
  },
  'recovery.statementRef': {
    en: 'The bank statement reference must be 1–100 characters',
    'zh-CN': '银行流水号须为 1–100 个字符',
  },
  'fund.contributionDocument': {
    en: 'The document reference must be 1–100 characters',
    'zh-CN': '出资文件文号须为 1–100 个字符',
  },
  'fund.contributionKeyReused': {
    en: 'This idempotency key was already used for a different contribution',
    'zh-CN': '该幂等键已用于另一笔出资',
  },
  'fund.terminated': {
    en: 'The fund was terminated with effect from {effectiveOn}',
    'zh-CN': '风险补偿资金已于 {effectiveOn} 起终止',
  },
  'fund.planYear': {
    en: 'The plan year must be between {min} and {max}',
    'zh-CN': '计划年度须在 {min} 至 {max} 之间',
  },
  'fund.planText': {
    en: 'A work plan needs a title (at most 200 characters) and a summary (at most 5000)',
    'zh-CN': '工作计划须填写标题（200 字以内）和内容（5000 字以内）',
  },
  'fund.planFigure': { en: 'Planned figures must not be negative', 'zh-CN': '计划指标不能为负数' },
  'fund.planApproved': {
    en: 'The work plan for {year} is already approved',
    'zh-CN': '{year} 年度工作计划已批准',
  },
  'fund.planAwaiting': {
    en: 'The work plan for {year} awaits the offices’ decision; it is revised after a return',
    'zh-CN': '{year} 年度工作计划正在审批，退回后方可修改',
  },
  'fund.planNotAwaiting': {
    en: 'The work plan for {year} is not awaiting approval (status {status})',
    'zh-CN': '{year} 年度工作计划不在待审批状态（{status}）',
  },
  'fund.planAlreadyDecided': {
    en: '{orgKind} has already decided on this revision of the plan',
    'zh-CN': '{orgKind:term}已对该版本工作计划作出决定',
  },
  'fund.terminationExists': {
    en: 'A termination is already proposed or decided (status {status})',
    'zh-CN': '已有终止动议或终止决定（状态 {status}）',
  },
  'fund.terminationNone': { en: 'No termination proposal awaits consent', 'zh-CN': '没有待会签的终止动议' },
  'fund.terminationAnswered': {
    en: '{orgKind} has already answered this termination proposal',
    'zh-CN': '{orgKind:term}已对该终止动议表态',
  },
  'fund.terminationEffectiveDate': {
    en: 'The effective date {effectiveOn} is before today ({today})',
    'zh-CN': '终止生效日 {effectiveOn} 早于今天（{today}）',
  },
  'fund.notTerminated': { en: 'The fund has not been terminated', 'zh-CN': '风险补偿资金尚未终止' },
  'fund.terminationNotEffective': {
    en: 'The termination takes effect on {effectiveOn}; the balance is returned from then',
    'zh-CN': '终止自 {effectiveOn} 起生效，届时方可返还余额',
  },
  'fund.claimsUnderWay': {
    en: '{count} claims are still under way; they finish before the balance returns to the funder',
    'zh-CN': '尚有 {count} 笔补偿申请在办，办结后方可向出资人返还余额',
  },
  'fund.nothingToReturn': {
    en: 'The special account holds nothing to return',
    'zh-CN': '专户已无余额可返还',
  },

  // The ledger
  'ledger.reversalViaReverse': {
    en: 'A reversal is posted with LedgerService.reverse, which mirrors the original',
    'zh-CN': '冲销凭证须通过冲销功能生成，与原凭证方向相反',
  },
  'ledger.reversalReason': { en: 'A reversal needs a reason', 'zh-CN': '冲销须填写理由' },
  'ledger.reversalOfReversal': {
    en: 'Transaction {seq} is itself a reversal; post the original movement again instead',
    'zh-CN': '第 {seq} 号凭证本身是冲销凭证；请重新登记原业务',
  },
  'ledger.alreadyReversed': {
    en: 'Transaction {seq} was already reversed by transaction {by}',
    'zh-CN': '第 {seq} 号凭证已由第 {by} 号凭证冲销',
  },
  'ledger.costMemo': { en: 'Say what the cost was for (memo)', 'zh-CN': '请写明费用用途（摘要）' },
  'ledger.correctAtSource': {
    en: 'Transaction {seq} belongs to {type} {ref}; correct it there',
    'zh-CN': '第 {seq} 号凭证属于{type:term} {ref}，请在该业务中更正',
  },
  'ledger.bankName': { en: 'bankName must be 1–100 characters', 'zh-CN': '开户行名称须为 1–100 个字符' },
  'ledger.accountNo': { en: 'Not an account number: "{value}"', 'zh-CN': '不是有效账号："{value}"' },
  'ledger.unknownAccount': { en: 'Unknown account {account}', 'zh-CN': '未知科目 {account}' },
  'ledger.dateAfterToday': {
    en: 'Business date {date} is after today ({today})',
    'zh-CN': '业务日期 {date} 晚于今天（{today}）',
  },
  'ledger.keyReused': {
    en: 'Idempotency key "{key}" was already used for a different posting (transaction {seq})',
    'zh-CN': '幂等键"{key}"已用于另一笔记账（第 {seq} 号凭证）',
  },
  'ledger.keyLength': {
    en: 'The idempotency key must be 1–200 characters',
    'zh-CN': '幂等键须为 1–200 个字符',
  },
  'ledger.memoLength': { en: 'The memo is at most 500 characters', 'zh-CN': '摘要最多 500 个字符' },
  'ledger.referenceShape': {
    en: 'A reference needs a type (≤ 50) and an id (≤ 100)',
    'zh-CN': '关联业务须有类型（≤ 50 字符）和编号（≤ 100 字符）',
  },
  'ledger.insufficient': {
    en: '{account:term} has too little: {kind} needs {amount:money}, the balance is only {balance:money}',
    'zh-CN': '{account:term}余额不足：{kind:term} {amount:money}，余额仅 {balance:money}',
  },
  'ledger.negativeBalance': {
    en: '{account:term} ({account}) cannot go negative: {kind} takes {amount:money}, the balance is only {balance:money}',
    'zh-CN':
      '{account:term}（{account}）余额不能为负：{kind:term}需减少 {amount:money}，余额仅 {balance:money}',
  },
  'ledger.databaseNegative': {
    en: 'The database refused a negative balance: {detail}',
    'zh-CN': '数据库拒绝了负余额：{detail}',
  },
  'ledger.twoLines': {
    en: 'A posting needs at least two lines (a debit and a credit)',
    'zh-CN': '一笔记账至少需要两行（借方和贷方）',
  },
  'ledger.lineAccount': {
    en: 'Line {line}: unknown account {account}',
    'zh-CN': '第 {line} 行：未知科目 {account}',
  },
  'ledger.lineMoney': { en: 'Line {line}: amounts must be Money', 'zh-CN': '第 {line} 行：金额格式无效' },
  'ledger.lineNegative': {
    en: 'Line {line}: amounts must not be negative',
    'zh-CN': '第 {line} 行：金额不能为负',
  },
  'ledger.lineOneSide': {
    en: 'Line {line}: exactly one of debit and credit must be positive',
    'zh-CN': '第 {line} 行：借方和贷方须有且仅有一方大于零',
  },
  'ledger.unbalanced': {
    en: 'Unbalanced posting: debits {debits:money} ≠ credits {credits:money}',
    'zh-CN': '借贷不平：借方 {debits:money} ≠ 贷方 {credits:money}',
  },
  'ledger.unknownKind': { en: 'Unknown posting kind {kind}', 'zh-CN': '未知的记账类型 {kind}' },
  'ledger.outflowRefused': {
    en: '{kind} may not take money out of {account:term} ({account}): {reason}',
    'zh-CN': '{kind:term}不得从{account:term}（{account}）支出：{rule:rule}',
  },
  'ledger.movementRefused': {
    en: '{kind} may not {side} {account:term} ({account})',
    'zh-CN': '{kind:term}不得{side:term}{account:term}（{account}）',
  },

  // Operation reports (Art 6.6) and borrowers' quarterly statements (Art 22), issue 12
  'report.readers': {
    en: 'Only the offices, the fund manager and the auditor read the operation reports',
    'zh-CN': '仅主管部门、资金管理人和会计师事务所可查阅资金运营情况报告',
  },
  'report.period': {
    en: 'The period must be a year such as "2026" or a quarter such as "2026-Q4": {value}',
    'zh-CN': '报告期须为年度（如“2026”）或季度（如“2026-Q4”）：{value}',
  },
  'report.periodNotEnded': {
    en: 'The period {period} ends on {to}: its report is issued after the period has ended',
    'zh-CN': '报告期 {period} 至 {to} 结束，期末之后方可印发报告',
  },
  'report.alreadyIssued': {
    en: 'The report for {period} is already issued (version {version}): a correction needs its reason',
    'zh-CN': '{period} 报告已印发（第 {version} 版），更正须说明理由',
  },
  'report.versionNotFound': {
    en: 'Version {version} of the report for {period} has not been issued',
    'zh-CN': '{period} 报告第 {version} 版尚未印发',
  },
  'report.alreadyAcknowledged': {
    en: 'Your office has already acknowledged version {version} of the report for {period}',
    'zh-CN': '贵单位已确认收到 {period} 报告第 {version} 版',
  },
  'financials.readers': {
    en: 'Only the offices, the fund manager and the auditor see the collection of statements',
    'zh-CN': '仅主管部门、资金管理人和会计师事务所可查看财务报表收集情况',
  },
  'financials.quarter': {
    en: 'The quarter must look like "2026-Q3": {value}',
    'zh-CN': '季度格式须为“2026-Q3”：{value}',
  },
  'financials.quarterNotEnded': {
    en: 'The quarter {quarter} ends on {to}: its statement is submitted after it has ended',
    'zh-CN': '{quarter} 至 {to} 结束，季度结束后方可报送财务报表',
  },
  'financials.amount': {
    en: '{field} must be an amount in yuan with at most two decimals: "{value}"',
    'zh-CN': '{field} 须为最多两位小数的金额（元）："{value}"',
  },
  'financials.notNegative': { en: '{field} must not be negative', 'zh-CN': '{field} 不得为负数' },
  'financials.loanUse': {
    en: 'Describe how the loan was used (1 to {max} characters)',
    'zh-CN': '请填写贷款资金使用情况（1 至 {max} 个字符）',
  },
  'financials.alreadySubmitted': {
    en: 'The statement for {quarter} is already submitted (version {version}): correct it with a reason',
    'zh-CN': '{quarter} 财务报表已报送（第 {version} 版），如需更正请说明理由',
  },
  'financials.notSubmitted': {
    en: 'No statement for {quarter} has been submitted yet: submit it first',
    'zh-CN': '{quarter} 财务报表尚未报送，请先报送',
  },
  'financials.notMissing': {
    en: 'The statement for {quarter} is not missing: there is nothing to remind',
    'zh-CN': '{quarter} 财务报表并未缺报，无需催报',
  },
  'financials.noCoveredLoan': {
    en: 'The enterprise had no outstanding covered loan at the end of {quarter}',
    'zh-CN': '该企业在 {quarter} 末无未结清的纳入补偿贷款',
  },

  // Audit (Art 20), the activity log, the partner evaluation (Art 23) — issue 12
  'audit.outsideWindow': {
    en: 'No audit engagement of your organisation is active on {date}: an auditor reads only within the window the IP bureau engaged it for',
    'zh-CN': '贵所在 {date} 没有生效的审计委托：会计师事务所仅可在区知识产权局委托的期间内查阅',
  },
  'audit.notAuditor': {
    en: 'Only an audit firm (an AUDITOR organisation) can be engaged for an audit',
    'zh-CN': '只能委托会计师事务所等审计机构进行专项审计',
  },
  'audit.badWindow': {
    en: 'The engagement must end on or after the day it starts, and end no earlier than {date}',
    'zh-CN': '委托期间的结束日不得早于开始日，且不得早于 {date}',
  },
  'audit.notFound': { en: 'Audit engagement not found', 'zh-CN': '审计委托不存在' },
  'audit.alreadyEnded': {
    en: 'The engagement already ended on {date}',
    'zh-CN': '该审计委托已于 {date} 结束',
  },
  'activity.readers': {
    en: 'Only the offices, the fund manager and an engaged auditor read the activity log',
    'zh-CN': '仅主管部门、资金管理人和受托会计师事务所可查阅操作日志',
  },
  'activity.badFilter': { en: 'Invalid filter: {detail}', 'zh-CN': '筛选条件无效：{detail}' },
  'evaluation.badHalf': {
    en: 'A half year is written like 2026-H2',
    'zh-CN': '半年度格式应为 2026-H2',
  },
  'evaluation.notStarted': {
    en: 'The half year {half} has not started on {date}',
    'zh-CN': '{half} 在 {date} 尚未开始',
  },
  'evaluation.roundNotFound': {
    en: 'No evaluation round for {half}',
    'zh-CN': '{half} 尚无考核评价',
  },
  'evaluation.entryNotFound': { en: 'Evaluation entry not found', 'zh-CN': '考核评价记录不存在' },
  'evaluation.frozen': {
    en: 'The evaluation round of {half} was submitted to the offices on {date} and is frozen',
    'zh-CN': '{half} 考核评价已于 {date} 报送主管部门，不得再修改',
  },
  'evaluation.unscored': {
    en: 'Score every partner on product innovation and work effectiveness before submitting ({count} not yet scored)',
    'zh-CN': '报送前须对每家合作机构的产品创新和工作成效评分（尚有 {count} 家未评分）',
  },
  'evaluation.badScore': {
    en: 'A score is a number from 0 to 100 with at most two decimals',
    'zh-CN': '评分应为 0 至 100 的数字，最多两位小数',
  },
  // Password change, notifications, claim documents, loan preview and tape registration (issue 11/12)
  'auth.passwordWrong': { en: 'The current password is wrong', 'zh-CN': '当前密码不正确' },
  'auth.passwordTooShort': {
    en: 'The new password needs at least {min} characters',
    'zh-CN': '新密码至少 {min} 个字符',
  },
  'auth.passwordTooLong': {
    en: 'The new password may have at most {max} characters',
    'zh-CN': '新密码不超过 {max} 个字符',
  },
  'auth.passwordClasses': {
    en: 'The new password needs three of: lower-case letters, upper-case letters, digits, symbols (or at least {long} characters)',
    'zh-CN': '新密码须包含小写字母、大写字母、数字、符号中的至少三类（或不少于 {long} 个字符）',
  },
  'auth.passwordContainsUsername': {
    en: 'The new password must not contain the username',
    'zh-CN': '新密码不得包含用户名',
  },
  'auth.passwordCommon': {
    en: 'The new password is too common',
    'zh-CN': '新密码过于常见，请换一个',
  },
  'auth.passwordUnchanged': {
    en: 'The new password must differ from the current one',
    'zh-CN': '新密码不能与当前密码相同',
  },
  'notification.notFound': { en: 'Notification not found', 'zh-CN': '通知不存在' },
  'claim.documentsMissing': {
    en: 'The claim lacks required documents: {missing}',
    'zh-CN': '补偿申请缺少必备材料：{missing}',
  },
  'claim.documentKind': {
    en: 'Unknown document type "{value}"; one of {kinds}',
    'zh-CN': '材料类型“{value}”无效，可选：{kinds}',
  },
  'loanTape.rowsRefused': {
    en: '{count} rows of the tape were refused; nothing was recorded',
    'zh-CN': '台账中有 {count} 行未通过校验，未登记任何数据',
  },
  // Work-queue titles (issue 11): one per task kind; the Chinese is the title the queue always had.
  'task.CLAIM_FILE': {
    en: 'The loan is overdue long enough: a compensation claim may be filed ({enterprise}, contract {contract})',
    'zh-CN': '贷款逾期已满补偿条件，可提出补偿申请（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_DOCUMENTS': {
    en: 'Complete the claim documents ({enterprise}, contract {contract})',
    'zh-CN': '补齐补偿申请材料（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_RESUBMIT': {
    en: 'Add the documents asked for and resubmit the claim ({enterprise}, contract {contract})',
    'zh-CN': '补充材料后重新提交补偿申请（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_CONFIRM_SHARE': {
    en: "Confirm the guarantor's share ({enterprise}, contract {contract})",
    'zh-CN': '确认担保机构分担比例（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_VERIFY': {
    en: 'Verify the compensation claim ({enterprise}, contract {contract})',
    'zh-CN': '核实补偿申请（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_CO_SIGN': {
    en: 'Co-sign the compensation claim ({enterprise}, contract {contract})',
    'zh-CN': '会签补偿申请（{enterprise}，合同 {contract}）',
  },
  'task.CLAIM_PAY': {
    en: 'Pay out the compensation ({enterprise}, contract {contract})',
    'zh-CN': '划付风险补偿资金（{enterprise}，合同 {contract}）',
  },
  'task.LOAN_ACKNOWLEDGE': {
    en: 'Acknowledge the guaranteed loan ({enterprise}, contract {contract})',
    'zh-CN': '确认担保贷款（{enterprise}，合同 {contract}）',
  },
  'task.REMITTANCE_DUE': {
    en: 'Remit the recovery share of {amount:money} (contract {contract})',
    'zh-CN': '返还追偿所得 {amount:money}（合同 {contract}）',
  },
  'task.REMITTANCE_OVERDUE': {
    en: 'The recovery remittance of {amount:money} is overdue: remit it now (contract {contract})',
    'zh-CN': '追偿返还款已逾期，请尽快返还 {amount:money}（合同 {contract}）',
  },
  'task.REMITTANCE_CONFIRM': {
    en: 'Check the bank statement and confirm the remittance of {amount:money} (contract {contract})',
    'zh-CN': '核对银行流水，确认追偿返还款 {amount:money}（合同 {contract}）',
  },
  'task.STATEMENT_DUE': {
    en: 'Submit the financial statements and use of loan funds for {quarter} ({enterprise})',
    'zh-CN': '报送{quarterLabel}财务报表及贷款资金使用情况（{enterprise}）',
  },
  'task.RISK_WARNING': {
    en: "The bank's compensation ratio reached the warning line: issue a warning ({bank})",
    'zh-CN': '风险补偿比例达到预警线，发出预警通知（{bank}）',
  },
  'task.SUSPENSION_PROPOSE': {
    en: "The bank's compensation ratio reached the suspension line: propose suspending its business ({bank})",
    'zh-CN': '风险补偿比例达到暂停线，提议暂停业务（{bank}）',
  },
  'task.SUSPENSION_DECIDE': {
    en: "Decide on the proposal to suspend the partner bank's business ({bank})",
    'zh-CN': '审议暂停合作银行业务的提议（{bank}）',
  },
  'task.BLACKLIST_DECIDE': {
    en: "Decide on the proposal to end the enterprise's eligibility ({enterprise})",
    'zh-CN': '审议取消企业补偿资格的提议（{enterprise}）',
  },
  'task.RISK_EVENT_VERIFY': {
    en: 'Verify the risk warning together and record the measures taken (contract {contract})',
    'zh-CN': '会同核实风险预警并记录处置措施（合同 {contract}）',
  },
  'task.FUND_RESUMPTION_VOTE': {
    en: 'The fund has stopped new compensation: decide together whether to resume',
    'zh-CN': '风险补偿资金已暂停新增补偿业务，会同协商是否恢复',
  },

  // Fund foresight (issue 13)
  'forecast.readers': {
    en: "Only the offices, the fund manager and the auditor see the fund's forecast: it shows every bank's risk",
    'zh-CN': '仅主管部门、资金管理人和会计师事务所可查看资金压力测试：其中含各合作银行的风险',
  },
  'forecast.invalid': { en: 'Forecast refused: {detail}', 'zh-CN': '压力测试参数无效：{detail}' },
  'forecast.busy': {
    en: 'Too many forecasts are running; try again in a moment',
    'zh-CN': '正在运行的压力测试过多，请稍后再试',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** The names a template uses: "{a} … {b:money}" → 'a' | 'b'. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer Name}:${string}` ? Name : P) | Placeholders<Rest>
  : never;

type ParamValue = string | number;

/**
 * The params a key needs: every placeholder of its English and Chinese text (a `rule` also wants the
 * English `reason` it falls back to).
 */
export type MessageParamsOf<K extends MessageKey> = {
  readonly [
    P in Placeholders<(typeof MESSAGES)[K]['en']> | Placeholders<(typeof MESSAGES)[K]['zh-CN']>
  ]: ParamValue;
};

export type MessageParams = Readonly<Record<string, ParamValue>>;

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(MESSAGES, key);
}

/** Words of the domain a message names: entities, statuses, organisation kinds, posting kinds. */
export const TERMS: Record<Lang, Readonly<Record<string, string>>> = {
  'zh-CN': {
    // Entities (common.notFound)
    Loan: '贷款',
    Claim: '补偿申请',
    Enterprise: '企业',
    Bank: '银行',
    Partner: '合作机构',
    User: '用户',
    Recovery: '追偿记录',
    'Risk event': '风险事件',
    'Suspension proposal': '暂停提议',
    'Blacklist proposal': '黑名单提议',
    'Ledger transaction': '记账凭证',
    'Claim document': '申请材料',
    Organization: '机构',
    'Annual work plan': '年度工作计划',
    Policy: '管理办法',
    // Statuses
    ACTIVE: '合作中',
    RETIRED: '已退出',
    DISQUALIFIED: '已取消资格',
    PENDING: '待决定',
    APPROVED: '同意',
    DECLINED: '不同意',
    REJECTED: '驳回',
    approved: '同意',
    declined: '不同意',
    rejected: '驳回',
    SUBMITTED: '已提交',
    RETURNED: '已退回',
    GUARANTOR_CONFIRMED: '担保已确认',
    VERIFIED: '已核实',
    PAID: '已支付',
    // Organisation kinds
    IP_BUREAU: '区知识产权局',
    FINANCE_BUREAU: '区财政局',
    FINANCIAL_OFFICE: '区金融办',
    FUND_MANAGER: '资金管理人',
    LENDING_BANK: '合作贷款银行',
    GUARANTOR: '合作保险（担保）机构',
    ENTERPRISE: '贷款企业',
    AUDITOR: '会计师事务所',
    // IP kinds
    PATENT: '专利',
    TRADEMARK: '商标',
    // Which limit determined the fund's share
    NONE: '约定比例',
    TIER_RATE: '档位补偿比例上限',
    PER_LOAN_CAP: '单笔补偿上限',
    ENTERPRISE_YEAR_CAP: '企业年度补偿上限',
    // Posting kinds (the ledger's KIND_LABELS_ZH)
    CAPITAL_INJECTION: '财政出资注入',
    COMPENSATION_PAYOUT: '风险补偿支付',
    RECOVERY_RECEIVABLE: '确认追偿返还应收',
    REMITTANCE_RECEIVED: '收到追偿返还款',
    INTEREST_INCOME: '利息收入',
    PROGRAMME_COST: '成本费用支出',
    TERMINATION_RETURN: '终止返还出资人',
    REVERSAL: '冲销',
    // Accounts of the fund's chart, by code
    '100201': '专户本金',
    '100202': '利息二级子账户',
    '1221': '应收追偿返还款',
    '3001': '财政出资',
    '3002': '返还出资人',
    '4001': '追偿返还收入',
    '4002': '利息收入',
    '5001': '风险补偿支出',
    '5002': '相关成本费用',
    debit: '借记',
    credit: '贷记',
    // Field names of free text
    reason: '理由',
    comment: '意见',
    description: '说明',
    memo: '摘要',
    verification: '核实情况',
    measures: '处置措施',
  },
  en: {
    '100201': 'Special account: principal',
    '100202': 'Special account: interest sub-account',
    '1221': 'Recoveries receivable from banks',
    '3001': 'Fund capital (district government)',
    '3002': 'Returned to the funder on termination',
    '4001': 'Recovery income',
    '4002': 'Interest income',
    '5001': 'Compensation paid',
    '5002': 'Programme costs',
  },
};

/** Refusals by the rules of packages/policy and the status rules, by code (zh-CN; English keeps the rule's own text). */
export const RULES: Readonly<Record<string, string>> = {
  ACTOR_NOT_ALLOWED: '贵单位不能在此环节办理该申请',
  ALREADY_SIGNED: '贵单位已会签该申请',
  INVALID_TRANSITION: '申请当前状态不允许此操作',
  REASON_REQUIRED: '请填写理由',
  GUARANTOR_CONFIRMATION_REQUIRED: '三方贷款须先由担保机构确认分担',
  NOT_THREE_PARTY: '两方贷款没有担保机构分担',
  FUND_SUSPENDED: '风险补偿资金已暂停，暂不受理补偿申请',
  FUND_TERMINATED: '放款日风险补偿资金已终止，新发放贷款不纳入补偿',
  PRINCIPAL_COMMITTED: '专户本金扣除已批准未支付的补偿后不足以支付本笔补偿',
  NOT_OVERDUE_ENOUGH: '贷款逾期天数未达到申请补偿的要求',
  CLAIM_OVERDUE_NOT_REACHED: '贷款逾期天数未达到申请补偿的要求',
  LOAN_NOT_COVERED: '该贷款未纳入风险补偿范围',
  CLAIM_NOT_ELIGIBLE: '该贷款不符合申请补偿的条件',
  ELIGIBILITY_NOT_ASSESSED: '尚未评估该贷款是否纳入补偿',
  ENTERPRISE_BLACKLISTED: '借款企业已列入黑名单',
  ENTERPRISE_EXCLUDED_FRAUD: '借款企业因骗取资金被排除',
  NOT_PARTNER_BANK: '放款银行不是合作银行',
  BANK_SUSPENDED_AT_ISSUE: '放款时该行处于暂停业务期间',
  NO_IP_COLLATERAL: '贷款没有知识产权质押',
  PURPOSE_FORBIDDEN: '贷款用途不在补偿范围内',
  IP_PART_EXCEEDS_PRINCIPAL: '知识产权质押部分超过贷款本金',
  AMOUNT_NOT_POSITIVE: '金额须大于零',
  OUTFLOW_NOT_ALLOWED: '办法不允许该项资金支出',
  INSUFFICIENT_BALANCE: '账户余额不足',
  GUARANTOR_RATE_BELOW_MINIMUM: '担保机构分担比例低于办法规定的下限',
  FUND_RATE_ABOVE_TIER_CAP: '资金补偿比例高于档位上限',
  FUND_RATE_NOT_POSITIVE: '资金补偿比例须大于零',
  RATES_EXCEED_WHOLE_LOSS: '各方分担比例之和超过全部损失',
  EFFECTIVE_FROM_INVALID: '生效日期无效',
  LOAN_NOT_ACTIVE: '只有正常状态的贷款才能报告还款情况',
  AS_OF_AFTER_BUSINESS_DATE: '报告日期晚于业务日期',
  AS_OF_BEFORE_ISSUE: '报告日期早于放款日',
  AS_OF_BEFORE_LAST_REPORT: '报告日期早于上次报告',
  OUTSTANDING_EXCEEDS_PRINCIPAL: '贷款余额超过贷款本金',
  REPAID_WITH_UNPAID_DUE_DATE: '贷款已还清，不应再有未还到期日',
  DUE_DATE_BEFORE_ISSUE: '最早未还到期日早于放款日',
  DUE_DATE_AFTER_MATURITY: '最早未还到期日晚于贷款到期日',
  NOTHING_TO_COMPENSATE: '资金补偿金额为零，不能批准',
};

function term(value: string, lang: Lang): string {
  return TERMS[lang][value] ?? value;
}

/**
 * The text of a message in a language, or null for a key this version does not know (a newer
 * server): the caller shows the message the server sent instead.
 */
export function renderMessage(
  key: string,
  params: MessageParams | null | undefined,
  lang: Lang,
): string | null {
  if (!isMessageKey(key)) return null;
  const values = params ?? {};
  return MESSAGES[key][lang].replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, kind?: string) => {
    const raw = values[name];
    if (raw === undefined && kind !== 'rule') return whole;
    const text = String(raw ?? '');
    switch (kind) {
      case 'money':
        return formatMoney(text, lang);
      case 'article':
        return formatArticle(text, lang);
      case 'term':
        return term(text, lang);
      case 'rule': {
        const code = String(values[name] ?? '');
        return (lang === 'zh-CN' ? RULES[code] : undefined) ?? String(values.reason ?? code);
      }
      default:
        return text;
    }
  });
}
