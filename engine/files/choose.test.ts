import { describe, expect, it } from 'vitest';
import { s3SettingsFromEnv } from './choose.ts';

describe('S3 settings from the environment', () => {
  it('are none without a bucket, whatever else is set', () => {
    expect(s3SettingsFromEnv({})).toBeUndefined();
    expect(s3SettingsFromEnv({ SEVA_FILES_S3_BUCKET: '  ', SEVA_FILES_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toBeUndefined();
  });

  it('name the bucket, and the endpoint, region and prefix given (blank ones left out)', () => {
    expect(s3SettingsFromEnv({ SEVA_FILES_S3_BUCKET: 'seva-files' })).toEqual({ bucket: 'seva-files' });
    expect(
      s3SettingsFromEnv({ SEVA_FILES_S3_BUCKET: 'seva-files', SEVA_FILES_S3_ENDPOINT: 'http://minio:9000', SEVA_FILES_S3_REGION: 'ap-south-1', SEVA_FILES_S3_PREFIX: ' ', AWS_ACCESS_KEY_ID: 'k' }),
    ).toEqual({ bucket: 'seva-files', endpoint: 'http://minio:9000', region: 'ap-south-1' });
  });
});
