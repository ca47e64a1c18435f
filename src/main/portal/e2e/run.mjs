// End to end, in Chinese, through the portal only: a determination filed by police.laoshan,
// reviewed by legal.laoshan, approved by leader.city, the notice served, an execution order
// answered by bank.icbc (a NOT_APPLIED without reason refused on the field), the deadlines
// seen and urged by supervisor.city, and a search. Screenshots go to target/e2e-screenshots.
import {
  accountNumber,
  anHourAgo,
  as,
  BASE,
  close,
  confirm,
  decide,
  expect,
  fillForm,
  launch,
  nav,
  openTask,
  PASSWORD,
  reloadUntil,
  residentId,
  screenshot,
  submitTask,
  today,
  unnamed,
} from './support.mjs'

const SUBJECT = `端到端${Math.random().toString(36).slice(2, 6)}`
const ID = residentId()
const ACCOUNT = accountNumber()
let caseId

await launch()
try {
  // 1. police: a wrong check digit is refused on the field, then the determination is filed
  await as('police.laoshan', async (page) => {
    await screenshot(page, 'inbox-police')
    await nav(page, '录入惩戒认定')
    await page.getByLabel('姓名').fill(SUBJECT)
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1')
    await page.getByLabel('公民身份号码').fill(wrong)
    await page.getByLabel('认定文书文号').fill(`青公(反诈)认字〔2026〕第${ID.slice(-4)}号`)
    await page.getByLabel('认定日期').fill(today())
    await page.getByLabel('认定日期').press('Enter')
    await page.getByLabel('最后违法行为日期').fill(today())
    await page.getByLabel('最后违法行为日期').press('Enter')
    await page.getByLabel('出租出借买卖次数').fill('5')
    await page.getByLabel('认定事实').fill(`${SUBJECT}出租出借银行卡三张供诈骗团伙使用，收购两卡转卖获利`)
    await page.getByLabel('账号/卡号/号码').fill(ACCOUNT)
    await page.getByRole('combobox', { name: '开户机构/运营商' }).click()
    await page.locator('.el-select-dropdown__item', { hasText: '工商银行' }).first().click()
    await page.locator('[data-test=file]').click()
    await confirm(page)
    const idError = page.locator('.el-form-item', { hasText: '公民身份号码' }).locator('.el-form-item__error')
    await idError.waitFor()
    await screenshot(page, 'start-discipline-bad-id')
    await page.getByLabel('公民身份号码').fill(ID)
    const filed = page.waitForResponse((r) => r.url().endsWith('/api/discipline-cases') && r.request().method() === 'POST')
    await page.locator('[data-test=file]').click()
    await confirm(page)
    const response = await filed
    expect(response.status() === 201, `filing answered ${response.status()}`)
    caseId = (await response.json()).id
    await page.waitForURL(/\/inbox/)
  })
  console.log(`filed ${caseId}`)

  // 2. legal review and 3. city approval, with the decision buttons
  for (const [user, taskName] of [
    ['legal.laoshan', '审核认定材料'],
    ['leader.city', '审批惩戒认定'],
  ]) {
    await as(user, async (page) => {
      await openTask(page, caseId, taskName)
      if (user === 'leader.city') {
        // the city approves another agency's case: the ID is masked beside the task and
        // revealed on request (audited)
        await page.locator('[data-test=reveal]').click()
        const revealed = await page.locator('[data-test=revealed]').innerText()
        expect(revealed.includes(ID), `the full ID is revealed: ${revealed}`)
      }
      await screenshot(page, `task-${user}`)
      await decide(page, 'APPROVE')
    })
  }

  // 4. police serve the notice (a form-js date and select)
  await as('police.laoshan', async (page) => {
    await openTask(page, caseId, '送达')
    await fillForm(page, { 送达日期: today(), 送达方式: '直接送达' })
    await screenshot(page, 'task-serve-notice')
    await submitTask(page)
  })

  // 5. the bank: NOT_APPLIED without a reason is refused on the reason field; then answered
  await as('bank.icbc', async (page) => {
    await openTask(page, caseId, '反馈协助执行结果')
    // the transfer dialog offers the bank's own colleagues, by name and role
    await page.locator('[data-test=transfer]').click()
    await page.locator('[data-test=transfer-target]').click()
    const colleague = page.locator('.el-select-dropdown__item:visible', { hasText: 'bank.icbc2' })
    await colleague.waitFor()
    expect((await colleague.innerText()).includes('银行反诈岗'), 'the colleague shows their role')
    expect((await page.locator('.el-select-dropdown__item:visible', { hasText: 'bank.qdb' }).count()) === 0, 'no other bank')
    await screenshot(page, 'task-transfer')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await page.locator('.fjs-form-field-radio label', { hasText: '未执行' }).click()
    await page.locator('[data-test=complete]').click()
    await confirm(page)
    const reasonError = page.locator('.fjs-form-field', { hasText: '未执行理由' }).locator('.fjs-form-field-error')
    await reasonError.waitFor()
    expect((await reasonError.innerText()).trim().length > 0, 'the reason field names the problem')
    await screenshot(page, 'task-bank-reason-refused')
    const reason = page.locator('.fjs-form-field', { hasText: '未执行理由' }).locator('textarea')
    await reason.fill('该账户已被司法机关冻结，本行无法另行采取限制措施')
    // leaving the field clears its message and moves the buttons up; click after that
    await reason.press('Tab')
    await reasonError.waitFor({ state: 'detached' })
    await page.locator('[data-test=complete]').click()
    await confirm(page)
    await page.waitForURL(/\/inbox/)
  })

  // 6. leadership: the dashboard, the deadlines, an urge
  await as('supervisor.city', async (page) => {
    await nav(page, '督办看板')
    await page.locator('[data-test=open-deadlines] tbody tr').first().waitFor()
    await screenshot(page, 'supervision')
    await page.locator('[data-test=open-deadlines] [data-test=urge]').first().click()
    await page.locator('.el-message-box input').fill('请于今日内反馈执行结果')
    await confirm(page)
    await page.getByText('已催办').first().waitFor()
  })

  // 7. search: a phrase from the facts finds the case, highlighted
  await as('police.laoshan', async (page) => {
    await nav(page, '检索')
    await page.locator('form[role=search] input').fill(`收购两卡 ${SUBJECT}`)
    await page.locator('form[role=search] input').press('Enter')
    const hit = page.locator('[data-test=search-hit]', { hasText: SUBJECT })
    await hit.first().waitFor()
    const marks = await hit.first().locator('.snippet em').allInnerTexts()
    expect(marks.includes('收购两卡'), `the phrase is marked: ${marks}`)
    await screenshot(page, 'search')
  })

  // 8. a procurator's recommendation: clue, filing, consultation, draft, approval, issued
  let pilId
  await as('procurator.city', async (page) => {
    await nav(page, '登记公益诉讼线索')
    await page.getByRole('combobox', { name: '被监督的行政机关或单位' }).click()
    await page.locator('.el-select-dropdown__item', { hasText: '金融监督管理' }).first().click()
    await page.getByLabel('国家利益或社会公共利益受到侵害的事实').fill(`${SUBJECT}案暴露辖区银行对涉诈账户监测不力`)
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/pil-cases') && r.request().method() === 'POST')
    await page.locator('[data-test=register]').click()
    await confirm(page)
    pilId = (await (await registered).json()).id
    await page.waitForURL(/\/inbox/)
  })
  await as('procurator.chief', async (page) => {
    await openTask(page, pilId, '决定是否立案')
    await decide(page, 'APPROVE')
  })
  await as('procurator.city', async (page) => {
    await openTask(page, pilId, '送达立案决定书')
    await fillForm(page, { 送达日期: today(), 送达方式: '直接送达' })
    await submitTask(page)
  })
  await as('regulator.nfra', async (page) => {
    await openTask(page, pilId, '参加诉前磋商并说明情况')
    await fillForm(page, { 对事实的意见: '部分认可', 情况说明: '已组织辖内银行开展排查', 整改计划: '两个月内完成整改' })
    await submitTask(page)
  })
  await as('procurator.city', async (page) => {
    await openTask(page, pilId, '记录磋商情况')
    await fillForm(page, { 磋商纪要: '双方确认了部分事实', 行政机关是否已全面履职: '未全面履职' })
    await submitTask(page)
    await openTask(page, pilId, '拟制检察建议书')
    await fillForm(page, {
      案件来源: '市反诈联席办移送',
      '国家利益或社会公共利益受到侵害的事实': '群众被骗资金经涉案账户转移',
      未依法履职的事实: '未依法督促辖内机构落实账户风险管控',
      法律依据: '《中华人民共和国反电信网络诈骗法》第十五条、第十八条',
      建议内容: '督促辖内银行落实涉诈账户分级管控',
    })
    await screenshot(page, 'task-draft-recommendation')
    await submitTask(page)
  })
  await as('procurator.chief', async (page) => {
    await openTask(page, pilId, '审批检察建议书')
    await decide(page, 'APPROVE')
  })
  await as('procurator.city', async (page) => {
    // the procurator serves it; the organ's two-month reply deadline starts
    await openTask(page, pilId, '送达检察建议书')
    await fillForm(page, { 送达日期: today(), 送达方式: '书面送达' })
    await submitTask(page)
    const number = page.locator('[data-test=recommendation]', { hasText: '回复期限' })
    await reloadUntil(page, `/cases/pil/${pilId}`, number)
    expect(/青检公建〔\d{4}〕\d+号/.test(await number.innerText()), 'the recommendation carries its number')
    await screenshot(page, 'case-pil')
  })

  // 9. a batch with a bad row: nothing imported, the row and column named
  await as('police.laoshan', async (page) => {
    await nav(page, '批量导入')
    const good = residentId()
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
    const row = (id, n) =>
      `批量${n},${id},,公安认定,青公(反诈)认字〔2026〕第${n}号,${today()},${today()},出租银行卡供诈骗团伙使用,银行账户,${accountNumber()},ICBC-QD,3`
    const csv = [
      '姓名,公民身份号码,手机号码,惩戒类别,认定文书文号,认定日期,最后违法行为日期,认定事实,工具类型,工具号码,所属机构代码,出租出借次数',
      row(residentId(), 1),
      row(bad, 2),
    ].join('\n')
    await page.locator('.el-upload input[type=file]').setInputFiles({
      name: '认定名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    const error = page.locator('[data-test=intake-errors] tbody tr').first()
    await error.waitFor()
    const text = await error.innerText()
    expect(text.includes('3') && text.includes('公民身份号码'), `row 3's ID named: ${text}`)
    await screenshot(page, 'intake-errors')
  })

  // 10. the police send a stop-payment; the joint office orders a rectification
  await as('police.laoshan', async (page) => {
    await nav(page, '紧急止付')
    await page.getByRole('combobox', { name: '开户机构' }).click()
    await page.locator('.el-select-dropdown__item', { hasText: '工商银行' }).first().click()
    await page.getByLabel('账号').fill(accountNumber())
    await page.getByLabel('户名').fill('李某某')
    await page.getByLabel('止付金额（元）').fill('52000')
    await page.getByLabel('被骗转账时间').fill(anHourAgo())
    await page.getByLabel('被骗转账时间').press('Enter')
    await page.getByLabel('受害人报案编号').fill(`青公反诈警${ID.slice(-6)}`)
    await screenshot(page, 'start-stop-payment')
    const [sent] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/stop-payments') && r.request().method() === 'POST'),
      page.locator('[data-test=stop]').click().then(() => confirm(page)),
    ])
    expect(sent.status() === 201, `the stop-payment is sent: ${await sent.text()}`)
    await page.waitForURL(/\/inbox/)
  })
  await as('office.city', async (page) => {
    await nav(page, '下发整改通知')
    await page.getByRole('combobox', { name: '整改单位' }).click()
    await page.locator('.el-select-dropdown__item', { hasText: '青岛银行' }).first().click()
    await page.getByLabel('存在的问题').fill('涉诈账户开户审核流于形式')
    await page.getByLabel('整改要求').fill('全面排查存量账户，落实分级管控')
    await screenshot(page, 'start-rectification')
    const [issued] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/rectifications') && r.request().method() === 'POST'),
      page.locator('[data-test=issue]').click().then(() => confirm(page)),
    ])
    expect(issued.status() === 201, `the rectification order is issued: ${await issued.text()}`)
    await page.waitForURL(/\/inbox/)
  })

  await as('office.city', async (page) => {
    await nav(page, '安排约谈')
    await page.getByRole('combobox', { name: '被约谈单位' }).click()
    await page.locator('.el-select-dropdown__item', { hasText: '青岛银行' }).first().click()
    await page.getByLabel('被约谈单位负责人').fill('张行长')
    // a weekday at least a week ahead: the notice must arrive three working days before
    const day = new Date(Date.now() + 8 * 86_400_000)
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1)
    await page.getByLabel('约谈时间').fill(`${day.toISOString().slice(0, 10)} 10:00:00`)
    await page.getByLabel('约谈时间').press('Enter')
    await page.getByLabel('约谈地点').fill('市反诈联席办第一会议室')
    await page.getByLabel('约谈人员').fill('王主任，李科长')
    await page.getByLabel('约谈事由').fill('辖内网点涉诈账户开户审核流于形式，整改未到位')
    await screenshot(page, 'start-interview')
    const [scheduled] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/interviews') && r.request().method() === 'POST'),
      page.locator('[data-test=schedule]').click().then(() => confirm(page)),
    ])
    expect(scheduled.status() === 201, `the interview is scheduled: ${await scheduled.text()}`)
    await page.waitForURL(/\/inbox/)
  })

  // 11. the other pages: calendar (ADMIN), case list and detail, notifications, English, a tablet
  await as('admin', async (page) => {
    await nav(page, '工作日历')
    await page.getByText('国庆节').first().waitFor()
    await screenshot(page, 'calendar')
  })
  await as('supervisor.city', async (page) => {
    await nav(page, '案件')
    await page.locator('[data-test=cases] tbody tr').first().waitFor()
    await screenshot(page, 'cases')
    await page.goto(`${BASE}/cases/discipline/${caseId}`)
    await page.locator('[data-test=documents] li').first().waitFor()
    await screenshot(page, 'case-discipline')
    await page.getByRole('link', { name: '消息', exact: true }).click()
    await page.getByRole('heading', { name: '消息' }).waitFor()
    await screenshot(page, 'notifications')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).waitFor()
    await screenshot(page, 'english')
  })
  // 12. a session that ends (signed out elsewhere, or expired): the next step asks for the
  // password with a message and goes back to where the user was
  await as('legal.laoshan', async (page) => {
    await nav(page, '案件')
    await page.locator('[data-test=cases] tbody tr').first().waitFor()
    await page.context().clearCookies()
    await nav(page, '待办')
    await page.waitForURL(/\/login/)
    await page.getByText('会话已过期').first().waitFor()
    await screenshot(page, 'session-expired')
    await page.getByLabel('用户名').fill('legal.laoshan')
    await page.getByLabel('密码').fill(PASSWORD)
    await page.locator('[data-test=login]').click()
    await page.waitForURL(/\/inbox/)
    await page.locator('[data-test=inbox]').waitFor()
  })
  await as(
    'bank.icbc',
    async (page) => {
      await page.locator('[data-test=inbox]').waitFor()
      await screenshot(page, 'inbox-tablet')
    },
    { width: 820, height: 1180 },
  )
} finally {
  await close()
}
// every control on every page screenshotted has a name a screen reader can say
expect(unnamed.length === 0, `controls without an accessible name:\n${unnamed.join('\n')}`)
console.log(`end-to-end run passed against ${BASE}`)
