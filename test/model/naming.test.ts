import { describe, expect, it } from 'vitest';
import { isIdentifier, operationToName, toIdentifier } from '../../src/model/naming.js';

describe('toIdentifier', () => {
  it.each([
    ['createOrder', 'createOrder'],
    ['create-order', 'createOrder'],
    ['orders.create', 'ordersCreate'],
    ['create order now', 'createOrderNow'],
    ['1stOrder', '_1stOrder'],
    ['class', 'class_'],
    ['$refresh', '$refresh'],
    ['--', '_'],
    ['get_order', 'get_order'],
  ])('%j -> %s', (input, output) => {
    expect(toIdentifier(input)).toBe(output);
    expect(isIdentifier(toIdentifier(input))).toBe(true);
  });
});

describe('operationToName', () => {
  it.each([
    ['get', '/orders/{orderId}/items', 'getOrdersByOrderIdItems'],
    ['post', '/orders', 'postOrders'],
    ['GET', '/', 'get'],
    ['delete', '/order-items/{item_id}', 'deleteOrderItemsByItemId'],
    ['get', '/files/{name}.{ext}', 'getFilesByNameByExt'],
    ['put', '/v1/users/{user-id}/avatar', 'putV1UsersByUserIdAvatar'],
    ['get', '/{}', 'get'],
  ])('%s %s -> %s', (method, path, name) => {
    expect(operationToName({ method, path })).toBe(name);
  });
});
