import { afterEach, describe, expect, it, vi } from 'vitest'
import { onSessionExpired, post, ProblemError, request, url } from '@/api/http'

function respond(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn().mockResolvedValue(
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
})

describe('http', () => {
  it('drops empty query parameters', () => {
    expect(url('/api/tasks', { process: '', overdue: undefined, page: 0 })).toBe('/api/tasks?page=0')
  })

  it('turns a problem into an error naming its fields', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, {
        title: '提交的内容有误',
        detail: '提交的内容有误，请按字段提示修改。',
        errors: [{ field: 'reason', message: '未执行时必须说明理由' }],
      }),
    )
    const error = (await post('/api/tasks/1/complete', { outcome: 'NOT_APPLIED' }).catch((e) => e)) as ProblemError
    expect(error).toBeInstanceOf(ProblemError)
    expect(error.status).toBe(400)
    expect(error.field('reason')).toBe('未执行时必须说明理由')
    expect(error.field('outcome')).toBeUndefined()
  })

  it('echoes the CSRF cookie on writes and asks for no Basic dialog', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123'
    const fetch = respond(204, undefined)
    vi.stubGlobal('fetch', fetch)
    await request('/api/tasks/1/claim', { method: 'POST' })
    const headers = fetch.mock.calls[0][1].headers
    expect(headers['X-XSRF-TOKEN']).toBe('abc-123')
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest')
  })

  it('fetches a new CSRF cookie before a write when the cookie is gone', async () => {
    const fetch = vi.fn().mockImplementation(async (path: string) => {
      if (path === '/api/session') document.cookie = 'XSRF-TOKEN=fresh-1'
      return new Response(null, { status: 204 })
    })
    vi.stubGlobal('fetch', fetch)
    await request('/api/session', { method: 'POST', body: { username: 'legal.laoshan' } })
    expect(fetch.mock.calls[0][0]).toBe('/api/session')
    expect(fetch.mock.calls[1][1].method).toBe('POST')
    expect(fetch.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBe('fresh-1')
  })

  it('reports an expired session once, on a 401 from any call but the session check', async () => {
    const expired = vi.fn()
    onSessionExpired(expired)
    vi.stubGlobal('fetch', respond(401, { title: '请先登录。' }))
    await request('/api/tasks').catch(() => undefined)
    await request('/api/session').catch(() => undefined)
    expect(expired).toHaveBeenCalledTimes(1)
  })
})
