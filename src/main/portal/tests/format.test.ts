import { describe, expect, it } from 'vitest'
import { chineseDate, chineseDateTime, dueTagType, dueWording, mask } from '@/format'

describe('format', () => {
  it('writes a calendar day the Chinese way without shifting it through a time zone', () => {
    expect(chineseDate('2026-11-24')).toBe('2026年11月24日')
    expect(chineseDate('2026-01-05', 'en')).toBe('2026-01-05')
  })

  it('shows instants in Asia/Shanghai whatever the browser zone', () => {
    // 16:30 UTC is half past midnight the next day in Shanghai
    expect(chineseDateTime('2026-11-24T16:30:00Z')).toBe('2026年11月25日 00:30')
  })

  it('words working days left, due today and overdue', () => {
    expect(dueWording(3)).toEqual({ key: 'due.left', n: 3 })
    expect(dueWording(0)).toEqual({ key: 'due.today', n: 0 })
    expect(dueWording(-2)).toEqual({ key: 'due.overdue', n: 2 })
    expect(dueWording(null).key).toBe('due.none')
  })

  it('colours the traffic light', () => {
    expect(dueTagType('RED')).toBe('danger')
    expect(dueTagType('YELLOW')).toBe('warning')
    expect(dueTagType('GREEN')).toBe('success')
    expect(dueTagType(null)).toBe('info')
  })

  it('masks resident IDs and mobiles as the server does', () => {
    expect(mask('370212199003151234')).toBe('370212********1234')
    expect(mask('13800138000')).toBe('138****8000')
    expect(mask('6222020200112233446')).toBe('6222020200112233446')
  })
})
