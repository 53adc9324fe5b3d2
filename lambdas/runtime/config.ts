import * as z from 'zod';
import { TABLES, type TableId } from '../../catalog/tables';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads and checks a function's environment once, at module load, so a misconfigured function fails at init. */
export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<Shape>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid function configuration: ${problems}`);
  }
  return parsed.data;
}

/** The env var holding each table's physical name, as a config shape. */
export const tableNames = <Id extends TableId>(...ids: Id[]) =>
  Object.fromEntries(ids.map((id) => [TABLES[id].envVar, z.string().min(1)])) as Record<
    (typeof TABLES)[Id]['envVar'],
    z.ZodString
  >;

export const stageSetting = { STAGE: z.enum(['dev', 'staging', 'prod', 'local']) };
