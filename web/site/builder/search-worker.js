// The search index is built in this worker thread while the main thread goes on reading, linking
// and writing the site (it is a third of a big build's work). The builder posts the docs'
// sections in doc order: { docs: [[doc index, title, sections], ...] }, then { end: true }. Each
// shard is indexed as its docs arrive and written into the staging folder as soon as it is full, so
// one shard's index is in memory at a time. Replies { done: { shards, files } } or
// { error: { code, message, file } }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { searchShardPath } from '../shared/paths.js';
import { ShardBuilder } from './search.js';

const { dir, shardBytes } = workerData;
const files = [];
let shard = null;

function close() {
  if (!shard) return;
  const rel = searchShardPath(files.length);
  const abs = join(dir, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, shard.script(files.length));
  files.push(rel);
  shard = null;
}

parentPort.on('message', (message) => {
  try {
    for (const [index, title, sections] of message.docs ?? []) {
      shard ??= new ShardBuilder();
      shard.add(index, title, sections);
      if (shard.bytes > shardBytes) close();
    }
    if (message.end) {
      close();
      parentPort.postMessage({ done: { shards: files.length, files } });
    }
  } catch (err) {
    parentPort.postMessage({
      error: { code: err.code, message: err.message, file: join(dir, searchShardPath(files.length)) },
    });
  }
});
