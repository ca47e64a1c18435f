import { defineStore } from 'pinia'
import { get } from '@/api/http'
import type { Page, Task } from '@/api/types'

/** Working days to the end of this week: a task due by Sunday counts as "due this week". */
function daysToSunday(today = new Date()): number {
  const day = today.getDay() // 0 = Sunday
  return day === 0 ? 0 : 7 - day
}

/** The caller's open tasks, most urgent first (the server sorts by priority, then due date). */
export const useInbox = defineStore('inbox', {
  state: () => ({
    tasks: [] as Task[],
    total: 0,
    totalCapped: false,
    page: 1,
    size: 50,
    loading: false,
    // the request under way, so the router's early load and the page's own are one
    pending: null as { key: string; promise: Promise<void> } | null,
    // the last answer's query and time, so a page opening right after the router's load
    // does not ask again
    loaded: null as { key: string; at: number } | null,
    filter: { process: '' as string, overdue: false, thisWeek: false },
  }),
  getters: {
    visible(state): Task[] {
      if (!state.filter.thisWeek) return state.tasks
      const limit = daysToSunday()
      return state.tasks.filter((task) => task.workingDaysLeft !== null && task.workingDaysLeft <= limit)
    },
    overdueCount: (state) => state.tasks.filter((task) => task.dueStatus === 'RED').length,
  },
  actions: {
    query() {
      return {
        process: this.filter.process,
        overdue: this.filter.overdue || undefined,
        page: this.page - 1,
        size: this.size,
      }
    },
    /** Loads the page unless the same page arrived within the last few seconds. */
    ensure(): Promise<void> {
      const key = JSON.stringify(this.query())
      if (this.loaded?.key === key && Date.now() - this.loaded.at < 5_000) return Promise.resolve()
      return this.load()
    },
    load(): Promise<void> {
      const query = this.query()
      const key = JSON.stringify(query)
      if (this.pending?.key === key) return this.pending.promise
      this.loading = true
      const promise = get<Page<Task>>('/api/tasks', query)
        .then((result) => {
          this.tasks = result.items
          this.total = result.total
          this.totalCapped = result.totalCapped === true
          this.loaded = { key, at: Date.now() }
        })
        .finally(() => {
          this.loading = false
          if (this.pending?.promise === promise) this.pending = null
        })
      this.pending = { key, promise }
      return promise
    },
  },
})
