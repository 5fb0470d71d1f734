import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, link, publicRoutes } from '../../../Sources/Browser/Public/router.js';

test('hashes name screens with their parameters', () => {
  assert.deepEqual(parse(''), { name: 'home', params: {}, query: {} });
  assert.deepEqual(parse('#/'), { name: 'home', params: {}, query: {} });
  assert.equal(parse('#/sign-in').name, 'signIn');
  assert.deepEqual(parse('#/entries/abc'), { name: 'entry', params: { id: 'abc' }, query: {} });
  assert.deepEqual(parse('#/entries/abc/edit').params, { id: 'abc' });
  assert.deepEqual(parse('#/entries/new/amend'), { name: 'newEntry', params: { kind: 'amend' }, query: {} });
  assert.deepEqual(parse('#/entries?kind=meeting').query, { kind: 'meeting' });
  assert.equal(parse('#/nowhere').name, 'notFound');
  assert.equal(parse('#/entries/%E0%A4%A').name, 'notFound', 'a broken escape is no route');
});

test('links are the inverse of parse', () => {
  const id = '3f0c/../x y';
  const hash = link('entry', { id });
  assert.equal(hash, '#/entries/3f0c%2F..%2Fx%20y');
  assert.deepEqual(parse(hash).params, { id });
  assert.equal(link('entries', {}, { kind: 'amend' }), '#/entries?kind=amend');
  assert.throws(() => link('nope'));
});

test('only sign-in and registration are open to a signed-out person', () => {
  assert.deepEqual([...publicRoutes].sort(), ['register', 'signIn']);
});
