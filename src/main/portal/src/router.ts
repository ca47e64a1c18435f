import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/stores/session'
import { useInbox } from '@/stores/inbox'

const inboxPage = () => import('@/views/InboxView.vue')

// Every page is its own chunk: the first load carries only the shell and the login.
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/inbox' },
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true } },
  { path: '/inbox', name: 'inbox', component: inboxPage },
  { path: '/tasks/:id', name: 'task', component: () => import('@/views/TaskView.vue'), props: true },
  {
    path: '/start/discipline',
    name: 'start-discipline',
    component: () => import('@/views/StartDisciplineView.vue'),
    meta: { roles: ['POLICE_OFFICER'] },
  },
  {
    path: '/start/pil',
    name: 'start-pil',
    component: () => import('@/views/StartPilView.vue'),
    meta: { roles: ['PROCURATOR'] },
  },
  {
    path: '/start/rectification',
    name: 'start-rectification',
    component: () => import('@/views/StartRectificationView.vue'),
    meta: { roles: ['JOINT_OFFICE', 'REGULATOR_OFFICER'] },
  },
  {
    path: '/start/interview',
    name: 'start-interview',
    component: () => import('@/views/StartInterviewView.vue'),
    meta: { roles: ['JOINT_OFFICE'] },
  },
  {
    path: '/start/stop-payment',
    name: 'start-stop-payment',
    component: () => import('@/views/StartStopPaymentView.vue'),
    meta: { roles: ['POLICE_OFFICER'] },
  },
  {
    path: '/start/intake',
    name: 'intake',
    component: () => import('@/views/IntakeView.vue'),
    meta: { roles: ['POLICE_OFFICER', 'BANK_OFFICER', 'TELECOM_OFFICER'] },
  },
  { path: '/cases/:kind', name: 'cases', component: () => import('@/views/CasesView.vue'), props: true },
  {
    path: '/cases/:kind/:id',
    name: 'case',
    component: () => import('@/views/CaseView.vue'),
    props: true,
  },
  { path: '/search', name: 'search', component: () => import('@/views/SearchView.vue') },
  {
    path: '/supervision',
    name: 'supervision',
    component: () => import('@/views/SupervisionView.vue'),
    meta: { roles: ['SUPERVISOR', 'JOINT_OFFICE'] },
  },
  {
    path: '/admin/calendar',
    name: 'calendar',
    component: () => import('@/views/CalendarAdminView.vue'),
    meta: { roles: ['ADMIN'] },
  },
  { path: '/notifications', name: 'notifications', component: () => import('@/views/NotificationsView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/inbox' },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.loaded) {
    // the first page most people open is the inbox: fetch its code while the session is asked
    if (to.name === 'inbox') inboxPage()
    try {
      await session.load()
    } catch {
      // the server is unreachable: the login page says so when it is tried
    }
  }
  // and its tasks, while the page's code is still arriving
  if (to.name === 'inbox' && session.authenticated) useInbox().load()
  if (to.meta.public) return true
  if (!session.authenticated) return { name: 'login', query: { redirect: to.fullPath } }
  const roles = to.meta.roles as string[] | undefined
  if (roles && !session.has(...roles)) return { name: 'inbox' }
  return true
})
