import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { type SortDir, sortRows } from '../../../reports/tallies.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

export interface Column<R> {
  key: string;
  label: string;
  value: (row: R) => string | number | null;
  render: (row: R) => ComponentChildren;
  numeric?: boolean;
}

interface Props<R> {
  /** Names the table's test ids: `sort-${name}-${key}`. */
  name: string;
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  initial: { key: string; dir: SortDir };
  rowKey: (row: R) => string;
  rowTestId: (row: R) => string;
  rowLabel: string;
  onOpen: (row: R) => void;
}

/**
 * A table sorted by a tap on any column head (again to reverse). Each row opens its visits: a
 * click anywhere on it, or its first cell's button from the keyboard.
 */
export function SortableTable<R>({ name, caption, columns, rows, initial, rowKey, rowTestId, rowLabel, onOpen }: Props<R>) {
  const { t } = useReportsI18n();
  const [sort, setSort] = useState(initial);
  const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
  const sorted = sortRows(rows, column.value, sort.dir);
  const toggle = (key: string, numeric: boolean) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' }));

  return (
    <ScrollRegion class="r-table-wrap">
      <table class="r-table r-sortable" data-testid={`table-${name}`} data-sort={`${sort.key}:${sort.dir}`}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.key === sort.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    class="r-sort"
                    data-testid={`sort-${name}-${c.key}`}
                    title={t('reports.sortBy', { column: c.label })}
                    onClick={() => toggle(c.key, !!c.numeric)}
                  >
                    <span class="r-sort-label">{c.label}</span>
                    <span class="r-sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} class="r-row" data-testid={rowTestId(row)} onClick={() => onOpen(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row">
                    <button
                      type="button"
                      class="r-row-open"
                      title={rowLabel}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(row);
                      }}
                    >
                      {c.render(row)}
                    </button>
                  </th>
                ) : (
                  <td key={c.key} class={c.numeric ? 'num' : undefined} data-col={c.key}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
