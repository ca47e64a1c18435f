import { defineStore } from 'pinia'
import { request, get } from '@/api/http'
import type { Session } from '@/api/types'

const ANONYMOUS: Session = {
  authenticated: false,
  username: null,
  displayName: null,
  agencyCode: null,
  agencyName: null,
  roles: [],
  loginUrl: null,
}

/** Who is signed in. The session itself is a server cookie; nothing secret is kept here. */
export const useSession = defineStore('session', {
  // loginUrl: the identity provider's sign-in (keycloak mode), kept when a session ends
  state: () => ({ user: ANONYMOUS as Session, loaded: false, expired: false, loginUrl: null as string | null }),
  getters: {
    authenticated: (state) => state.user.authenticated,
    has: (state) => (...roles: string[]) => roles.some((role) => state.user.roles.includes(role)),
  },
  actions: {
    async load() {
      this.user = await get<Session>('/api/session')
      this.loginUrl = this.user.loginUrl ?? null
      this.loaded = true
      return this.user
    },
    async login(username: string, password: string) {
      this.user = await request<Session>('/api/session', { method: 'POST', body: { username, password } })
      this.expired = false
      // the session id changed; fetch the CSRF token that goes with it
      await get<Session>('/api/session')
      return this.user
    },
    /** Ends the session; answers where to end the identity provider's session too, if anywhere. */
    async logout(): Promise<string | null> {
      try {
        const answer = await request<{ logoutUrl: string | null }>('/api/session', { method: 'DELETE' })
        return answer?.logoutUrl ?? null
      } finally {
        this.user = ANONYMOUS
      }
    },
    markExpired() {
      if (this.user.authenticated) this.expired = true
      this.user = ANONYMOUS
    },
  },
})
