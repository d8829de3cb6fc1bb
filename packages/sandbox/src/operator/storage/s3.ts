import { AwsError } from '../../cluster/cloud.js';
import { clone, rec, str, isRecord, stableStringify } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import type { CondSpec } from '../conditions.js';
import type { OperatorEnv, StorageResult } from '../context.js';
import { SyncError } from '../context.js';
import { awsIni, s3Credentials } from '../credentials.js';
import { REGISTRY_NAME } from '../defaults.js';

const MANAGED_TAGS = (infraName: string) => ({
  [`kubernetes.io/cluster/${infraName}`]: 'owned',
  Name: `${infraName}-image-registry`,
});

/** `<infraName>-image-registry-<region>`, at most 62 characters (op:pkg/storage/s3). */
export function generatedBucketName(infraName: string, region: string): string {
  return `${infraName}-${REGISTRY_NAME}-${region}`.slice(0, 62).replace(/-+$/, '');
}

/**
 * How long an S3 call takes when the endpoint cannot be reached: aws-sdk-go's default retryer
 * (3 retries with backoff) before it gives up with a RequestError. A sync that meets it lasts that
 * long, so the operator — whose every failed bootstrap writes a fresh StorageExists transition
 * (Unknown "S3 Configuration Changed", then False) and is woken by that write — retries about once
 * a second, rewriting the Config status each time (operator-facts.md, "Degraded and timing").
 */
const UNREACHABLE_CALL_MS = 1000;

/** HeadBucket errors the driver reports as StorageExists=False with the code as the reason. */
const HEAD_MISSES = new Set(['NoSuchBucket', 'Forbidden', 'NotFound']);

function cond(type: string, status: CondSpec['status'], reason: string, message = ''): CondSpec {
  return { type, status, reason, message };
}

/**
 * The S3 driver: fills bucket/region, checks the bucket (HeadBucket), creates and configures it
 * when the operator manages it (tags, AES256/KMS encryption, public access block, 1-day abort of
 * incomplete multipart uploads), and produces the registry's env and credentials file.
 */
export function syncS3(
  env: OperatorEnv,
  spec: Json,
  status: Json,
  current: { storageManagementState?: string },
): StorageResult {
  const { world, platform, log } = env;
  const desired = clone(rec(spec, 's3'));
  const conditions: CondSpec[] = [];
  if (!str(desired.region)) desired.region = platform.region;
  if (!str(desired.bucket)) desired.bucket = generatedBucketName(platform.infraName, String(desired.region));
  const bucket = String(desired.bucket);
  const region = String(desired.region);
  if (stableStringify(normalize(desired)) !== stableStringify(normalize(rec(status, 's3')))) {
    conditions.push(
      cond('StorageExists', 'Unknown', 'S3 Configuration Changed', 'S3 storage is in an unknown state'),
    );
  }
  let creds: ReturnType<typeof s3Credentials>;
  try {
    creds = s3Credentials(env.api);
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    return {
      specStorage: {},
      statusStorage: rec(status),
      conditions,
      env: [],
      volumes: [],
      mounts: [],
      secretData: {},
      error: new SyncError(`unable to sync storage configuration: ${e.message}`),
    };
  }
  let managementState = current.storageManagementState;
  // an admin's or an earlier sync's bucket is checked with HeadBucket first; a bootstrap's
  // generated name goes straight to CreateBucket
  const named = Boolean(str(rec(spec, 's3').bucket));
  let heading = true;
  try {
    const existing = world.s3.head(creds.accessKey, bucket, region);
    heading = false;
    if (existing) {
      if (!managementState) managementState = 'Unmanaged';
      conditions.push(
        managementState === 'Unmanaged'
          ? cond(
              'StorageExists',
              'True',
              'S3 Bucket Exists',
              'User supplied S3 bucket exists and is accessible',
            )
          : cond('StorageExists', 'True', 'S3 Bucket Exists'),
      );
    } else if (managementState === 'Unmanaged') {
      conditions.push(
        cond(
          'StorageExists',
          'False',
          'NoSuchBucket',
          `NoSuchBucket: The specified bucket does not exist\n\tstatus code: 404`,
        ),
      );
    } else {
      log.info('s3.go:680', `creating bucket ${bucket}`);
      const b = world.s3.create(creds.accessKey, bucket, region);
      managementState = 'Managed';
      conditions.push(
        cond('StorageExists', 'True', 'Creation Successful', 'S3 bucket was successfully created'),
      );
      log.info('s3.go:755', 'setting aws bucket tags');
      b.tags = { ...MANAGED_TAGS(platform.infraName) };
      conditions.push(
        cond(
          'StorageTagged',
          'True',
          'Tagging Successful',
          'UserTags were successfully applied to the S3 bucket',
        ),
      );
      b.publicAccessBlocked = true;
      conditions.push(
        cond(
          'StoragePublicAccessBlocked',
          'True',
          'Public Access Block Successful',
          'Public access to the S3 bucket and its contents have been successfully blocked.',
        ),
      );
      const kms = str(desired.keyID);
      b.encryption = kms ? 'aws:kms' : 'AES256';
      if (kms) b.kmsKeyId = kms;
      desired.encrypt = true;
      conditions.push(
        cond(
          'StorageEncrypted',
          'True',
          'Encryption Successful',
          kms
            ? 'Default encryption was successfully enabled on the S3 bucket using KMS key'
            : 'Default AES256 encryption was successfully enabled on the S3 bucket',
        ),
      );
      b.abortIncompleteUploadDays = 1;
      conditions.push(
        cond(
          'StorageIncompleteUploadCleanupEnabled',
          'True',
          'Enable Cleanup Successful',
          'Default cleanup of incomplete multipart uploads after one (1) day was successfully enabled',
        ),
      );
    }
  } catch (e) {
    if (e instanceof AwsError) {
      // The S3 driver reports AWS error codes verbatim as the condition reason — except for a
      // HeadBucket of a named bucket failing otherwise than NoSuchBucket/Forbidden/NotFound (the
      // endpoint unreachable, another region, …): StorageExists=Unknown "Unknown Error Occurred"
      // with the error text (op:pkg/storage/s3 StorageExists/CreateStorage).
      conditions.push(
        named && heading && !HEAD_MISSES.has(e.code)
          ? cond('StorageExists', 'Unknown', 'Unknown Error Occurred', e.message)
          : cond('StorageExists', 'False', e.code, e.message),
      );
      const failed = finish(
        desired,
        managementState,
        conditions,
        creds,
        new SyncError(`unable to sync storage configuration: ${e.message}`),
      );
      if (e.code === 'RequestError') failed.elapsedMs = UNREACHABLE_CALL_MS;
      return failed;
    }
    throw e;
  }
  return finish(desired, managementState, conditions, creds);
}

