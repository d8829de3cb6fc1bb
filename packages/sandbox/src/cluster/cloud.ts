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

/**
 * aws-sdk-go v1 turns any 301 from S3 (a bucket in another region) into this error, with the
 * bucket's region from the x-amz-bucket-region header.
 */
function bucketRegionError(asked: string, actual: string): AwsError {
  return new AwsError(
    'BucketRegionError',
    `incorrect region, the bucket is not in '${asked}' region at endpoint '', bucket is in '${actual}' region`,
    301,
  );
}

function signatureMismatch(): AwsError {
  return new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    403,
  );
}

export class SimS3 {
  private readonly buckets = new Map<string, Bucket>();
  /** Access keys the service accepts (the installer's and any an admin "created in IAM"). */
  private readonly validKeys = new Set<string>();
  /** When set, every call fails as a network error would (scenario storage-unreachable). */
  unreachable = false;
  /**
   * The secret key the cluster holds no longer matches the one IAM has (rotated): every signed
   * request fails SignatureDoesNotMatch — a HEAD, which has no body, only says Forbidden.
   */
  rejectSignatures = false;
  /** Buckets whose bucket policy denies the cluster's account (an explicit Deny). */
  readonly deniedBuckets = new Set<string>();
  /** The cluster's IAM user lacks s3:CreateBucket (common for keys scoped to one bucket). */
  createDenied = false;

  allowKey(accessKey: string): void {
    this.validKeys.add(accessKey);
  }

  private check(accessKey: string, region: string, op: 'head' | 'body' = 'body'): void {
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
    if (this.rejectSignatures) {
      if (op === 'head') throw new AwsError('Forbidden', 'Forbidden', 403);
      throw signatureMismatch();
    }
  }

  /**
   * The error a GET on the bucket returns (the registry's storage driver health check, with the
   * credentials the operator gave it), or undefined when the bucket answers. A GET's error has
   * a body, so it carries the real code. The network is the caller's to judge.
   */
  probe(name: string, region: string): AwsError | undefined {
    if (this.rejectSignatures) return signatureMismatch();
    if (this.deniedBuckets.has(name)) return new AwsError('AccessDenied', 'Access Denied', 403);
    const b = this.buckets.get(name);
    if (!b) return new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    if (b.region !== region) return bucketRegionError(region, b.region);
    return undefined;
  }

  /** HeadBucket: undefined when it does not exist; throws when not ours or unreachable. */
  head(accessKey: string, name: string, region: string): Bucket | undefined {
    this.check(accessKey, region, 'head');
    const b = this.buckets.get(name);
    if (
      b &&
      ((b.owner !== accessKey && !this.sameAccount(b.owner, accessKey)) || this.deniedBuckets.has(name))
    )
      throw new AwsError('Forbidden', 'Forbidden', 403);
    if (b && b.region !== region) throw bucketRegionError(region, b.region);
    return b;
  }

  create(accessKey: string, name: string, region: string): Bucket {
    this.check(accessKey, region);
    if (this.deniedBuckets.has(name) || this.createDenied)
      throw new AwsError('AccessDenied', 'Access Denied', 403);
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

  /** Deleted outside the cluster (the S3 console), whatever the credentials: the bucket, to put back. */
  remove(name: string): Bucket | undefined {
    const b = this.buckets.get(name);
    this.buckets.delete(name);
    return b;
  }

  restore(bucket: Bucket): void {
    this.buckets.set(bucket.name, bucket);
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
  /** Nodes whose clock is off by more than S3's 15 minutes (chrony stopped, a bad NTP server). */
  clockSkewedNodes: Set<string>;
  /**
   * Nodes whose image cache was emptied (image garbage collection under disk pressure, a
   * replaced node), with the images pulled since: their kubelet pulls again, with the cluster
   * pull secret.
   */
  coldImageNodes: Map<string, Set<string>>;
  /**
   * Cluster monitoring's query endpoint (the Thanos querier) has no ready pod: connections to it
   * are refused. Prometheus keeps scraping meanwhile.
   */
  monitoringUnreachable: boolean;
}

/** An HTTP proxy outside the cluster, as `host:port` in HTTPS_PROXY names it. */
export interface SimProxy {
  ip: string;
  /** Accepts connections at all. */
  up: boolean;
  /** Reaches only public hosts: asked for a host inside the corporate network, it answers 503. */
  publicOnly: boolean;
}

export interface SimWorld {
  s3: SimS3;
  faults: Faults;
  /** Proxies the scenarios set up; a proxy not listed here forwards everything. */
  proxies: Map<string, SimProxy>;
  /** Registry containers now serving, by pod/container (the simulated load goes to these). */
  registries: Map<string, RunningRegistry>;
}

/** What the simulated registry load needs to know of one running registry container. */
export interface RunningRegistry {
  /** its storage health check right now */
  health(): { ok: boolean };
  /** REGISTRY_STORAGE_MAINTENANCE_READONLY: pushes are refused */
  readOnly(): boolean;
}

export function newWorld(): SimWorld {
  return {
    s3: new SimS3(),
    faults: {
      registryCrash: false,
      prunerFails: false,
      clockSkewedNodes: new Set(),
      coldImageNodes: new Map(),
      monitoringUnreachable: false,
    },
    proxies: new Map(),
    registries: new Map(),
  };
}
