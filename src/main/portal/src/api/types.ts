export type DueStatus = 'GREEN' | 'YELLOW' | 'RED'

export interface Session {
  authenticated: boolean
  username: string | null
  displayName: string | null
  agencyCode: string | null
  agencyName: string | null
  roles: string[]
  /** Set when an identity provider holds the login (keycloak mode): where to sign in. */
  loginUrl?: string | null
}

export interface Page<T> {
  items: T[]
  total: number
  /** More than total: the server stopped counting (an inbox of 100,000 tasks). */
  totalCapped?: boolean
  page: number
  size: number
}

export interface Task {
  id: string
  name: string
  taskKey: string
  processKey: string
  processName: string
  caseId: string | null
  created: string
  dueAt: string | null
  due: string | null
  dueStatus: DueStatus | null
  workingDaysLeft: number | null
  assignee: string | null
  formId: string | null
}

export interface SearchHit {
  type: string
  id: string
  caseRef: string
  title: string
  status: string
  snippets: string[]
}

export interface SearchResult {
  total: number
  items: SearchHit[]
  facets: Record<string, Record<string, number>>
}
