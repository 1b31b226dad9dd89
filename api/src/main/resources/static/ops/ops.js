// The ops page: signs an admin in with the api's own login, then polls /api/admin/ops/status.
// The access token lives in sessionStorage only (gone when the tab closes); every value is inserted as text.
(function () {
  const tokenKey = 'dt-ops-token';
  let timer = null;

  function cell(row, value, cls) {
    const td = row.insertCell();
    td.textContent = value === null || value === undefined ? '—' : String(value);
    if (cls) td.className = cls;
  }

  function rows(tbody, items, fill) {
    tbody.replaceChildren();
    items.forEach(item => fill(tbody.insertRow(), item));
  }

  function render(status) {
    document.getElementById('checked-at').textContent = status.checkedAt;
    const relay = status.relay;
    const table = document.getElementById('relay');
    table.replaceChildren();
    [['lock held by', relay.lockHeldBy || 'nobody: no relay is active', relay.lockHeldBy ? 'ok' : 'bad'],
     ['relay mode', relay.mode],
     relay.mode === 'polling'
       ? ['replication slot', relay.slotActive === null ? 'not used in polling mode'
           : relay.slot + ' is left over from Debezium mode and keeps WAL: drop it (docs/relay.md)', relay.slotActive === null ? null : 'bad']
       : ['replication slot', relay.slot + (relay.slotActive === null ? ' (not created yet)' : relay.slotActive ? ' (streaming)' : ' (idle)')],
     ['slot lag', relay.slotLagBytes === null ? null : relay.slotLagBytes + ' bytes of WAL'],
     ['WAL status', relay.walStatus, relay.walStatus === 'lost' ? 'bad' : null],
     ['outbox rows', relay.outboxRows],
     ['oldest outbox row', relay.oldestOutboxRow]].forEach(([name, value, cls]) => {
      const row = table.insertRow();
      cell(row, name);
      cell(row, value, cls);
    });
    document.getElementById('kafka-error').textContent = status.kafka.error ? 'Kafka: ' + status.kafka.error : '';
    rows(document.querySelector('#groups tbody'), status.kafka.consumerGroups, (row, group) => {
      cell(row, group.group);
      cell(row, group.state, group.state === 'STABLE' ? 'ok' : null);
      cell(row, group.members);
      cell(row, group.totalLag, group.totalLag > 0 ? 'bad' : 'ok');
      cell(row, group.topics.map(t => t.topic + ': ' + t.lag).join(', '));
    });
    rows(document.querySelector('#dead-letters tbody'), status.kafka.deadLetters, (row, dlt) => {
      cell(row, dlt.topic);
      cell(row, dlt.records, dlt.records > 0 ? 'bad' : 'ok');
    });
  }

  async function refresh() {
    const token = sessionStorage.getItem(tokenKey);
    if (!token) return show(false);
    const response = await fetch('/api/admin/ops/status', { headers: { Authorization: 'Bearer ' + token } });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(tokenKey);
      document.getElementById('sign-in-error').textContent = response.status === 403 ? 'Admins only.' : 'Signed out.';
      return show(false);
    }
    render(await response.json());
    show(true);
  }

  function show(signedIn) {
    document.getElementById('status').hidden = !signedIn;
    document.getElementById('sign-in').hidden = signedIn;
    clearInterval(timer);
    if (signedIn) timer = setInterval(refresh, 5000);
  }

  document.getElementById('sign-in').addEventListener('submit', async event => {
    event.preventDefault();
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: document.getElementById('email').value, password: document.getElementById('password').value })
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      document.getElementById('sign-in-error').textContent = problem.detail || problem.title || 'Sign-in failed.';
      return;
    }
    document.getElementById('password').value = '';
    document.getElementById('sign-in-error').textContent = '';
    sessionStorage.setItem(tokenKey, (await response.json()).accessToken);
    refresh();
  });

  document.getElementById('sign-out').addEventListener('click', event => {
    event.preventDefault();
    sessionStorage.removeItem(tokenKey);
    show(false);
  });

  refresh();
})();
