// Chinese names of the codes the API returns; a code without a name is shown as it is.
const STATUS: Record<string, string> = {
  UNDER_REVIEW: '审核中',
  PROVINCIAL_REVIEW: '报省厅审批',
  AWAITING_APPROVAL: '待审批',
  RETURNED: '退回补充',
  REJECTED: '不予批准',
  APPROVED: '已批准',
  NOTICE_PENDING: '待送达',
  EXECUTING: '惩戒执行中',
  LIFTED: '已解除',
  EXPIRED: '期满',
  CLOSED: '已结案',
  PENDING: '待反馈',
  APPLIED: '已执行',
  NOTHING_TO_APPLY: '无可执行对象',
  NOT_APPLIED: '未执行',
  ISSUED: '已印发',
  SUPERSEDED: '已被更正',
  REVOKED: '已撤销',
  OPEN: '办理中',
  REGISTERED: '已登记',
  FILED: '已立案',
  OVERDUE: '已逾期',
  STOPPED: '已止付',
  FROZEN: '已冻结',
  RED: '逾期',
  YELLOW: '临期',
  GREEN: '正常',
  POLICE_DETERMINED: '公安机关认定',
  CRIMINAL: '依法追究刑事责任',
  ACTIVE: '办理中',
  COMPLETED: '已办结',
  SUSPENDED: '已挂起',
  EXTERNALLY_TERMINATED: '已终止',
  INTERNALLY_TERMINATED: '已终止',
}

const FIELD: Record<string, string> = {
  caseNumber: '案件编号',
  subjectName: '当事人',
  subjectIdNumber: '身份证号',
  status: '状态',
  category: '类别',
  filedAt: '录入时间',
  termEnd: '惩戒届满',
  filingAgency: '认定单位',
  organName: '被建议单位',
  stage: '阶段',
  replyDue: '回复期限',
  registeredAt: '登记时间',
  unitName: '整改单位',
  deadline: '整改期限',
  deadlineStatus: '期限状态',
  issuedAt: '下发时间',
  institutionName: '机构',
  accountNumber: '账号',
  holderName: '户名',
  grade: '风险等级',
  measureLabel: '管控措施',
  amount: '金额',
  requestedAt: '发起时间',
  expiresAt: '止付到期',
  operatorName: '运营商',
  phone: '号码',
  dueAt: '期限',
  scheduledAt: '约谈时间',
  unit: '约谈单位',
}

const ROLE: Record<string, string> = {
  POLICE_OFFICER: '民警',
  POLICE_LEGAL: '法制审核',
  POLICE_LEADER: '公安负责人',
  PROCURATOR: '检察官',
  CHIEF_PROCURATOR: '检察长',
  BANK_OFFICER: '银行反诈岗',
  TELECOM_OFFICER: '运营商反诈岗',
  REGULATOR_OFFICER: '监管人员',
  JOINT_OFFICE: '反诈办',
  SUPERVISOR: '督办',
  ADMIN: '系统管理员',
}

// what happened, as the audit trail records it (the timeline beside a case)
const ACTION: Record<string, string> = {
  CASE_FILED: '录入认定',
  CASE_SUPPLEMENTED: '补充材料',
  CASE_MERGED: '合并案件',
  CASE_CLOSED: '结案',
  MEASURES_DETERMINED: '确定惩戒措施',
  NOTICE_SERVED: '送达告知书',
  DISCIPLINE_STARTED: '惩戒开始',
  DISCIPLINE_ACTIVE: '惩戒执行中',
  DISCIPLINE_EXPIRED: '惩戒期满',
  DISCIPLINE_LIFTED: '解除惩戒',
  ORDERS_WITHDRAWN: '撤回协助执行通知',
  ORDER_ANSWERED: '反馈执行结果',
  ORDER_REMINDED: '提醒反馈',
  ORDER_ESCALATED: '逾期上报',
  APPEAL_FILED: '提出申诉',
  APPEAL_VERIFIED: '核查申诉',
  APPEAL_DECIDED: '申诉决定',
  APPEAL_ACCEPTED: '申诉成立',
  APPEAL_REJECTED: '申诉不成立',
  APPEAL_LIFT_SKIPPED: '申诉成立（已解除）',
  TASK_CLAIMED: '签收任务',
  TASK_COMPLETED: '办结任务',
  TASK_TRANSFERRED: '转办任务',
  TASK_COMMENTED: '填写意见',
  ATTACHMENT_UPLOADED: '上传附件',
  DOCUMENT_ISSUED: '印发文书',
  DOCUMENT_CORRECTED: '更正文书',
  DOCUMENT_REVOKED: '撤销文书',
  DOCUMENT_DOWNLOADED: '下载文书',
  ID_REVEALED: '查看完整号码',
  DEADLINE_URGED: '催办',
  INTAKE_UPLOADED: '批量导入',
  PIL_CLUE_REGISTERED: '登记线索',
  PIL_FILED: '立案',
  PIL_RECOMMENDATION_ISSUED: '制发检察建议',
  PIL_REPLY_PERIOD_STARTED: '回复期限起算',
  PIL_REPLY_REMINDED: '提醒回复',
  PIL_REPLY_OVERDUE: '逾期未回复',
  PIL_REFERRAL_NOT_APPLICABLE: '不适用移送',
  PIL_CLOSED: '结案',
  RECTIFICATION_ORDERED: '下发整改通知',
  RECTIFICATION_OVERDUE: '整改逾期',
  RECTIFICATION_FAILED: '整改不到位',
  INTERVIEW_SCHEDULED: '安排约谈',
  STOP_PAYMENT_REQUESTED: '发起紧急止付',
  STOP_PAYMENT_EXECUTED: '已止付',
  STOP_PAYMENT_FROZEN: '已冻结',
  STOP_PAYMENT_REFUSED: '拒绝止付',
  STOP_PAYMENT_LAPSED: '止付到期',
  STOP_PAYMENT_OVERDUE: '止付逾期',
  STOP_PAYMENT_RENEWAL_REQUESTED: '申请续止付',
  ACCOUNT_SIGNAL: '账户风险信号',
  ACCOUNT_GRADED: '风险定级',
  ACCOUNT_MEASURE_APPLIED: '采取管控措施',
  ACCOUNT_MEASURE_LIFTED: '解除管控措施',
  ACCOUNT_OBJECTION: '提出异议',
  ACCOUNT_OBJECTION_ANSWERED: '答复异议',
  ACCOUNT_OBJECTION_REMINDED: '提醒答复异议',
  ACCOUNT_OBJECTION_ESCALATED: '异议逾期上报',
  CARD_REGISTERED: '登记号码',
  CARD_FLAGGED: '号码风险标记',
  CARD_SUSPENDED: '停机',
  CARD_VERIFIED: '核验通过',
  CARD_VERIFICATION_FAILED: '核验未通过',
  CARD_HOLDER_VERIFIED: '机主核验',
  CARD_REFUSED: '拒绝办理',
  CARD_RESTORED: '复机',
  CARD_OBJECTION: '提出异议',
  CARD_OBJECTION_REVIEWED: '复核异议',
  LISTED_SUPERVISION: '列入督办',
  EXECUTION_ORDERS_ISSUED: '发出协助执行通知',
  LIFTING_ORDERS_ISSUED: '发出解除通知',
  INTERVIEW_COMPLETED: '约谈结束',
  INTERVIEW_RECTIFICATION_FAILED: '约谈后整改不到位',
}

