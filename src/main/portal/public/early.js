// Asks the server for the session, and on the inbox for its first page of tasks, while the
// application's code is still on its way; the API client takes these answers (once each)
// instead of asking again. A plain script, so it runs before the modules arrive.
;(function () {
  var language = localStorage.getItem('portal.language') === 'en' ? 'en' : 'zh-CN'
  var headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    'X-Requested-With': 'XMLHttpRequest',
  }
  var early = {}
  function ask(url) {
    early[url] = fetch(url, { credentials: 'same-origin', headers: headers })
  }
  ask('/api/session')
  // the same URL the inbox asks for on its first page with no filter
  if (location.pathname === '/' || location.pathname === '/inbox') ask('/api/tasks?page=0&size=50')
  window.__early = early
})()
