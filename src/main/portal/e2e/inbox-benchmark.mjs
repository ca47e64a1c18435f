// Inbox budget (issue #8): with N open tasks (default 1,000) in one user's inbox, how long
// the inbox takes to show its first page of rows, and how much JavaScript the first load
// transfers. Run against a running application on embedded defaults:
//   ./mvnw spring-boot:run            (another terminal)
//   cd src/main/portal && node e2e/inbox-benchmark.mjs [tasks]
// It files the determinations it needs through the API as police.laoshan (each waits for
// legal.laoshan's review), then measures in Debian's Chromium as legal.laoshan.
import { BASE, PASSWORD, accountNumber, as, close, launch, residentId, today } from './support.mjs'

const WANTED = Number(process.argv[2] ?? 1000)
const RUNS = 21
const basic = (user) => 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64')

async function openTasks() {
  const response = await fetch(`${BASE}/api/tasks?size=1`, { headers: { Authorization: basic('legal.laoshan') } })
  return (await response.json()).total
}

async function file(i) {
  const response = await fetch(`${BASE}/api/discipline-cases`, {
    method: 'POST',
    headers: { Authorization: basic('police.laoshan'), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      subject: { name: `基准${i}`, idNumber: residentId() },
      category: 'POLICE_DETERMINED',
      basis: { documentNumber: `青公(反诈)认字〔2026〕第${i}号`, decidedOn: today(), lastActOn: today(), summary: '出租银行卡供诈骗团伙使用' },
      instruments: [{ type: 'BANK_ACCOUNT', identifier: accountNumber(), institutionCode: 'ICBC-QD' }],
    }),
  })
  if (response.status !== 201) throw new Error(`filing answered ${response.status}: ${await response.text()}`)
}

const missing = WANTED - (await openTasks())
if (missing > 0) {
  console.log(`filing ${missing} determinations…`)
  for (let i = 0; i < missing; i += 4) {
    await Promise.all([0, 1, 2, 3].filter((k) => i + k < missing).map((k) => file(i + k)))
  }
}
console.log(`legal.laoshan has ${await openTasks()} open tasks`)

await launch()
const times = []
const tasksAnswered = []
let javascript = 0
let cold = 0
await as('legal.laoshan', async (page) => {
  for (let run = 0; run < RUNS; run++) {
    const started = Date.now()
    await page.goto(`${BASE}/inbox`, { waitUntil: 'commit' })
    await page.locator('[data-test=inbox] tbody tr').nth(49).waitFor()
    const elapsed = Date.now() - started
    tasksAnswered.push(
      await page.evaluate(() =>
        Math.round(
          performance.getEntriesByType('resource').find((e) => e.name.includes('/api/tasks'))?.responseEnd ?? 0,
        ),
      ),
    )
    if (run > 0) times.push(elapsed)
    if (run === 0) {
      cold = elapsed
      javascript = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + e.encodedBodySize, 0),
      )
    }
  }
})
await close()
times.sort((a, b) => a - b)
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]
tasksAnswered.sort((a, b) => a - b)
console.log(`inbox, first page of 50 rows with ${WANTED} open tasks; each load a full page load:`)
console.log(`  first load (empty browser cache): ${cold} ms`)
console.log(`  next ${times.length} loads: p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${times[times.length - 1]} ms   (budget 1000 ms)`)
console.log(`  of which /api/tasks answered (median, from navigation start): ${tasksAnswered[tasksAnswered.length >> 1]} ms`)
console.log(`  JavaScript transferred for the inbox: ${(javascript / 1024).toFixed(1)} KB (gzipped on the wire)`)
