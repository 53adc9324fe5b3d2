/** Moved to `catalog/tables.ts`; kept only for the files branch `cold` edits. Delete once they import `catalog/`. */
export * from '../../catalog/tables';
