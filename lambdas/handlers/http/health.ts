import { loadConfig, stageSetting } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig(stageSetting);

export const handler = httpHandler({ route: 'GET /health' }, async () => ({
  body: { status: 'ok', stage: config.STAGE },
}));
