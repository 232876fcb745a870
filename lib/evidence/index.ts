export * from './browser';
export * from './collect';
export * from './expectations';
export * from './link-check';
export * from './party';
export * from './report-html';
export * from './types';
export * from './verdict';
