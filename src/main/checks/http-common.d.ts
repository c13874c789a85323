// node:http's internal module holding its llhttp binding (http-exchange.ts); not in @types/node.
declare module 'node:_http_common' {
  export const HTTPParser: unknown
}
