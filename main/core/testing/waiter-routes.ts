import { waiterApi } from '../server/routes/waiter-api.js';

/** Every method and path the waiter router really serves, as `get /orders/{orderId}` (OpenAPI's spelling). */
export function servedRoutes(): string[] {
  const router = waiterApi({} as Parameters<typeof waiterApi>[0]);
  return router.stack
    .filter((layer) => layer.methods.length > 0)
    .flatMap((layer) =>
      layer.methods.filter((method) => method !== 'HEAD').map((method) => `${method.toLowerCase()} ${layer.path.toString().replace(/:(\w+)/g, '{$1}')}`),
    )
    .sort();
}
