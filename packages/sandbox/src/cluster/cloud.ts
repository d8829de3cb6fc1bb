/**
 * The world outside the cluster that the registry depends on: an AWS-like S3 service. The
 * operator creates and configures buckets here; registry pods check it for their health; fault
 * scenarios make it unreachable. In memory, one per sandbox.
 */
export interface Bucket {
  name: string;
  region: string;
  /** access key id of the account that owns it */
  owner: string;
  tags: Record<string, string>;
  encryption?: 'AES256' | 'aws:kms';
  kmsKeyId?: string;
  publicAccessBlocked: boolean;
  abortIncompleteUploadDays?: number;
  objects: number;
}

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(
      `${code}: ${message}\n\tstatus code: ${statusCode}, request id: ${requestId(code + message)}, host id: `,
    );
  }
}

/** A request id derived from the failure, so the same failure reads the same on every sync. */
function requestId(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < 16; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % seed.length), 0x01000193) >>> 0;
    out += (h & 0xf).toString(16).toUpperCase();
  }
  return out;
}

export class SimS3 {
  private readonly buckets = new Map<string, Bucket>();
  /** Access keys the service accepts (the installer's and any an admin "created in IAM"). */
  private readonly validKeys = new Set<string>();
  /** When set, every call fails as a network error would (scenario storage-unreachable). */
  unreachable = false;

  allowKey(accessKey: string): void {
    this.validKeys.add(accessKey);
  }

  private check(accessKey: string, region: string): void {
    if (this.unreachable) {
      throw new AwsError(
        'RequestError',
        `send request failed\ncaused by: Head "https://s3.${region}.amazonaws.com/": dial tcp 52.216.0.1:443: i/o timeout`,
        0,
      );
    }
    if (!this.isValidKey(accessKey)) {
      throw new AwsError(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
      );
    }
  }

  /** HeadBucket: undefined when it does not exist; throws when not ours or unreachable. */
  head(accessKey: string, name: string, region: string): Bucket | undefined {
    this.check(accessKey, region);
    const b = this.buckets.get(name);
    if (b && b.owner !== accessKey && !this.sameAccount(b.owner, accessKey))
      throw new AwsError('Forbidden', 'Forbidden', 403);
    return b;
  }

  create(accessKey: string, name: string, region: string): Bucket {
    this.check(accessKey, region);
    if (this.buckets.has(name))
      throw new AwsError(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409,
      );
    const b: Bucket = { name, region, owner: accessKey, tags: {}, publicAccessBlocked: false, objects: 0 };
    this.buckets.set(name, b);
    return b;
  }

  delete(accessKey: string, name: string, region: string): void {
    this.check(accessKey, region);
    this.buckets.delete(name);
  }

  get(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  /** Keys IAM issued (AKIA + 16 characters) are accepted; anything else is unknown to AWS. */
  private isValidKey(k: string): boolean {
    return this.validKeys.has(k) || /^AKIA[0-9A-Z]{16}$/.test(k);
  }

  /** Every valid key of the sandbox belongs to the one AWS account the cluster runs in. */
  private sameAccount(a: string, b: string): boolean {
    return this.isValidKey(a) && this.isValidKey(b);
  }
}

/** Fault switches the scenarios flip; workloads and the operator consult them. */
export interface Faults {
  registryCrash: boolean;
  prunerFails: boolean;
}

export interface SimWorld {
  s3: SimS3;
  faults: Faults;
}

export function newWorld(): SimWorld {
  return { s3: new SimS3(), faults: { registryCrash: false, prunerFails: false } };
}
