import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
// what ElMessage and ElMessageBox need, as they are called from code, not templates
import 'element-plus/theme-chalk/el-overlay.css'
import 'element-plus/theme-chalk/el-button.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { ElMessage } from 'element-plus'
import { onSessionExpired, ProblemError } from './api/http'
import { useSession } from './stores/session'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(router).use(i18n)

// a 401 anywhere: the session expired; back to the login, then back to this page
onSessionExpired(() => {
  const session = useSession(pinia)
  session.markExpired()
  const current = router.currentRoute.value
  if (current.name !== 'login') router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
})

// an API error no page handled: a 401 is already on its way to the login; anything else
// is told to the user in the server's words rather than lost in the console
function unhandled(error: unknown) {
  if (error instanceof ProblemError) {
    if (error.status !== 401) ElMessage.error(error.detail || error.title || String(error.status))
    return true
  }
  return false
}
app.config.errorHandler = (error) => {
  if (!unhandled(error)) console.error(error)
}
window.addEventListener('unhandledrejection', (event) => {
  if (unhandled(event.reason)) event.preventDefault()
})

app.mount('#app')
