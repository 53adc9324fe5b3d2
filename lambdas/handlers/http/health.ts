import { httpHandler } from '../../http/http-handler';
import { loadConfig, stageSetting } from '../../runtime/config';

const config = loadConfig(stageSetting);

export const handler = httpHandler({ route: 'GET /health' }, async () => ({
  body: { status: 'ok', stage: config.STAGE },
}));
