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
