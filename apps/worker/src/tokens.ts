/** Injection tokens of the worker. */
export const WORKER_LOGGER = Symbol('WORKER_LOGGER');
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');
