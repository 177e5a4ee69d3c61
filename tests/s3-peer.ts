import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Settings } from '../engine/files/index.ts';

/** s3rver's fixed keys (it checks request signatures against them). */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3-protocol server (s3rver) on a free loopback port, over a temporary directory, with an
 * empty bucket made through the S3 API: the settings Seva needs, and the keys stored in the bucket.
 */
export async function startS3Peer(bucket = 'seva-files', prefix = 'tests/files'): Promise<{ settings: S3Settings; keys: () => Promise<string[]>; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'seva-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    settings: { bucket, endpoint, prefix, credentials },
    keys: async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key ?? ''),
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
