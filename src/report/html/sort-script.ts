import { createHash } from 'node:crypto';

/**
 * Sorts a `table.sortable` by the column whose header button is clicked, on each cell's
 * `data-value` (numbers when the header says `data-type="number"`); empty values stay last.
 * Plain ES5 in the page, no library: the report works offline.
 */
export const SORT_SCRIPT = `(function () {
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var value = row.cells[column].getAttribute('data-value') || '';
          return numeric ? (value === '' ? NaN : Number(value)) : value;
        };
        rows.sort(function (a, b) {
          var x = key(a);
          var y = key(b);
          if (numeric) {
            if (isNaN(x)) return isNaN(y) ? 0 : 1;
            if (isNaN(y)) return -1;
            return ascending ? x - y : y - x;
          }
          return ascending ? x.localeCompare(y) : y.localeCompare(x);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();`;

/** The script's hash for the page's Content-Security-Policy: no other script may run. */
export const SORT_SCRIPT_HASH = `sha256-${createHash('sha256').update(SORT_SCRIPT).digest('base64')}`;
