import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per process; service name and level come from POWERTOOLS_* env vars. */
export const logger = new Logger({ serviceName: 'collections' });
