// The first load's JavaScript budget (≤ 400 KB gzipped): the entry script and the chunks
// index.html preloads. Pages, form-js, bpmn-js and ECharts load later, when used.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const BUDGET = 400 * 1024
const dist = fileURLToPath(new URL('../../../../target/classes/static/', import.meta.url))
const html = readFileSync(`${dist}index.html`, 'utf8')
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
let total = 0
for (const file of scripts) {
  const size = gzipSync(readFileSync(dist + file), { level: 9 }).length
  total += size
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`)
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  initial JavaScript, gzipped (budget ${BUDGET / 1024} KB)`)
if (total > BUDGET) {
  console.error('over budget: load the new dependency lazily')
  process.exit(1)
}
