// Callers that lie: a Uint8Array whose `length` or `slice` is not
// its own, getters and Proxies in the options, detached, shared, foreign and wrong kinds of
// buffers, and createFoldmark hooks that fail. The API reads a view's bytes through the
// intrinsic getters once, snapshots the options once, and never leaves the instance broken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { createFoldmark, FoldmarkError } from '../../web/node.js';

// Each test has its own instance, so one that a defect breaks cannot fail the others.
const utf8 = (s) => new TextEncoder().encode(s);

function throwsCode(fn, code, message) {
  assert.throws(
    fn,
    (err) => err instanceof FoldmarkError && err.code === code && (message === undefined || message.test(err.message)),
    `expected ${code}`,
  );
}

test('a Uint8Array whose length is larger than its bytes leaks nothing of an earlier call', async () => {
  const fm = await createFoldmark();
  fm.toHtml('SECRET: password=hunter2');
  const liar = Object.defineProperty(new Uint8Array(0), 'length', { value: 30 });
  assert.equal(fm.toHtml(liar), '');
  const shortLiar = Object.defineProperty(utf8('ok'), 'length', { value: 1 << 20 });
  assert.equal(fm.toHtml(shortLiar), '<p>ok</p>\n');
});

test('a Uint8Array whose length is smaller than its bytes renders all of them; the instance lives', async () => {
  const fm = await createFoldmark();
  class Small extends Uint8Array {
    get length() {
      return 16;
    }
  }
  const big = new Small(3 << 20).fill(0x5a);
  assert.equal(fm.toHtml(big), `<p>${'Z'.repeat(3 << 20)}</p>\n`);
  for (let i = 0; i < 3; i++) assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
});

test('a subclass cannot run code while its bytes are read: no getter, no slice, no splice', async () => {
  const fm = await createFoldmark();
  let calls = 0;
  class Reenter extends Uint8Array {
    get length() {
      calls++;
      fm.render('# Inner', { idPrefix: 'inner-' });
      return super.length;
    }
    get byteLength() {
      calls++;
      return 1;
    }
    get byteOffset() {
      calls++;
      return 2;
    }
    get buffer() {
      calls++;
      return new ArrayBuffer(8);
    }
    slice() {
      calls++;
      throw new Error('slice called');
    }
    subarray() {
      calls++;
      throw new Error('subarray called');
    }
    static get [Symbol.species]() {
      calls++;
      return Uint8Array;
    }
  }
  const a = fm.render(new Reenter(utf8('# Outer\n\n## Q?\n\nA')), { idPrefix: 'out-' });
  assert.equal(a.html.split('\n')[1], '<h1 class="fm-title" id="out-outer">Outer</h1>');
  assert.match(a.jsonLd, /"name":"Q\?"/);
  assert.equal(calls, 0);
});

test('a view is read at its own offset and length; Buffer, shared and foreign-realm views work', async () => {
  const fm = await createFoldmark();
  const whole = utf8('xx# Mid\nyy');
  assert.equal(fm.toHtml(whole.subarray(2, 7)), '<h1 id="mid">Mid</h1>\n');
  assert.equal(fm.toHtml(Buffer.from('*b*')), '<p><em>b</em></p>\n');
  const shared = new Uint8Array(new SharedArrayBuffer(4));
  shared.set(utf8('# S'));
  assert.equal(fm.toHtml(shared.subarray(0, 3)), '<h1 id="s">S</h1>\n');
  const foreign = runInNewContext('new Uint8Array([0x23, 0x20, 0x46])');
  assert.equal(fm.toHtml(foreign), '<h1 id="f">F</h1>\n');
});

test('render keeps its own copy of the bytes for jsonLd, even of a shared buffer', async () => {
  const fm = await createFoldmark();
  const shared = new Uint8Array(new SharedArrayBuffer(32));
  const text = utf8('## Why?\n\nBecause.\n');
  shared.set(text);
  const a = fm.render(shared.subarray(0, text.length));
  shared.fill(0x41);
  assert.match(a.jsonLd, /"text":"\\u003cp\\u003eBecause.\\u003c\/p\\u003e\\n"/);
});

