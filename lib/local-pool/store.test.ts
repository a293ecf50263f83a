import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadPoolConfig } from './config';
import { Store, verifyPassword } from './store';

const configIn = (dir: string) => loadPoolConfig({ LOCAL_POOL_DATA: join(dir, 'state.json') });

describe('Store', () => {
  it('creates a pool, an app client and the demo user on first start, and writes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const { store, created } = Store.open(configIn(dir));
    assert.equal(created, true);
    assert.match(store.state.pool.id, /^[\w-]+_[0-9a-zA-Z]+$/);
    assert.match(store.state.clients[0].clientId, /^[\w+]+$/);
    assert.equal(store.state.users[0].username, 'demo');
    assert.ok(verifyPassword('Passkeys-4-everyone!', store.state.users[0].passwordHash));
    assert.ok(!verifyPassword('wrong', store.state.users[0].passwordHash));
    const onDisk = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { pool: { id: string } };
    assert.equal(onDisk.pool.id, store.state.pool.id);
  });

  it('takes the demo user from LOCAL_POOL_DEMO_USERNAME / _PASSWORD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const { store } = Store.open(loadPoolConfig({ LOCAL_POOL_DATA: join(dir, 'state.json'), LOCAL_POOL_DEMO_USERNAME: 'ada', LOCAL_POOL_DEMO_PASSWORD: 'Analytical-Engine-1843' }));
    assert.equal(store.state.users[0].username, 'ada');
    assert.ok(verifyPassword('Analytical-Engine-1843', store.state.users[0].passwordHash));
  });

  it('on a restart, creates the configured demo user if missing, or resets its password, and persists it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const data = join(dir, 'state.json');
    const first = Store.open(loadPoolConfig({ LOCAL_POOL_DATA: data })).store;
    const demoSub = first.state.users[0].sub;
    const onDisk = () => JSON.parse(readFileSync(data, 'utf8')) as { users: { username: string; sub: string; passwordHash: string }[] };

    // Another name and password: the banner would print "ada / Other-Password-1", so ada must exist with it.
    const ada = { LOCAL_POOL_DATA: data, LOCAL_POOL_DEMO_USERNAME: 'ada', LOCAL_POOL_DEMO_PASSWORD: 'Other-Password-1' };
    const second = Store.open(loadPoolConfig(ada));
    assert.equal(second.created, false);
    const created = onDisk().users.find((u) => u.username === 'ada');
    assert.ok(created && verifyPassword('Other-Password-1', created.passwordHash));
    assert.equal(onDisk().users.find((u) => u.username === 'demo')?.sub, demoSub, 'the earlier demo user stays');

    // Same name, new password: the same user (same sub) with the new password only.
    Store.open(loadPoolConfig({ ...ada, LOCAL_POOL_DEMO_PASSWORD: 'Changed-Password-2' }));
    const changed = onDisk().users.filter((u) => u.username === 'ada');
    assert.equal(changed.length, 1);
    assert.equal(changed[0].sub, created.sub);
    assert.ok(verifyPassword('Changed-Password-2', changed[0].passwordHash));
    assert.ok(!verifyPassword('Other-Password-1', changed[0].passwordHash));

    // Unchanged configuration: the file is not rewritten.
    const before = readFileSync(data, 'utf8');
    Store.open(loadPoolConfig({ ...ada, LOCAL_POOL_DEMO_PASSWORD: 'Changed-Password-2' }));
    assert.equal(readFileSync(data, 'utf8'), before);
    assert.deepEqual(readdirSync(dir), ['state.json']);
  });

  it('keeps what was committed across a reopen, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const first = Store.open(configIn(dir)).store;
    first.state.users[0].attributes.name = 'Changed';
    await Promise.all([first.commit(), first.commit(), first.commit()]);
    const second = Store.open(configIn(dir));
    assert.equal(second.created, false);
    assert.equal(second.store.state.users[0].attributes.name, 'Changed');
    assert.equal(second.store.state.pool.id, first.state.pool.id);
    assert.deepEqual(readdirSync(dir), ['state.json']);
  });

  it('a commit issued after a change always includes it, even while a write is queued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = Store.open(configIn(dir)).store;
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 20; i += 1) {
      store.state.users[0].attributes.counter = String(i);
      writes.push(store.commit());
    }
    await writes[19];
    assert.equal(Store.open(configIn(dir)).store.state.users[0].attributes.counter, '19');
  });

  it('refuses to start on a corrupt state file and does not overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(dir, 'state.json'), '{"version": 1, "pool": ');
    assert.throws(() => Store.open(configIn(dir)), /not valid JSON/);
    assert.equal(readFileSync(join(dir, 'state.json'), 'utf8'), '{"version": 1, "pool": ');
  });
});
