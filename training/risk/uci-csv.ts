/**
 * Parser for the UCI "default of credit card clients" CSV layout (Yeh & Lien 2009, CC BY 4.0).
 * Column order comes from the header. Protected columns (SEX, AGE, MARRIAGE) are parsed only so that score
 * differences across groups can be MEASURED; they are kept apart from the model input.
 */
import {
  MAX_PAY_STATUS,
  MIN_PAY_STATUS,
  type RiskModelInput,
  STATEMENT_MONTHS,
} from '../../lambdas/domain/scoring/risk-model';

export class MalformedCsvError extends Error {
  readonly code = 'MALFORMED_CSV';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'MalformedCsvError';
  }
}

export interface UciRow {
  /** 1-based physical line number in the file (the header is line 1). */
  line: number;
  id: string;
  input: RiskModelInput;
  label?: 0 | 1;
  /** Measured only, never model input; null when the file lacks the column. */
  protected: { sex: number | null; age: number | null; marriage: number | null };
}

export interface UciCsv {
  hasLabel: boolean;
  rows: UciRow[];
}

export const LABEL_COLUMN = 'default_payment_next_month';

/** UCI names the latest month PAY_0 (there is no PAY_1), then PAY_2 … PAY_6 going back. */
const PAY_STATUS_COLUMNS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'];
const monthColumns = (prefix: string): string[] =>
  Array.from({ length: STATEMENT_MONTHS }, (_, month) => `${prefix}${month + 1}`);
const BILL_COLUMNS = monthColumns('BILL_AMT');
const PAID_COLUMNS = monthColumns('PAY_AMT');

const REQUIRED_COLUMNS = ['ID', 'LIMIT_BAL', ...PAY_STATUS_COLUMNS, ...BILL_COLUMNS, ...PAID_COLUMNS];

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const unquote = (field: string): string => {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
};

/** Reads the named fields of one data line, turning every bad value into a MalformedCsvError. */
class LineReader {
  constructor(
    private readonly line: number,
    private readonly fields: string[],
    private readonly columnIndex: ReadonlyMap<string, number>,
  ) {}

  has(column: string): boolean {
    return this.columnIndex.has(column);
  }

  text(column: string): string {
    return this.fields[this.columnIndex.get(column)!]!;
  }

  number(column: string): number {
    const raw = this.text(column);
    if (raw === '') throw new MalformedCsvError(this.line, `${column} is empty`);
    if (!NUMBER_PATTERN.test(raw))
      throw new MalformedCsvError(this.line, `${column} is not a number: '${raw}'`);
    return Number(raw);
  }

  integerIn(column: string, min: number, max: number): number {
    const value = this.number(column);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new MalformedCsvError(
        this.line,
        `${column} must be an integer from ${min} to ${max}: '${this.text(column)}'`,
      );
    }
    return value;
  }

  positive(column: string): number {
    const value = this.number(column);
    if (value <= 0) throw new MalformedCsvError(this.line, `${column} must be > 0: '${this.text(column)}'`);
    return value;
  }

  nonNegative(column: string): number {
    const value = this.number(column);
    if (value < 0) throw new MalformedCsvError(this.line, `${column} must be >= 0: '${this.text(column)}'`);
    return value;
  }

  optionalNumber(column: string): number | null {
    return this.has(column) ? this.number(column) : null;
  }
}

function readHeader(headerLine: string): Map<string, number> {
  const columnIndex = new Map<string, number>();
  headerLine.split(',').forEach((field, index) => {
    const name = unquote(field);
    if (columnIndex.has(name)) throw new MalformedCsvError(1, `duplicate column ${name}`);
    columnIndex.set(name, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columnIndex.has(column));
  if (missing.length > 0) throw new MalformedCsvError(1, `missing required column(s) ${missing.join(', ')}`);
  return columnIndex;
}

function readRow(reader: LineReader, line: number): UciRow {
  const input: RiskModelInput = {
    creditLimit: reader.positive('LIMIT_BAL'),
    months: PAY_STATUS_COLUMNS.map((statusColumn, month) => ({
      payStatus: reader.integerIn(statusColumn, MIN_PAY_STATUS, MAX_PAY_STATUS),
      statementBalance: reader.number(BILL_COLUMNS[month]!),
      amountPaid: reader.nonNegative(PAID_COLUMNS[month]!),
    })),
  };
  const row: UciRow = {
    line,
    id: reader.text('ID'),
    input,
    protected: {
      sex: reader.optionalNumber('SEX'),
      age: reader.optionalNumber('AGE'),
      marriage: reader.optionalNumber('MARRIAGE'),
    },
  };
  if (reader.has(LABEL_COLUMN)) row.label = reader.integerIn(LABEL_COLUMN, 0, 1) as 0 | 1;
  return row;
}

/** Parses a whole file; throws MalformedCsvError naming the line (and column) of the first bad value. */
export function parseUciCsv(text: string): UciCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] === undefined || lines[0].trim() === '')
    throw new MalformedCsvError(1, 'header row is missing');
  const columnIndex = readHeader(lines[0]);
  const rows: UciRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const lineText = lines[index]!;
    if (lineText.trim() === '') continue;
    const line = index + 1;
    const fields = lineText.split(',').map(unquote);
    if (fields.length !== columnIndex.size) {
      throw new MalformedCsvError(line, `expected ${columnIndex.size} fields, found ${fields.length}`);
    }
    rows.push(readRow(new LineReader(line, fields, columnIndex), line));
  }
  return { hasLabel: columnIndex.has(LABEL_COLUMN), rows };
}
