import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import DueChip from '@/components/DueChip.vue'

const chip = (props: InstanceType<typeof DueChip>['$props']) => mount(DueChip, { props, global: { plugins: [i18n] } })

describe('DueChip', () => {
  it('shows the due day in Chinese with working days left, coloured', () => {
    const wrapper = chip({ due: '2026-11-27', status: 'YELLOW', daysLeft: 2 })
    expect(wrapper.text()).toContain('2026年11月27日')
    expect(wrapper.text()).toContain('剩 2 个工作日')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--warning')
  })

  it('says how late an overdue task is', () => {
    expect(chip({ due: '2026-11-20', status: 'RED', daysLeft: -3 }).text()).toContain('已逾期 3 个工作日')
  })

  it('says when there is no deadline', () => {
    expect(chip({ due: null, status: null, daysLeft: null }).text()).toBe('无期限')
  })
})
