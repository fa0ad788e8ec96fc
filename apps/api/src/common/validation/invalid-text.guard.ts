// Global guard, registered before the auth guard: every string a request carries — route parameters, query string,
// JSON body — must be valid text (see invalid-text.ts), or the request answers 400 naming the field, before any
// handler or database call. One place, so it holds for every route, present and future. (Header values cannot carry
// NUL: Node's HTTP parser refuses them. Multipart fields and CSV cells are checked where they are parsed.)
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { findInvalidQueryText, findInvalidText, invalidTextError } from './invalid-text';

@Injectable()
export class InvalidTextGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const param = findInvalidText(req.params ?? {});
    if (param) throw invalidTextError(`route parameter "${param.path}"`, param);
    const queryStart = req.originalUrl.indexOf('?');
    const query = queryStart < 0 ? null : findInvalidQueryText(req.originalUrl.slice(queryStart + 1));
    if (query) throw invalidTextError(`query parameter "${query.path}"`, query);
    const body = findInvalidText(req.body);
    if (body) throw invalidTextError(body.path ? `body field "${body.path}"` : 'the request body', body);
    return true;
  }
}
