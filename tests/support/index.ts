export * from './cookie-fetch';
export * from './server';
export * from './expect';
export * from './calendar';
export * from './fixtures';
export * from './checkin';
