// Helpers for the end-to-end run: Debian's Chromium through playwright-core, one browser
// context per user (their own session cookie), a screenshot of every page under target/.
import { chromium } from 'playwright-core'
import { mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const BASE = process.env.PORTAL_URL ?? 'http://localhost:8080'
export const PASSWORD = process.env.PORTAL_PASSWORD ?? 'Demo@2026'
const SHOTS = process.env.SCREENSHOTS ?? fileURLToPath(new URL('../../../../target/e2e-screenshots/', import.meta.url))
// every run starts with an empty folder, so what is there is this run's
rmSync(SHOTS, { recursive: true, force: true })
mkdirSync(SHOTS, { recursive: true })

let browser
export async function launch() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return browser
}

export async function close() {
  await browser?.close()
}

let shot = 0
/** Controls without an accessible name, by page, found while taking screenshots. */
export const unnamed = []

export async function screenshot(page, name) {
  shot += 1
  await page.screenshot({ path: `${SHOTS}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true })
  if (!name.startsWith('FAILED')) {
    for (const control of await unlabelled(page)) unnamed.push(`${name}: ${control}`)
  }
}

/**
 * The visible controls of the page that have no accessible name (no label, aria-label,
 * labelledby, title or text): what a screen reader would read as just "edit" or "button".
 */
export function unlabelled(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').trim()
    const named = (el) =>
      (el.getAttribute('aria-label') ?? '').trim() ||
      (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .some((id) => text(document.getElementById(id))) ||
      (el.id && text(document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) ||
      text(el.closest('label')) ||
      (el.getAttribute('title') ?? '').trim() ||
      (el.getAttribute('placeholder') ?? '').trim() ||
      (['BUTTON', 'A'].includes(el.tagName) && (text(el) || el.querySelector('img[alt]')))
    return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !named(el))
      .map((el) => el.outerHTML.slice(0, 160))
  })
}

/** Signs a user in through the login page and hands their page to the step. */
export async function as(username, step, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`))
  page.on('console', (m) => m.type() === 'error' && console.error(`[${username}] console: ${m.text()}`))
  try {
    await page.goto(`${BASE}/inbox`)
    await page.waitForURL(/\/login/)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(PASSWORD)
    await page.locator('[data-test=login]').click()
    await page.waitForURL(/\/inbox/)
    await page.getByText('待办', { exact: true }).first().waitFor()
    return await step(page)
  } catch (error) {
    await screenshot(page, `FAILED-${username}`).catch(() => {})
    throw error
  } finally {
    await context.close()
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`)
}

/** Confirms Element Plus's message box. */
export async function confirm(page) {
  // Element Plus reuses the box and leaves it aria-hidden after the first use: find it by CSS
  await page.locator('.el-message-box:visible .el-message-box__btns .el-button--primary').click()
  // the overlay fades out; a click before it is gone lands on it
  await page.locator('.el-overlay-message-box:visible').waitFor({ state: 'detached' }).catch(() => {})
  await page.locator('.el-overlay:visible').first().waitFor({ state: 'hidden' })
}

/** Follows a link of the top navigation (a task may carry the same name in the inbox). */
export async function nav(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
}

/** Loads a page again, as a user presses refresh, until the locator shows (about a minute). */
export async function reloadUntil(page, path, locator) {
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${BASE}${path}`)
    try {
      await locator.waitFor({ timeout: 3_000 })
      return
    } catch (error) {
      if (attempt >= 20) throw error
    }
  }
}

/** Opens the caller's task on a case from the inbox, as a user would. */
export async function openTask(page, caseId, taskName) {
  const row = page.locator('[data-test=inbox] tr', { hasText: caseId }).filter({ hasText: taskName })
  // work that the engine starts in the background (execution orders) may take a moment
  await reloadUntil(page, '/inbox', row.first())
  await row.first().getByRole('link', { name: taskName }).click()
  await page.waitForURL(/\/tasks\//)
  await page.locator('.fjs-container').waitFor()
}

/** A resident ID with a valid check digit (GB 11643), different on every run. */
export function residentId() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const codes = '10X98765432'
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const body = `37021219900${1 + Math.floor(Math.random() * 9)}${day}${sequence}`
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0)
  return body + codes[sum % 11]
}

/** Today in Asia/Shanghai, as yyyy-mm-dd. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

/**
 * A moment an hour ago in Asia/Shanghai, as yyyy-mm-dd HH:mm:ss: a time that has passed at any hour
 * of the day (today at 09:30 is still to come in the night, and the server refuses it).
 */
export function anHourAgo() {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() - 3_600_000))
}

/** An account number that passes the Luhn check, different on every run. */
export function accountNumber(prefix = '62220202') {
  let body = prefix
  while (body.length < 18) body += Math.floor(Math.random() * 10)
  const sum = [...body].reverse().reduce((acc, ch, i) => {
    let d = Number(ch)
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    return acc + d
  }, 0)
  return body + ((10 - (sum % 10)) % 10)
}

/**
 * Fills a form-js form by its labels: text and text areas, radio and select options by
 * their Chinese label, dates as yyyy-mm-dd, checkboxes by true.
 */
export async function fillForm(page, values) {
  for (const [label, value] of Object.entries(values)) {
    const field = page.locator('.fjs-form-field', { has: page.locator('label', { hasText: label }) }).first()
    const kind = (await field.getAttribute('class')) ?? ''
    if (kind.includes('fjs-form-field-radio')) {
      await field.locator('label', { hasText: value }).click()
    } else if (kind.includes('fjs-form-field-select')) {
      await field.click()
      await page.locator('.fjs-dropdownlist-item', { hasText: value }).click()
    } else if (kind.includes('fjs-form-field-checkbox')) {
      if (value) await field.locator('input').check()
    } else {
      const input = field.locator('textarea, input').first()
      await input.fill(value)
      await input.press(kind.includes('fjs-form-field-datetime') ? 'Enter' : 'Tab')
    }
  }
}

/** Completes the open task with its single submit button. */
export async function submitTask(page) {
  await page.locator('[data-test=complete]').click()
  await confirm(page)
  await page.waitForURL(/\/inbox/)
}

/** Decides the open task with one of its decision buttons. */
export async function decide(page, decision) {
  await page.locator(`[data-test=decision-${decision}]`).click()
  await confirm(page)
  await page.waitForURL(/\/inbox/)
}
