#!/usr/bin/env node
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollectionsApp } from '../lib/app';

createCollectionsApp(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
