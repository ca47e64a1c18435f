// One way to the API: the session cookie, the CSRF token echoed from its cookie, the
// caller's language, and RFC 9457 problems turned into errors that name their fields.

export interface FieldProblem {
  field: string
  message: string
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fields: FieldProblem[] = [],
    /** The whole problem, for its extension members (an upload's row report). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail || title)
  }

  /** The message for one field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message
  }
}

type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  method?: string
  query?: Query
  body?: unknown
  /** Sent as is (a FormData upload). */
  form?: FormData
  /** Upload progress, 0–100 (uses XMLHttpRequest). */
  onProgress?: (percent: number) => void
}

let language = 'zh-CN'
let onUnauthenticated: () => void = () => {}

export function setLanguage(value: string) {
  language = value
}

/** What to do when the server says the session is gone. */
export function onSessionExpired(handler: () => void) {
  onUnauthenticated = handler
}

export function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined
}

/**
 * Makes sure a write can carry the CSRF token: when its cookie is gone (cleared by the
 * user, or never set on this tab), the session check sets it again.
 */
async function ensureCsrf(method: string) {
  if (method === 'GET' || csrfToken()) return
  await fetch('/api/session', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
}

export function url(path: string, query?: Query): string {
  const params = new URLSearchParams()
  Object.entries(query ?? {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  })
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

function headers(method: string, json: boolean): Record<string, string> {
  const result: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    'X-Requested-With': 'XMLHttpRequest',
  }
  if (json) result['Content-Type'] = 'application/json'
  const token = csrfToken()
  if (method !== 'GET' && token) result['X-XSRF-TOKEN'] = token
  return result
}

async function problem(status: number, text: string, path: string): Promise<ProblemError> {
  try {
    const body = JSON.parse(text)
    return new ProblemError(status, body.title ?? '', body.detail ?? '', body.errors ?? [], body)
  } catch {
    return new ProblemError(status, String(status), text || path)
  }
}

declare global {
  interface Window {
    /** Answers asked for by /early.js before this code arrived, by URL. */
    __early?: Record<string, Promise<Response> | undefined>
  }
}

/** The early answer for a GET of this URL, if one was asked for and not yet taken. */
function early(method: string, target: string): Promise<Response> | undefined {
  const answers = typeof window !== 'undefined' ? window.__early : undefined
  const answer = method === 'GET' ? answers?.[target] : undefined
  if (answer) delete answers![target]
  return answer
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body !== undefined || options.form ? 'POST' : 'GET')
  const target = url(path, options.query)
  // a write (signing in among them) makes any early answer stale
  if (method !== 'GET' && typeof window !== 'undefined') window.__early = undefined
  await ensureCsrf(method)
  if (options.form && options.onProgress) return upload<T>(target, method, options.form, options.onProgress)
  const response = await (early(method, target) ??
    fetch(target, {
      method,
      credentials: 'same-origin',
      headers: headers(method, options.body !== undefined),
      body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    }))
  const text = await response.text()
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/session') onUnauthenticated()
    throw await problem(response.status, text, path)
  }
  return (text ? JSON.parse(text) : undefined) as T
}

function upload<T>(target: string, method: string, form: FormData, onProgress: (p: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, target)
    Object.entries(headers(method, false)).forEach(([k, v]) => xhr.setRequestHeader(k, v))
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded * 100) / e.total))
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
      } else {
        if (xhr.status === 401) onUnauthenticated()
        reject(await problem(xhr.status, xhr.responseText, target))
      }
    }
    xhr.onerror = () => reject(new ProblemError(0, '', 'network'))
    xhr.send(form)
  })
}

export const get = <T>(path: string, query?: Query) => request<T>(path, { query })
export const post = <T>(path: string, body?: unknown, query?: Query) =>
  request<T>(path, { method: 'POST', body: body ?? {}, query })
