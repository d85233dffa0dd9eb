/** Public surface of the scheduling engine (pure: no I/O, no framework). */
export { schedule, scheduleAsync, loadSolver, defaultWorkLimit, DEFAULT_TIME_LIMIT_MS } from './engine';
export { greedySchedule } from './greedy';
export { checkSchedule, type Violation, type ViolationCode } from './check';
export { parseInstance, parseInstanceJson, InstanceError } from './instance';
export * from './types';
