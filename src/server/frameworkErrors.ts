import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError } from 'fastify';
import type { ErrorBody } from './httpError.ts';

const answer = (status: number, code: string, message: string) => ({
  status,
  body: { error: { code, message } } satisfies ErrorBody,
});

/**
 * Fastify's own errors (body parsing, routing, framework checks), renamed into the server's
 * stable codes and the `{ error: { code, message } }` shape with a message naming the problem.
 * Anything else is a 500 `INTERNAL` that says nothing more (no stack, no internals).
 */
export function fastifyErrorAnswer(
  error: FastifyError,
  bodyLimit: number,
): { status: number; body: ErrorBody } {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  const code = error.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return answer(413, 'BODY_TOO_LARGE', `the request body exceeds ${bodyLimit} bytes`);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return answer(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json');
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return answer(400, 'BAD_CONTENT_LENGTH', 'the Content-Length does not match the body sent');
  if (code === 'FST_ERR_BAD_URL')
    return answer(400, 'BAD_URL', `the URL is not valid (bad percent-encoding): ${error.message}`);
  if (code === 'FST_ERR_MAX_PARAM_LENGTH')
    return answer(414, 'URL_TOO_LONG', 'a path segment of the URL is longer than 100 characters');
  if (status < 500) return answer(status, 'BAD_REQUEST', error.message);
  return answer(500, 'INTERNAL', 'internal server error');
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (a request that did not
 * arrive within `requestTimeout`: 408, headers too large: 431, not HTTP: 400) in the server's JSON
 * error shape, then closes the connection.
 */
export function clientErrorHandler(requestTimeout: number) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, body } =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? answer(
            408,
            'REQUEST_TIMEOUT',
            `the request did not arrive in full within ${requestTimeout} ms`,
          )
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? answer(431, 'HEADERS_TOO_LARGE', 'the request headers exceed 16 KiB')
          : answer(
              400,
              'BAD_REQUEST',
              `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'})`,
            );
    const text = JSON.stringify(body);
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
    socket.destroy();
  };
}
