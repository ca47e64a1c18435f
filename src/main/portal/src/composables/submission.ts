import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { ProblemError } from '@/api/http'

/**
 * Sending a start form: confirm first, then either the success message and the inbox, or
 * the server's messages on the fields they name (and its summary above the button).
 */
export function useSubmission() {
  const { t } = useI18n()
  const router = useRouter()
  const errors = ref<Record<string, string>>({})
  const summary = ref('')
  const busy = ref(false)

  async function submit<T>(title: string, question: string, send: () => Promise<T>, done: (result: T) => string) {
    try {
      await ElMessageBox.confirm(question, title, {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    errors.value = {}
    summary.value = ''
    busy.value = true
    try {
      ElMessage.success(done(await send()))
      router.push({ name: 'inbox' })
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e
      summary.value = e.detail || e.title
      errors.value = Object.fromEntries(e.fields.map((f) => [f.field, f.message]))
    } finally {
      busy.value = false
    }
  }

  return { errors, summary, busy, submit }
}
