/**
 * The portal assistant's reading over JSONL files (see training/assistant/cli.ts for the formats).
 *
 *   npm run --silent assistant -- classify FILE.jsonl
 *   npm run --silent assistant -- evaluate FILE.jsonl
 *   npm run train-assistant        (= assistant -- train)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { assistantMain } from '../training/assistant/cli';
import { defaultListDir, trainMain } from '../training/assistant/train-command';

const io = {
  readText: (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  writeOut: (text: string) => process.stdout.write(text),
  writeErr: (text: string) => process.stderr.write(text),
  writeFile: (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  },
  listDir: defaultListDir,
};

const [command, ...rest] = process.argv.slice(2);
process.exitCode = command === 'train' ? trainMain(rest, io) : assistantMain(process.argv.slice(2), io);
