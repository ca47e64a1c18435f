import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'
import { setLanguage } from '@/api/http'

const STORED = 'portal.language'

export type Language = 'zh-CN' | 'en'

// The language choice is a preference, not a credential: it may live in the browser.
const initial: Language = (localStorage.getItem(STORED) as Language) === 'en' ? 'en' : 'zh-CN'
setLanguage(initial)

export const i18n = createI18n({
  legacy: false,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

export function switchLanguage(language: Language) {
  i18n.global.locale.value = language
  localStorage.setItem(STORED, language)
  setLanguage(language)
  document.documentElement.lang = language
}
