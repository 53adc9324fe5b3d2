import { describe, expect, it } from 'vitest';
import { MalformedCsvError, parseUciCsv } from '../../training/risk/uci-csv';

const HEADER =
  'ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default_payment_next_month';
// The first two rows of the public UCI file.
const ROW_1 = '1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1';
const ROW_2 =
  '3,90000,2,2,2,34,0,0,0,0,0,0,29239,14027,13559,14331,14948,15549,1518,1500,1000,1000,1000,5000,0';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Replaces the value of one column in a data line of the standard header. */
function withValue(line: string, column: string, value: string): string {
  const fields = line.split(',');
  fields[HEADER.split(',').indexOf(column)] = value;
  return fields.join(',');
}

function malformed(text: string): MalformedCsvError {
  try {
    parseUciCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedCsvError);
    return error as MalformedCsvError;
  }
  throw new Error('expected a MalformedCsvError');
}

describe('parseUciCsv', () => {
  it('maps a row to the model input, latest month first, with protected columns kept apart', () => {
    const { hasLabel, rows } = parseUciCsv(csv(HEADER, ROW_1, ROW_2));
    expect(hasLabel).toBe(true);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      line: 2,
      id: '1',
      label: 1,
      protected: { sex: 2, age: 24, marriage: 1 },
      input: {
        creditLimit: 20000,
        months: [
          { payStatus: 2, statementBalance: 3913, amountPaid: 0 },
          { payStatus: 2, statementBalance: 3102, amountPaid: 689 },
          { payStatus: -1, statementBalance: 689, amountPaid: 0 },
          { payStatus: -1, statementBalance: 0, amountPaid: 0 },
          { payStatus: -2, statementBalance: 0, amountPaid: 0 },
          { payStatus: -2, statementBalance: 0, amountPaid: 0 },
        ],
      },
    });
    expect(Object.keys(rows[1]!.input)).toEqual(['creditLimit', 'months']);
  });

  it('takes the column order from the header', () => {
    const names = HEADER.split(',');
    const order = names.map((_, index) => index).reverse();
    const reorder = (line: string) => order.map((index) => line.split(',')[index]).join(',');
    const reversed = parseUciCsv(csv(reorder(HEADER), reorder(ROW_1), reorder(ROW_2)));
    expect(reversed).toEqual(parseUciCsv(csv(HEADER, ROW_1, ROW_2)));
  });

  it('accepts files without the label or protected columns', () => {
    const keep = HEADER.split(',')
      .map((name, index) => [name, index] as const)
      .filter(([name]) => !['SEX', 'AGE', 'MARRIAGE', 'default_payment_next_month'].includes(name))
      .map(([, index]) => index);
    const project = (line: string) => keep.map((index) => line.split(',')[index]).join(',');
    const { hasLabel, rows } = parseUciCsv(csv(project(HEADER), project(ROW_1)));
    expect(hasLabel).toBe(false);
    expect(rows[0]!.label).toBeUndefined();
    expect(rows[0]!.protected).toEqual({ sex: null, age: null, marriage: null });
  });

  it('tolerates a byte-order mark, CRLF line ends, quoted fields and blank lines', () => {
    const quoted = ROW_2.split(',')
      .map((field) => `"${field}"`)
      .join(',');
    const { rows } = parseUciCsv(`\uFEFF${HEADER}\r\n${ROW_1}\r\n\r\n${quoted}\r\n`);
    expect(rows.map((row) => [row.line, row.id])).toEqual([
      [2, '1'],
      [4, '3'],
    ]);
  });

  it.each([
    ['PAY_AMT3', 'abc', "line 3: PAY_AMT3 is not a number: 'abc'"],
    ['BILL_AMT1', '', 'line 3: BILL_AMT1 is empty'],
    ['LIMIT_BAL', '-5000', "line 3: LIMIT_BAL must be > 0: '-5000'"],
    ['PAY_AMT1', '-1', "line 3: PAY_AMT1 must be >= 0: '-1'"],
    ['PAY_0', '10', "line 3: PAY_0 must be an integer from -2 to 9: '10'"],
    ['PAY_4', '1.5', "line 3: PAY_4 must be an integer from -2 to 9: '1.5'"],
    [
      'default_payment_next_month',
      '2',
      "line 3: default_payment_next_month must be an integer from 0 to 1: '2'",
    ],
    ['AGE', 'forty', "line 3: AGE is not a number: 'forty'"],
  ])('names the line and the column when %s is %j', (column, value, message) => {
    const error = malformed(csv(HEADER, ROW_1, withValue(ROW_2, column, value)));
    expect(error.code).toBe('MALFORMED_CSV');
    expect(error.line).toBe(3);
    expect(error.message).toBe(message);
  });

  it('reports rows with the wrong number of fields', () => {
    expect(malformed(csv(HEADER, ROW_1, `${ROW_2},7`)).message).toBe('line 3: expected 25 fields, found 26');
  });

  it('requires a header with every model column, once', () => {
    expect(malformed('').message).toBe('line 1: header row is missing');
    expect(malformed(csv('ID,LIMIT_BAL,AGE', '1,20000,24')).message).toMatch(
      /^line 1: missing required column\(s\) PAY_0, PAY_2, .*, PAY_AMT6$/,
    );
    expect(malformed(csv(HEADER.replace(',PAY_AMT6', ''), ROW_1)).message).toBe(
      'line 1: missing required column(s) PAY_AMT6',
    );
    expect(malformed(csv(`${HEADER},AGE`)).message).toBe('line 1: duplicate column AGE');
  });
});
