export * from './compile';
export * from '../cloudfront-functions/event-shape';
export * from '../cloudfront-functions/harness';
export * from '../privacy/tracking-cookies';
export * from './policy';
export * from './syntax';
