import { createHash, randomBytes } from 'node:crypto';
import type { ArtifactRecord, UploadRecord } from './types.js';

/** How long an artifact lives unless its upload says otherwise (GitHub's default). */
const RETENTION_MS = 90 * 24 * 3600 * 1000;

export type NewArtifact = Omit<ArtifactRecord, 'id' | 'expiresAt' | 'expired'> & {
  expiresAt?: Date | null;
  expired?: boolean;
};

/** Artifacts, uploads in flight, and the signed blob links that reach them. */
export class ArtifactStore {
  private readonly byId = new Map<number, ArtifactRecord>();
  private readonly uploadsBySig = new Map<string, UploadRecord>();
  private readonly downloadsBySig = new Map<string, number>();
  private lastId = 100;
  private lastUpload = 0;

  constructor(private readonly origin: string) {}

  add(fields: NewArtifact): ArtifactRecord {
    const artifact: ArtifactRecord = {
      ...fields,
      id: ++this.lastId,
      expiresAt: fields.expiresAt ?? new Date(fields.createdAt.getTime() + RETENTION_MS),
      expired: fields.expired ?? false,
    };
    this.byId.set(artifact.id, artifact);
    return artifact;
  }

  get(id: number): ArtifactRecord | undefined {
    return this.byId.get(id);
  }

  delete(id: number): boolean {
    return this.byId.delete(id);
  }

  isExpired(artifact: ArtifactRecord): boolean {
    return artifact.expired || artifact.expiresAt.getTime() <= Date.now();
  }

  /** Newest first, as GitHub lists them; `filter` narrows. */
  list(filter: (artifact: ArtifactRecord) => boolean = () => true): ArtifactRecord[] {
    return [...this.byId.values()]
      .filter(filter)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  }

  /** An unexpired artifact of the run with that name (names are unique per run). */
  findInRun(runId: number, name: string): ArtifactRecord | undefined {
    return this.list((a) => a.runId === runId && a.name === name && !this.isExpired(a))[0];
  }

  /** Registers an upload; the answer is its signed URL on the fake blob service. */
  startUpload(upload: Omit<UploadRecord, 'blocks' | 'committed'>): string {
    // A new CreateArtifact for a name never finalized replaces the abandoned upload.
    for (const [sig, pending] of this.uploadsBySig) {
      if (pending.runId === upload.runId && pending.name === upload.name) {
        this.uploadsBySig.delete(sig);
      }
    }
    const sig = newSig();
    this.uploadsBySig.set(sig, { ...upload, blocks: new Map(), committed: null });
    return this.blobUrl(`upload-${++this.lastUpload}.zip`, 'cw', sig);
  }

  uploadBySig(sig: string | null): UploadRecord | undefined {
    return sig === null ? undefined : this.uploadsBySig.get(sig);
  }

  /** Takes the run's upload of that name out of the in-flight list. */
  takeUpload(runId: number, name: string): UploadRecord | undefined {
    for (const [sig, upload] of this.uploadsBySig) {
      if (upload.runId === runId && upload.name === name) {
        this.uploadsBySig.delete(sig);
        return upload;
      }
    }
    return undefined;
  }

  /** A fresh unauthenticated read link, like the SAS URLs GitHub redirects to. */
  downloadUrl(artifact: ArtifactRecord): string {
    const sig = newSig();
    this.downloadsBySig.set(sig, artifact.id);
    return this.blobUrl(`artifact-${artifact.id}.zip`, 'r', sig);
  }

  downloadBySig(sig: string | null): ArtifactRecord | undefined {
    const id = sig === null ? undefined : this.downloadsBySig.get(sig);
    return id === undefined ? undefined : this.byId.get(id);
  }

  // The Azure SDK reads an IP host's path as /<account>/<container>/<blob>.
  private blobUrl(blob: string, permissions: string, sig: string): string {
    return `${this.origin}/blobs/actions-results/${blob}?sv=2023-11-03&sp=${permissions}&sig=${sig}`;
  }
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function newSig(): string {
  return randomBytes(16).toString('hex');
}
