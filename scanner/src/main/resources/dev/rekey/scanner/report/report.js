// Filters, sorting, copy buttons and keyboard moves for the findings table. The page is complete
// without it (the table is static HTML); it reads only the page's own data-* attributes and never
// writes markup (no innerHTML), so text from the scanned repository stays text.
(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  var form = document.getElementById('filters');
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var status = document.getElementById('filter-status');
  var empty = document.getElementById('no-match');
  var articles = {};
  document.querySelectorAll('article.finding').forEach(function (a) { articles[a.id] = a; });
  form.hidden = false;

  function checked(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (i) { set[i.value] = true; });
    return set;
  }

  function apply() {
    var severity = checked('severity'), exposure = checked('exposure');
    var provider = form.elements.provider.value;
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var match = severity[d.severity] === true && exposure[d.exposure] === true &&
        (provider === '' || d.provider === provider);
      row.hidden = !match;
      var article = articles['f-' + row.id.slice(4)];
      if (article) { article.hidden = !match; }
      if (match) { shown++; }
    });
    status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings';
    empty.hidden = shown > 0;
  }

  form.addEventListener('change', apply);
  // The browser resets the controls only after the reset event: do it here, so that the rows
  // follow at once (a deferred apply left a moment where they did not match the controls).
  form.addEventListener('reset', function (e) {
    e.preventDefault();
    form.querySelectorAll('input').forEach(function (i) { i.checked = i.defaultChecked; });
    form.elements.provider.value = '';
    apply();
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });

  function key(cell) {
    return cell.dataset.key === undefined ? cell.textContent : cell.dataset.key;
  }

  function sortBy(th, type) {
    var index = th.cellIndex;
    var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      if (c.hasAttribute('data-sort')) { c.setAttribute('aria-sort', 'none'); }
    });
    th.setAttribute('aria-sort', direction);
    var sign = direction === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var order = type === 'num' ? Number(x) - Number(y) : x.localeCompare(y);
      return sign * order || Number(a.dataset.rank) - Number(b.dataset.rank);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var type = th.getAttribute('data-sort');
    if (!type) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    button.title = 'Sort by ' + th.textContent.toLowerCase();
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(th, type); });
  });

  function copied(button, ok) {
    button.textContent = ok ? 'Copied' : 'Select and copy';
    window.setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }

  document.querySelectorAll('button.copy').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var code = button.previousElementSibling;
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(
          function () { copied(button, true); }, function () { copied(button, false); });
      } else {
        copied(button, false);
      }
    });
  });

  // j / k: next / previous finding; / : the filters. Not while typing in a control.
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) { return; }
    if (e.key === '/') {
      e.preventDefault();
      form.querySelector('input, select').focus();
      return;
    }
    if (e.key !== 'j' && e.key !== 'k') { return; }
    var visible = rows.filter(function (r) { return !r.hidden; });
    if (visible.length === 0) { return; }
    var active = document.activeElement;
    var current = active ? visible.indexOf(active.closest('tr')) : -1;
    var next = current < 0 ? 0 : current + (e.key === 'j' ? 1 : -1);
    next = Math.max(0, Math.min(visible.length - 1, next));
    visible[next].querySelector('a').focus();
    e.preventDefault();
  });

  apply();
}());
