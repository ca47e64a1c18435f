// Which case a process works on: the API path of its detail and the document case kind.
export interface CaseKind {
  kind: string
  api: string
  label: string
}

const DISCIPLINE: CaseKind = { kind: 'discipline', api: '/api/discipline-cases', label: '联合惩戒' }

export const CASE_KINDS: Record<string, CaseKind> = {
  JointDisciplineProcess: DISCIPLINE,
  DisciplineAppealProcess: DISCIPLINE,
  ProcuratorialRecommendationProcess: { kind: 'pil', api: '/api/pil-cases', label: '公益诉讼' },
  RectificationProcess: { kind: 'rectification', api: '/api/rectifications', label: '限期整改' },
  AccountabilityInterviewProcess: { kind: 'interview', api: '/api/interviews', label: '约谈' },
  AccountRiskProcess: { kind: 'account', api: '/api/accounts', label: '账户风险' },
  AccountObjectionProcess: { kind: 'account', api: '/api/accounts', label: '账户风险' },
  EmergencyStopPaymentProcess: { kind: 'stop-payment', api: '/api/stop-payments', label: '紧急止付' },
  CardVerificationProcess: { kind: 'card', api: '/api/card-verifications', label: '电话卡核验' },
}

/** Search hit types and their Chinese names. */
export const TYPE_LABELS: Record<string, string> = {
  discipline: '联合惩戒',
  pil: '公益诉讼',
  rectification: '限期整改',
  interview: '约谈',
  account: '账户风险',
  'stop-payment': '紧急止付',
  card: '电话卡核验',
  document: '文书',
  attachment: '附件',
  comment: '办理意见',
}