// a review step and its decision, as recorded: LEGAL_REVIEW_APPROVE = 法制审核：通过
const STEP: Record<string, string> = {
  LEGAL_REVIEW: '法制审核',
  APPROVAL: '审批',
  PROVINCIAL_APPROVAL: '省厅审批',
}
const DECISION: Record<string, string> = { APPROVE: '通过', RETURN: '退回补充', REJECT: '不予批准' }

/** A timeline action in Chinese; an action without a name keeps its code. */
export function actionLabel(code: string): string {
  if (ACTION[code]) return ACTION[code]
  const decision = Object.keys(DECISION).find((d) => code.endsWith(`_${d}`))
  const step = decision && STEP[code.slice(0, -decision.length - 1)]
  return step ? `${step}：${DECISION[decision]}` : statusLabel(code)
}

/** Reads recorded in the audit trail (who looked at what) that a case's timeline leaves out. */
export const READ_ACTIONS = new Set(['ID_REVEALED', 'DOCUMENT_DOWNLOADED'])
export const roleLabel = (code: string) => ROLE[code] ?? code
export const statusLabel = (code: string | null | undefined) => (code ? (STATUS[code] ?? code) : '')
export const fieldLabel = (key: string) => FIELD[key] ?? key

export interface KindConfig {
  title: string
  api: string
  documentKind: string
  columns: string[]
  statuses?: string[]
}

export const KINDS: Record<string, KindConfig> = {
  discipline: {
    title: '联合惩戒案件',
    api: '/api/discipline-cases',
    documentKind: 'discipline',
    columns: ['caseNumber', 'subjectName', 'subjectIdNumber', 'status', 'category', 'filedAt', 'termEnd'],
    statuses: ['UNDER_REVIEW', 'PROVINCIAL_REVIEW', 'AWAITING_APPROVAL', 'EXECUTING', 'LIFTED', 'CLOSED'],
  },
  pil: {
    title: '公益诉讼案件',
    api: '/api/pil-cases',
    documentKind: 'pil',
    columns: ['caseNumber', 'organName', 'stage', 'status', 'replyDue', 'registeredAt'],
  },
  rectification: {
    title: '限期整改',
    api: '/api/rectifications',
    documentKind: 'rectification',
    columns: ['caseNumber', 'unitName', 'status', 'deadline', 'issuedAt'],
  },
  interview: {
    title: '约谈',
    api: '/api/interviews',
    documentKind: 'interview',
    columns: ['caseNumber', 'unitName', 'status', 'scheduledAt'],
  },
  account: {
    title: '账户风险管控',
    api: '/api/accounts',
    documentKind: 'account',
    columns: ['institutionName', 'accountNumber', 'holderName', 'grade', 'measureLabel'],
  },
  'stop-payment': {
    title: '紧急止付',
    api: '/api/stop-payments',
    documentKind: 'stop-payment',
    columns: ['caseNumber', 'institutionName', 'accountNumber', 'amount', 'status', 'expiresAt'],
  },
  card: {
    title: '电话卡二次实人认证',
    api: '/api/card-verifications',
    documentKind: 'card',
    columns: ['caseNumber', 'operatorName', 'phone', 'status', 'dueAt'],
  },
}
