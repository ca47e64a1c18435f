import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSession } from '@/stores/session'
import { useInbox } from '@/stores/inbox'
import type { Task } from '@/api/types'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

function task(id: string, workingDaysLeft: number | null, dueStatus: Task['dueStatus']): Task {
  return {
    id,
    name: '反馈协助执行结果',
    taskKey: 'answerOrder',
    processKey: 'JointDisciplineProcess',
    processName: '联合惩戒',
    caseId: 'c1',
    created: '2026-11-20T01:00:00Z',
    dueAt: null,
    due: '2026-11-27',
    dueStatus,
    workingDaysLeft,
    assignee: null,
    formId: 'answer-execution-order',
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.unstubAllGlobals()
})

describe('session store', () => {
  it('signs in, knows the roles, and forgets the user on expiry', async () => {
    const user = {
      authenticated: true,
      username: 'bank.icbc',
      displayName: '工行反诈专员',
      agencyCode: 'ICBC-QD',
      agencyName: '工商银行青岛分行',
      roles: ['BANK_OFFICER'],
    }
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(json(user))))
    const session = useSession()
    await session.login('bank.icbc', 'Demo@2026')
    expect(session.authenticated).toBe(true)
    expect(session.has('BANK_OFFICER')).toBe(true)
    expect(session.has('SUPERVISOR', 'JOINT_OFFICE')).toBe(false)
    session.markExpired()
    expect(session.authenticated).toBe(false)
    expect(session.expired).toBe(true)
  })

  it('keeps the user signed out when the password is wrong', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json({ title: '用户名或密码不正确。' }, 401)))
    const session = useSession()
    await expect(session.login('bank.icbc', 'wrong')).rejects.toThrow('用户名或密码不正确。')
    expect(session.authenticated).toBe(false)
  })
})

describe('inbox store', () => {
  it('loads a page with the filters as query parameters', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ items: [task('1', 2, 'YELLOW')], total: 1, page: 0, size: 50 }))
    vi.stubGlobal('fetch', fetch)
    const inbox = useInbox()
    inbox.filter.process = 'JointDisciplineProcess'
    inbox.filter.overdue = true
    await inbox.load()
    expect(fetch.mock.calls[0][0]).toBe('/api/tasks?process=JointDisciplineProcess&overdue=true&page=0&size=50')
    expect(inbox.total).toBe(1)
  })

  it('takes the answer asked for before the code arrived, and the page does not ask again', async () => {
    const early = Promise.resolve(json({ items: [task('7', 1, 'YELLOW')], total: 1, page: 0, size: 50 }))
    window.__early = { '/api/tasks?page=0&size=50': early }
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const inbox = useInbox()
    await inbox.load()
    await inbox.ensure()
    expect(inbox.tasks.map((t) => t.id)).toEqual(['7'])
    expect(fetch).not.toHaveBeenCalled()
    expect(window.__early['/api/tasks?page=0&size=50']).toBeUndefined()
  })

  it('narrows to tasks due this week and counts the overdue ones', () => {
    const inbox = useInbox()
    inbox.tasks = [task('1', -1, 'RED'), task('2', 30, 'GREEN'), task('3', null, null)]
    inbox.filter.thisWeek = true
    expect(inbox.visible.map((t) => t.id)).toEqual(['1'])
    expect(inbox.overdueCount).toBe(1)
  })
})
