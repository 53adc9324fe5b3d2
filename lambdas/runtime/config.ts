import { TABLES, type TableId } from '../../catalog/tables';
import * as z from '../../contracts/schema';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads and checks a function's environment once, at module load, so a misconfigured function fails at init. */
export function loadConfig<Shape extends z.core.$ZodShape>(
  shape: Shape,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodMiniObject<Shape>> {
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
  Object.fromEntries(ids.map((id) => [TABLES[id].envVar, z.string().check(z.minLength(1))])) as Record<
    (typeof TABLES)[Id]['envVar'],
    z.ZodMiniString
  >;

export const stageSetting = { STAGE: z.enum(['dev', 'staging', 'prod', 'local']) };

/** One table's physical name, from the env var the catalog gives it (checked at first use). */
export function tableName(id: TableId, env: Record<string, string | undefined> = process.env): string {
  const { envVar } = TABLES[id];
  return String(loadConfig({ [envVar]: z.string().check(z.minLength(1)) }, env)[envVar]);
}

/** The stage's bus, for functions that publish. */
export const busName = (env: Record<string, string | undefined> = process.env): string =>
  loadConfig({ EVENT_BUS_NAME: z.string().check(z.minLength(1)) }, env).EVENT_BUS_NAME;
