import { waiterApi } from '../server/routes/waiter-api.js';

/** Every method and path the waiter API really serves, as `get /orders/{orderId}` (OpenAPI's spelling). */
export function servedRoutes(): string[] {
  return waiterApi({} as Parameters<typeof waiterApi>[0])
    .routes.map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
    .sort();
}