test('detached buffers, Proxies and other kinds of buffer are E_INPUT, and the next call works', async () => {
  const fm = await createFoldmark();
  const detached = utf8('# gone');
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  throwsCode(() => fm.toHtml(detached), 'E_INPUT', /detached/);
  throwsCode(() => fm.render(detached), 'E_INPUT', /detached/);
  throwsCode(() => fm.toHtml(new Proxy(utf8('# p'), {})), 'E_INPUT');
  const revoked = Proxy.revocable(utf8('# p'), {});
  revoked.revoke();
  throwsCode(() => fm.toHtml(revoked.proxy), 'E_INPUT');
  for (const other of [
    new ArrayBuffer(3),
    new DataView(new ArrayBuffer(3)),
    new Uint16Array(3),
    new Uint8ClampedArray(3),
    new Int8Array(3),
    [0x23, 0x20, 0x61],
    new String('# s'),
  ]) {
    throwsCode(() => fm.toHtml(other), 'E_INPUT');
  }
  assert.equal(fm.toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
});

test('options are read once: a getter cannot turn allowRawHtml on after validation', async () => {
  const fm = await createFoldmark();
  let reads = 0;
  const html = fm.toHtml('<img src=x onerror=alert(1)>', {
    get allowRawHtml() {
      return reads++ > 0;
    },
  });
  assert.equal(reads, 1);
  assert.doesNotMatch(html, /<img/);
  let k = 0;
  const shifty = new Proxy(
    {},
    {
      ownKeys: () => (k++ ? ['allowRawHtml', 'bogus'] : []),
      getOwnPropertyDescriptor: () => ({ value: 'yes', enumerable: true, configurable: true }),
      get: () => 'yes',
    },
  );
  assert.equal(fm.toHtml('<b>x</b>', shifty), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n'); // its keys: none
  assert.equal(k, 1);
  const liar = new Proxy({ allowRawHtml: false }, { get: () => true }); // one source: the descriptor
  assert.equal(fm.toHtml('<b>x</b>', liar), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  const wrongType = new Proxy(
    {},
    {
      ownKeys: () => ['allowRawHtml'],
      getOwnPropertyDescriptor: () => ({ value: 'yes', enumerable: true, configurable: true }),
    },
  );
  throwsCode(() => fm.toHtml('<b>x</b>', wrongType), 'E_OPTION', /allowRawHtml/);
  const flip = { allowRawHtml: false };
  const once = new Proxy(flip, {
    get: (t, name) => {
      const v = t[name];
      t.allowRawHtml = true;
      return v;
    },
  });
  assert.equal(fm.toHtml('<b>x</b>', once), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
});

test('frozen options are settled once; a frozen getter, or options that were not frozen, are read on every call', async () => {
  const fm = await createFoldmark();
  const frozen = Object.freeze({ allowRawHtml: true });
  assert.equal(fm.toHtml('<b>x</b>', frozen), '<p><b>x</b></p>\n');
  assert.equal(fm.toHtml('<b>x</b>', frozen), '<p><b>x</b></p>\n');
  let reads = 0;
  const getter = Object.freeze({
    get allowRawHtml() {
      reads += 1;
      return reads === 1;
    },
  });
  assert.equal(fm.toHtml('<b>x</b>', getter), '<p><b>x</b></p>\n');
  assert.equal(fm.toHtml('<b>x</b>', getter), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  assert.equal(reads, 2);
  const open = { allowRawHtml: true };
  assert.equal(fm.toHtml('<b>x</b>', open), '<p><b>x</b></p>\n');
  open.allowRawHtml = false;
  assert.equal(fm.toHtml('<b>x</b>', open), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  const sealed = Object.seal({ allowRawHtml: true }); // sealed, not frozen: its value may change
  fm.toHtml('x', sealed);
  sealed.allowRawHtml = false;
  assert.equal(fm.toHtml('<b>x</b>', sealed), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  throwsCode(() => fm.toHtml('x', Object.freeze({ bogus: 1 })), 'E_OPTION', /unknown option/);
  throwsCode(() => fm.toHtml('x', Object.freeze({ bogus: 1 })), 'E_OPTION', /unknown option/);
});

test('options that throw or are revoked are E_OPTION; inherited options are ignored', async () => {
  const fm = await createFoldmark();
  throwsCode(
    () =>
      fm.toHtml('x', {
        get gfm() {
          throw new Error('boom');
        },
      }),
    'E_OPTION',
    /boom/,
  );
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  throwsCode(() => fm.toHtml('x', revoked.proxy), 'E_OPTION');
  assert.equal(fm.toHtml('<b>x</b>', Object.create({ allowRawHtml: true })), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  const reentrant = {
    get idPrefix() {
      fm.render('# Inner', { idPrefix: 'in-' });
      return 'out-';
    },
  };
  assert.equal(fm.toHtml('# T', reentrant), '<h1 id="out-t">T</h1>\n');
});

const settles = (promise) =>
  Promise.race([
    promise.then(
      () => 'resolved',
      (err) => err,
    ),
    new Promise((resolve) => setTimeout(() => resolve('never settled'), 5000)),
  ]);

test('createFoldmark rejects with FoldmarkError when instantiation fails, whatever the cause', async () => {
  const hook = await settles(
    createFoldmark({
      instantiateWasm() {
        throw new Error('hook failed');
      },
    }),
  );
  assert.ok(hook instanceof FoldmarkError, String(hook));
  assert.equal(hook.code, 'E_INTERNAL');
  assert.match(hook.message, /hook failed/);
  const garbage = await settles(createFoldmark({ wasmBinary: new Uint8Array([0, 1, 2, 3]), printErr() {} }));
  assert.ok(garbage instanceof FoldmarkError, String(garbage));
  assert.equal(garbage.code, 'E_WASM');
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const badOptions = [{ wasmBinary: 'not bytes' }, { locateFile: 5 }, { instantiateWasm: {} }, 'x', [], revoked.proxy];
  for (const [i, options] of badOptions.entries()) {
    const bad = await settles(createFoldmark(options));
    assert.ok(bad instanceof FoldmarkError && bad.code === 'E_OPTION', `bad options #${i}: ${bad}`);
  }
  assert.equal((await createFoldmark()).toHtml('# ok'), '<h1 id="ok">ok</h1>\n');
});
