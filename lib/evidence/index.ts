export * from './browser';
export * from './collect';
export * from './party';
export * from './report-html';
export * from './types';
