import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ContentStore } from './store.ts';

/** Where an S3-compatible bucket is, and how its keys are named. */
export interface S3Settings {
  bucket: string;
  /** An S3-compatible server (MinIO, s3rver, ...); its paths name the bucket (path style). Default: AWS. */
  endpoint?: string;
  /** Default us-east-1. */
  region?: string;
  /** Put before every key, as a folder: `seva/files` keeps a file as `seva/files/<id>`. */
  prefix?: string;
  /** Default: the SDK's chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, a role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Files as objects in an S3 bucket (shared by every process that names it). Ids are UUIDs, so safe as keys. */
export function s3Store(settings: S3Settings): ContentStore {
  const client = new S3Client({
    region: settings.region ?? 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  const folder = (settings.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const key = (id: string) => (folder ? `${folder}/${id}` : id);
  return {
    put: async (id, bytes) => {
      // One PUT: S3 makes an object visible whole or not at all.
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key(id), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }));
    },
    get: async (id) => {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(id) }));
        return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      } catch (err) {
        if (err instanceof NoSuchKey) return undefined;
        throw err;
      }
    },
    close: () => client.destroy(),
  };
}
