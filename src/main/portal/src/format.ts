// Dates as people read them here: 2026年11月24日, in Asia/Shanghai whatever the browser's zone.
import type { DueStatus } from '@/api/types'

const ZONE = 'Asia/Shanghai'

let formatter: Intl.DateTimeFormat | undefined

function parts(value: string | Date): { y: string; m: string; d: string; hh: string; mm: string } {
  // a plain date (2026-11-24) is a calendar day, not an instant
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-')
    return { y, m: String(Number(m)), d: String(Number(d)), hh: '', mm: '' }
  }
  const date = typeof value === 'string' ? new Date(value) : value
  // one formatter for every call: building one costs far more than using it
  formatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const formatted = formatter.formatToParts(date)
  const get = (type: string) => formatted.find((p) => p.type === type)?.value ?? ''
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') }
}

function day(p: { y: string; m: string; d: string }, language: string): string {
  return language === 'en' ? `${p.y}-${p.m.padStart(2, '0')}-${p.d.padStart(2, '0')}` : `${p.y}年${p.m}月${p.d}日`
}

export function chineseDate(value: string | Date | null | undefined, language = 'zh-CN'): string {
  return value ? day(parts(value), language) : ''
}

export function chineseDateTime(value: string | Date | null | undefined, language = 'zh-CN'): string {
  if (!value) return ''
  const p = parts(value)
  return `${day(p, language)} ${p.hh}:${p.mm}`
}

/** Element Plus tag type for a traffic-light status. */
export function dueTagType(status: DueStatus | null | undefined): 'danger' | 'warning' | 'success' | 'info' {
  switch (status) {
    case 'RED':
      return 'danger'
    case 'YELLOW':
      return 'warning'
    case 'GREEN':
      return 'success'
    default:
      return 'info'
  }
}

/** The i18n key and argument that word a number of working days left. */
export function dueWording(daysLeft: number | null | undefined): { key: string; n: number } {
  if (daysLeft === null || daysLeft === undefined) return { key: 'due.none', n: 0 }
  if (daysLeft < 0) return { key: 'due.overdue', n: -daysLeft }
  if (daysLeft === 0) return { key: 'due.today', n: 0 }
  return { key: 'due.left', n: daysLeft }
}

/** Masks a resident ID or phone as the server does, for numbers typed in the browser. */
export function mask(value: string): string {
  if (/^\d{17}[\dXx]$/.test(value)) return value.slice(0, 6) + '********' + value.slice(14)
  if (/^1\d{10}$/.test(value)) return value.slice(0, 3) + '****' + value.slice(7)
  return value
}
