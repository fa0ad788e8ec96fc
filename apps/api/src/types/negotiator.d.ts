// negotiator 1.x (the Accept-* parser Express and `compression` use): the part FirstLine calls. @types/negotiator
// describes 0.6, whose `encoding` takes no preference.
declare module 'negotiator' {
  import type { IncomingMessage } from 'node:http';

  export default class Negotiator {
    constructor(request: IncomingMessage);
    /** The client's most preferred of `available`; among equally rated ones, the first of `preferred`. */
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
  }
}
