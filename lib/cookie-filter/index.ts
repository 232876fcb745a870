export * from './compile';
export * from './event-shape';
export * from './harness';
export * from './legacy-analytics';
export * from './policy';
export * from './syntax';
