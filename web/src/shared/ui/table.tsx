// A data table described once by its columns: each column's header and how it renders the
// cell of a row. The table always has an accessible name (a visible caption, an aria-label,
// or the id of the heading that names it); header cells are <th scope="col">, and the cells
// of a `rowHeader` column are <th scope="row">, which name their row for a screen reader
// (and for getByRole('row', { name }) in the browser tests). A table wider than the screen
// scrolls sideways inside .table-wrap. With no rows it renders `empty` as a paragraph, or
// nothing when `empty` is not given.
import type { ComponentChildren } from 'preact';

export interface Column<R> {
  /** The header cell's content (its text names the column). */
  header: ComponentChildren;
  /** The content of this column's cell in `row`. */
  cell: (row: R) => ComponentChildren;
  /** The cells are row headers (<th scope="row">). */
  rowHeader?: boolean;
  /** A class of the header cell and of every cell of the column (e.g. "no-print"). */
  class?: string;
  /** A class of the header cell only (e.g. a column width, a weekday's colour). */
  headerClass?: string;
  /** The id of the row's cell, making it the target of in-page links (#id) and of focus. */
  anchor?: (row: R) => string;
}

/** The columns of a table in order; false, null or undefined leaves a column out. */
export type Columns<R> = readonly (Column<R> | false | null | undefined)[];

/** What names the table: exactly one of a visible caption, an aria-label, or a heading's id. */
export type TableName =
  | { caption: string; label?: never; labelledBy?: never }
  | { label: string; caption?: never; labelledBy?: never }
  | { labelledBy: string; caption?: never; label?: never };

export type TableProps<R> = TableName & {
  rows: readonly R[];
  columns: Columns<R>;
  /** A stable key of a row; its index when not given. */
  rowKey?: (row: R, index: number) => string | number;
  /** The class of a row's <tr> (e.g. "late"), if any. */
  rowClass?: (row: R) => string | undefined;
  /** Shown (as a paragraph) instead of the table when there are no rows. */
  empty?: ComponentChildren;
  /** The id of an element describing the table (aria-describedby). */
  describedBy?: string;
  class?: string;
};

const joinClasses = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

export function Table<R>(props: TableProps<R>) {
  const { rows, rowKey, rowClass } = props;
  if (rows.length === 0) return props.empty ? <p>{props.empty}</p> : null;
  const columns = props.columns.filter((c): c is Column<R> => !!c);
  return (
    <div class="table-wrap">
      <table class={props.class} aria-label={props.label} aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" class={joinClasses(c.headerClass, c.class)}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey ? rowKey(row, r) : r} class={rowClass?.(row)}>
              {columns.map((c, i) => {
                const id = c.anchor?.(row);
                const cell = { class: c.class, id, tabIndex: id ? -1 : undefined };
                return c.rowHeader
                  ? <th key={i} scope="row" {...cell}>{c.cell(row)}</th>
                  : <td key={i} {...cell}>{c.cell(row)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
