/**
 * The compliance gate over JSONL files.
 *
 *   npm run --silent gate -- check-messages FILE.jsonl   → {"id","allowed","violations":[{"rule","detail"}]}
 *   npm run --silent gate -- check-contacts FILE.jsonl   → {"id","allowed","reasons":[…]}
 *
 * One output line per non-blank input line. Exit code 0 when every line was checked (allowed or not); 1 at
 * the first malformed line, named on stderr (lines before it are answered, it and later lines are not);
 * 2 with the usage on stderr for a missing or unreadable file or an unknown subcommand.
 */
import { readFileSync } from 'node:fs';
import { gateMain } from '../training/gate/cli';

process.exitCode = gateMain(process.argv.slice(2), {
  readText: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
});
