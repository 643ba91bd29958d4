export * from './principal';
export * from './token-secret';
export * from './token-issuer';
export * from './sign-in-link';
