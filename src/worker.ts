import { runFairgate } from './main';

/**
 * Worker-only entry: the same program as main.ts with APP_ROLE=worker, for process managers
 * that prefer a second command (node dist/src/worker.js) to an environment variable.
 */
void runFairgate('worker');
