// Code passed to `evaluate` in the extension's service worker runs with the extension API.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;