function finish(
  desired: Json,
  managementState: string | undefined,
  conditions: CondSpec[],
  creds: { accessKey: string; secretKey: string; source: 'user' | 'installer' },
  error?: SyncError,
): StorageResult {
  const s3: Json = {
    ...desired,
    virtualHostedStyle: desired.virtualHostedStyle === true,
    trustedCA: isRecord(desired.trustedCA) ? desired.trustedCA : { name: '' },
  };
  const envs: StorageResult['env'] = [
    { name: 'REGISTRY_STORAGE', value: 's3' },
    { name: 'REGISTRY_STORAGE_S3_BUCKET', value: String(s3.bucket) },
    { name: 'REGISTRY_STORAGE_S3_REGION', value: String(s3.region) },
    { name: 'REGISTRY_STORAGE_S3_ENCRYPT', value: String(s3.encrypt === true) },
    { name: 'REGISTRY_STORAGE_S3_FORCEPATHSTYLE', value: String(s3.virtualHostedStyle !== true) },
    { name: 'REGISTRY_STORAGE_S3_CREDENTIALSCONFIGPATH', value: '/var/run/secrets/cloud/credentials' },
  ];
  if (str(s3.regionEndpoint))
    envs.push({ name: 'REGISTRY_STORAGE_S3_REGIONENDPOINT', value: String(s3.regionEndpoint) });
  if (str(s3.keyID)) envs.push({ name: 'REGISTRY_STORAGE_S3_KEYID', value: String(s3.keyID) });
  if (typeof s3.chunkSizeMiB === 'number')
    envs.push({ name: 'REGISTRY_STORAGE_S3_CHUNKSIZE', value: String(s3.chunkSizeMiB * 1024 * 1024) });
  if (isRecord(s3.cloudFront))
    envs.push({
      name: 'REGISTRY_MIDDLEWARE_STORAGE',
      value: stableStringify([{ name: 'cloudfront', options: s3.cloudFront }]),
    });
  const result: StorageResult = {
    specStorage: {
      s3: {
        bucket: s3.bucket,
        region: s3.region,
        ...(managementState === 'Managed' ? { encrypt: true } : {}),
      },
      ...(managementState ? { managementState } : {}),
    },
    statusStorage: { s3, ...(managementState ? { managementState } : {}) },
    conditions,
    env: envs,
    volumes: [],
    mounts: [],
    secretData: { credentials: awsIni(creds) },
  };
  if (error) result.error = error;
  return result;
}

/** Removed with managed storage: empty and delete the bucket. */
export function removeS3(env: OperatorEnv, statusStorage: Json): CondSpec[] {
  const s3 = rec(statusStorage, 's3');
  const bucket = str(s3.bucket);
  if (!bucket) return [];
  const creds = s3Credentials(env.api);
  env.world.s3.delete(creds.accessKey, bucket, str(s3.region) ?? env.platform.region);
  return [cond('StorageExists', 'False', 'S3 Bucket Deleted', 'The S3 bucket has been removed.')];
}

/** The fields as the API serializes them (virtualHostedStyle and trustedCA always present). */
function normalize(s3: Json): Json {
  return {
    ...s3,
    virtualHostedStyle: s3.virtualHostedStyle === true,
    trustedCA: isRecord(s3.trustedCA) ? s3.trustedCA : { name: '' },
    encrypt: s3.encrypt === true,
  };
}
