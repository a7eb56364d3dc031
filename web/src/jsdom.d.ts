// The little of jsdom the unit tests use (a DOMParser to check exported XML), instead of @types/jsdom.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
