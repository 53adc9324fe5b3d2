import { readFileSync, writeFileSync } from 'node:fs';
import { traditionalModule, traditionalTable } from '../scripts/lib/gate-training/traditional-table';
const text = readFileSync('/work/shared/data/abusive-language/cold-train.csv', 'utf8');
const t = traditionalTable(text, 3);
console.log(t.length / 2);
writeFileSync('lambdas/domain/compliance/understanding/traditional-chars.ts', traditionalModule(t));
